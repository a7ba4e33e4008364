// The pages every funding area gets from the shell: its applications, and a new application whose form is
// generated from the area's payload schema and priced live by the area before it is submitted. What a module adds
// (its own pages, German labels, how its pricing is asked) comes from /ui/areas/{id}/page.js of its bundle.
import { schemaForm, resolve } from './form.js';
import { applications, euroInput } from './views.js';

export async function areaHome(el, ctx) {
  const { h } = ctx;
  const mod = ctx.module || {};
  if (mod.intro) el.append(h('p', {}, mod.intro));
  el.append(h('dl', { class: 'facts' },
    h('dt', {}, 'Bewilligungsstelle'), h('dd', {}, ctx.area.approvalOffice),
    h('dt', {}, 'Verteilungsschlüssel'), h('dd', {}, ctx.area.distributionKey || '–')));
  if (ctx.has('municipality', 'provider', 'admin')) {
    el.append(h('p', {}, h('a', { class: 'button', href: `#/bereich/${ctx.area.id}/neu` }, 'Neuen Antrag stellen')));
  }
  if (ctx.has('municipality', 'provider', 'admin', 'approver', 'auditor')) {
    el.append(h('h2', {}, 'Anträge in diesem Förderbereich'));
    const box = h('div');
    el.append(box);
    await applications(box, ctx, ctx.area.id);
  }
}

/** The payload schema: the request body of the area's pricing operation. */
function payloadSchema(doc, mod) {
  const path = (mod.application && mod.application.pricingPath) || '/pricing';
  const op = doc.paths && doc.paths[path] && doc.paths[path].post;
  const content = op && op.requestBody && op.requestBody.content;
  const media = content && (content['application/json'] || Object.values(content)[0]);
  return media ? media.schema : null;
}

export async function areaNew(el, ctx) {
  const { h, lib, api } = ctx;
  const mod = ctx.module || {};
  const app = mod.application || {};
  const area = ctx.area;
  const [doc, periods] = await Promise.all([api(`/api/${area.id}/openapi.json`), api('/api/core/periods')]);
  const schema = payloadSchema(doc, mod);
  if (!schema) { el.append(h('p', {}, 'Dieser Förderbereich beschreibt kein Antragsformular.')); return; }

  const scopes = ctx.roles.filter((r) => r.startsWith('municipality:')).map((r) => r.slice('municipality:'.length));
  const applicant = lib.field('Antragsteller (amtlicher Schlüssel)', scopes.length
    ? h('select', { name: 'applicantKey' }, scopes.map((k) => h('option', { value: k }, k)))
    : h('input', { type: 'text', name: 'applicantKey', inputmode: 'numeric', autocomplete: 'off', required: true }));
  const period = lib.field('Förderzeitraum', h('select', { name: 'periodId' },
    periods.map((p, i) => h('option', { value: p.id, selected: i === periods.length - 1 }, p.id))));
  const extra = (app.params || []).map((p) => {
    const f = lib.field(p.label, h('input', { type: 'text', name: p.name, autocomplete: 'off', required: true, value: p.default || '' }), p.hint);
    f.param = p.name;
    return f;
  });
  const price = h('div', { class: 'price', 'aria-live': 'polite', id: 'preis' });
  const formError = h('div', { 'aria-live': 'assertive' });
  const requested = lib.field('Beantragter Betrag in Euro', h('input', { type: 'text', name: 'requested', inputmode: 'decimal', autocomplete: 'off', required: true }),
    'Vorgabe: der nach den Regeln des Bereichs berechnete Betrag');
  let timer = null;
  let seq = 0;
  const generated = schemaForm(schema, doc, { labels: mod.labels, order: mod.order, hide: mod.hide },
    () => { clearTimeout(timer); timer = setTimeout(reprice, 400); });
  // what the area is asked to price: the payload, completed by the module where it needs the applicant
  const pricingBody = () => (app.pricingBody ? app.pricingBody(generated.value(), { applicant: applicant.input.value }) : generated.value());
  const allFields = () => [applicant, period, requested, ...extra, ...generated.fields.values()];

  function showProblem(e) {
    const path = e.field;
    const byName = allFields().find((f) => f.input.name === path) || generated.fields.get(path);
    if (byName) { lib.showFieldError(byName, e.message); return byName; }
    formError.replaceChildren(lib.errorBox(e));
    return null;
  }

  function query() {
    const q = new URLSearchParams();
    if (app.applicantParam !== false && (app.params || app.applicantParam)) q.set(app.applicantParam || 'applicant', applicant.input.value);
    extra.forEach((f) => q.set(f.param, f.input.value));
    const s = q.toString();
    return s ? `?${s}` : '';
  }

  async function reprice() {
    const mine = ++seq;
    generated.clearErrors();
    extra.forEach((f) => lib.showFieldError(f, null));
    formError.replaceChildren();
    try {
      const result = await api(`/api/${area.id}${app.pricingPath || '/pricing'}${query()}`, { method: 'POST', body: pricingBody() });
      if (mine !== seq) return;
      const total = app.total ? app.total(result) : (result.total ?? result.amount ?? result.priced);
      const lines = result.lines || result.items || result.assessment || [];
      price.replaceChildren(h('p', {}, 'Berechneter Betrag: ', h('strong', { id: 'preis-betrag' }, lib.money(total))));
      if (!requested.input.dataset.touched) requested.input.value = lib.money(total).replace(' €', '');
    } catch (e) {
      if (mine !== seq) return;
      price.replaceChildren(h('p', {}, 'Noch kein Betrag: die Angaben sind unvollständig oder fehlerhaft.'));
      showProblem(e);
    }
  }
  requested.input.addEventListener('input', () => { requested.input.dataset.touched = '1'; });
  [applicant, period, ...extra].forEach((f) => f.input.addEventListener('change', reprice));

  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'application', novalidate: true, 'aria-label': `Antrag ${area.title}` },
    h('fieldset', {}, h('legend', {}, 'Antrag'), applicant.wrap, period.wrap, extra.map((f) => f.wrap)),
    h('fieldset', {}, h('legend', {}, `Angaben: ${area.title}`), generated.element),
    h('h2', {}, 'Berechnung'), price, requested.wrap, formError,
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Antrag einreichen')), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    formError.replaceChildren();
    status.replaceChildren();
    allFields().forEach((f) => lib.showFieldError(f, null));
    try {
      const created = await api('/api/core/applications', { method: 'POST', body: {
        applicantKey: applicant.input.value, areaId: area.id, periodId: period.input.value,
        requested: euroInput(requested.input.value), payload: generated.value() } });
      await api(`/api/core/applications/${created.id}/submit`, { method: 'POST' });
      lib.announce(`Antrag Nr. ${created.id} eingereicht.`);
      ctx.navigate(`antraege/${created.id}`);
    } catch (e) {
      const f = showProblem(e);
      if (f) f.input.focus();
    }
  });
  el.append(h('p', {}, 'Das Formular kommt aus dem Schema des Förderbereichs. Der Betrag wird beim Ausfüllen nach den Regeln des Bereichs berechnet; nichts wird gespeichert, bevor Sie einreichen.'), form);
  await reprice();
}
