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

/** The payload schema: the request body of the area's pricing operation (which asks the core's door). */
function payloadSchema(doc, mod) {
  const path = (mod.application && mod.application.pricingPath) || '/pricing';
  const op = doc.paths && doc.paths[path] && doc.paths[path].post;
  const content = op && op.requestBody && op.requestBody.content;
  const media = content && (content['application/json'] || Object.values(content)[0]);
  return media ? media.schema : null;
}

/** The terms of the area's kind that start in the period ("Schuljahr 2018/19" …), as the core derives them. */
export function termsIn(kind, title, period) {
  if (!kind || !period || !period.start) return [];
  const [from, to] = [period.start, period.end];
  const terms = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const start = kind === 'CALENDAR_YEAR' ? `${y}-01-01` : `${y}-08-01`;
    const end = kind === 'CALENDAR_YEAR' ? `${y}-12-31` : `${y + 1}-07-31`;
    if (start >= from && start <= to) {
      terms.push({ kind, start, end, label: kind === 'CALENDAR_YEAR' ? `${title} ${y}` : `${title} ${y}/${String((y + 1) % 100).padStart(2, '0')}` });
    }
  }
  return terms;
}

export async function areaNew(el, ctx) {
  const { h, lib, api } = ctx;
  const mod = ctx.module || {};
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
  // the term the area's applications are for (school year, course period): offered from the chosen period
  const term = area.termKind ? lib.field(area.termTitle || 'Zeitraum', h('select', { name: 'term' })) : null;
  let terms = [];
  const fillTerms = () => {
    if (!term) return;
    terms = termsIn(area.termKind, area.termTitle, periods.find((p) => p.id === period.input.value));
    term.input.replaceChildren(...terms.map((t, i) => h('option', { value: String(i) }, t.label)));
  };
  fillTerms();
  const chosenTerm = () => {
    const t = term ? terms[Number(term.input.value)] : null;
    return t ? { kind: t.kind, start: t.start, end: t.end } : undefined;
  };
  const price = h('div', { class: 'price', 'aria-live': 'polite', id: 'preis' });
  const formError = h('div', { 'aria-live': 'assertive' });
  const requested = lib.field('Beantragter Betrag in Euro', h('input', { type: 'text', name: 'requested', inputmode: 'decimal', autocomplete: 'off', required: true }),
    'Vorgabe: der nach den Regeln des Bereichs berechnete Betrag');
  let timer = null;
  let seq = 0;
  // a reference to the area's records (a call, a provider, a school): its list, as the user may see it
  const choices = async (c) => {
    const data = await api(c.path.replace('{applicantKey}', encodeURIComponent(applicant.input.value)));
    const items = Array.isArray(data) ? data : (data.items || []);
    return items.map((x) => ({ value: x[c.value], label: c.label.replace(/\{(\w+)\}/g, (m, k) => (x[k] ?? '')) }));
  };
  const generated = schemaForm(schema, doc, { labels: mod.labels, order: mod.order, hide: mod.hide, choices },
    () => { clearTimeout(timer); timer = setTimeout(reprice, 400); });
  // the draft as it will be filed: the price comes from the core's one door with the same body
  const draft = () => ({ applicantKey: applicant.input.value, areaId: area.id, periodId: period.input.value, term: chosenTerm(),
    payload: generated.value() });
  const allFields = () => [applicant, period, requested, ...(term ? [term] : []), ...generated.fields.values()];

  function showProblem(e) {
    const path = e.field || '';
    const inner = path.startsWith('payload.') ? path.slice('payload.'.length) : path;
    const byName = allFields().find((f) => f.input.name === path) || generated.fields.get(inner);
    if (byName) { lib.showFieldError(byName, e.message); return byName; }
    formError.replaceChildren(lib.errorBox(e));
    return null;
  }

  async function reprice() {
    const mine = ++seq;
    generated.clearErrors();
    if (term) lib.showFieldError(term, null);
    formError.replaceChildren();
    try {
      const result = await api('/api/core/applications/pricing', { method: 'POST', body: draft() });
      if (mine !== seq) return;
      price.replaceChildren(h('p', {}, 'Berechneter Betrag: ', h('strong', { id: 'preis-betrag' }, lib.money(result.amount))),
        result.items && result.items.length ? h('ul', { class: 'lines' }, result.items.map((l) => h('li', {}, l.kind === 'NOTE' ? l.label : `${l.label}: ${lib.money(l.amount)}`))) : null);
      if (!requested.input.dataset.touched) requested.input.value = lib.money(result.amount).replace(' €', '');
    } catch (e) {
      if (mine !== seq) return;
      price.replaceChildren(h('p', {}, 'Noch kein Betrag: die Angaben sind unvollständig oder fehlerhaft.'));
      showProblem(e);
    }
  }
  requested.input.addEventListener('input', () => { requested.input.dataset.touched = '1'; });
  period.input.addEventListener('change', fillTerms);
  applicant.input.addEventListener('change', () => generated.reloadChoices());
  [applicant, period, ...(term ? [term] : [])].forEach((f) => f.input.addEventListener('change', reprice));

  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'application', novalidate: true, 'aria-label': `Antrag ${area.title}` },
    h('fieldset', {}, h('legend', {}, 'Antrag'), applicant.wrap, period.wrap, term ? term.wrap : null),
    h('fieldset', {}, h('legend', {}, `Angaben: ${area.title}`), generated.element),
    h('h2', {}, 'Berechnung'), price, requested.wrap, formError,
    h('div', { class: 'buttons' }, h('button', { type: 'submit' }, 'Antrag einreichen')), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    formError.replaceChildren();
    status.replaceChildren();
    allFields().forEach((f) => lib.showFieldError(f, null));
    try {
      const created = await api('/api/core/applications', { method: 'POST', body: { ...draft(), requested: euroInput(requested.input.value) } });
      await api(`/api/core/applications/${created.id}/submit`, { method: 'POST' });
      lib.announce(`Antrag Nr. ${created.id} eingereicht.`);
      ctx.navigate(`antraege/${created.id}`);
    } catch (e) {
      const f = showProblem(e);
      if (f) f.input.focus();
    }
  });
  el.append(h('p', {}, 'Das Formular kommt aus dem Schema des Förderbereichs. Der Betrag wird beim Ausfüllen von der Plattform nach den Regeln des'
    + ' Bereichs berechnet, genau wie beim Einreichen; nichts wird gespeichert, bevor Sie einreichen.'), form);
  await reprice();
}
