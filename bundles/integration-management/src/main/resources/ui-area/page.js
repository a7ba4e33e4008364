// Integrationsmanagement in the web interface: German labels for the application form, and the caseworker's pages
// (own caseload, the integration plan of a case, reviews due and overdue). Loaded by the shell while this module
// is installed; everything it shows comes from /api/integration-management with the user's session.
const BASE = '/api/integration-management';

const LIFE_AREAS = { LANGUAGE: 'Sprache', EDUCATION: 'Bildung', WORK: 'Arbeit', HOUSING: 'Wohnen', HEALTH: 'Gesundheit', SOCIAL: 'Soziales' };
const OUTCOMES = { ACHIEVED: 'erreicht', IN_PROGRESS: 'in Arbeit', NOT_ACHIEVED: 'nicht erreicht', REVISED: 'angepasst' };

function positions(ctx) {
  return ctx.roles.filter((r) => r.startsWith('position:')).map((r) => r.slice('position:'.length));
}

/** A form generated from a schema of this module's OpenAPI document by the shell (German titles there). */
async function schemaAction(el, ctx, options) {
  const doc = await ctx.api(`${BASE}/openapi.json`);
  return ctx.schemaAction(el, ctx, { doc, ...options, path: `${BASE}${options.path}` });
}

async function caseload(el, ctx, rest) {
  const { h, lib, api } = ctx;
  if (rest.length) return caseDetail(el, ctx, decodeURIComponent(rest[0]));
  const cases = await api(`${BASE}/cases`);
  el.append(h('p', {}, 'Ihr Fallbestand (pseudonymisiert: Fallkennung, keine Namen).'),
    lib.table(`${cases.length} Fälle`, [
      { title: 'Fall', value: (c) => h('a', { href: `#/bereich/integration-management/faelle/${encodeURIComponent(c.id)}` }, c.id) },
      { title: 'Kommune', value: (c) => c.municipalityKey },
      { title: 'Stelle', numeric: true, value: (c) => c.positionId },
      { title: 'Beratung seit', value: (c) => lib.date(c.counsellingStart) },
      { title: 'Beendet', value: (c) => lib.date(c.counsellingEnd) },
      { title: 'spätestes Ende', value: (c) => lib.date(c.latestEnd) },
    ], cases, 'Kein Fall in Ihrem Fallbestand.'));
  const mine = positions(ctx);
  if (!ctx.has('caseworker')) return;
  await schemaAction(el, ctx, { schema: 'CaseInput', path: '/cases', title: 'Fall anlegen', button: 'Fall anlegen',
    fill: mine.length === 1 ? { positionId: Number(mine[0]) } : {},
    done: (c) => {
      ctx.navigate(`bereich/integration-management/faelle/${encodeURIComponent(c.id)}`); // the new case's page, where its plan is made
      return `Fall ${c.id} angelegt; die Beratung endet spätestens am ${lib.date(c.latestEnd)}.`;
    } });
}

async function caseDetail(el, ctx, id) {
  const { h, lib, api } = ctx;
  const c = await api(`${BASE}/cases/${encodeURIComponent(id)}`);
  el.append(h('h2', {}, `Fall ${c.id}`), h('dl', { class: 'facts' }, [
    ['Kommune', c.municipalityKey], ['Stelle', c.positionId], ['Geburtsjahr', c.birthYear], ['Herkunft', c.country],
    ['Haushalt', `${c.householdSize} Personen`], ['Ankunft', lib.date(c.arrivalDate)], ['Beratung seit', lib.date(c.counsellingStart)],
    ['spätestes Ende', lib.date(c.latestEnd)],
  ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))]).flat()));
  let plan = null;
  try { plan = await api(`${BASE}/cases/${encodeURIComponent(id)}/plan`); } catch (e) { if (e.status !== 404) throw e; }
  el.append(h('h2', {}, 'Integrationsplan'));
  if (!plan) {
    el.append(h('p', { class: 'empty' }, 'Noch kein Integrationsplan.'));
    if (ctx.has('caseworker')) {
      await schemaAction(el, ctx, { schema: 'PlanInput', path: `/cases/${encodeURIComponent(id)}/plan`, method: 'PUT', title: 'Integrationsplan festlegen',
        button: 'Plan speichern', done: (p) => `Integrationsplan vereinbart am ${lib.date(p.agreedOn)}; nächste Fortschreibung bis ${lib.date(p.nextReview)}.` });
    }
    return;
  }
  el.append(h('p', {}, `Vereinbart am ${lib.date(plan.agreedOn)}, Fortschreibung alle ${plan.reviewIntervalMonths} Monate, nächste bis ${lib.date(plan.nextReview)}.`),
    lib.table('Ziele und Maßnahmen', [
      { title: 'Lebensbereich', value: (g) => LIFE_AREAS[g.lifeArea] || g.lifeArea },
      { title: 'Ziel', value: (g) => g.description },
      { title: 'Stand', value: (g) => OUTCOMES[g.outcome] || g.outcome || '–' },
      { title: 'Maßnahmen', value: (g) => (g.measures || []).map((m) => m.description).join('; ') || '–' },
    ], plan.goals || []),
    lib.table('Fortschreibungen', [
      { title: 'Datum', value: (r) => lib.date(r.date) },
      { title: 'Ergebnis', value: (r) => OUTCOMES[r.outcome] || r.outcome },
      { title: 'Notiz', value: (r) => r.note || '–' },
    ], plan.reviews || [], 'Noch keine Fortschreibung.'));
  const date = lib.field('Datum', h('input', { type: 'date', name: 'date' }));
  const outcome = lib.field('Ergebnis', h('select', { name: 'outcome' }, Object.entries(OUTCOMES).map(([k, v]) => h('option', { value: k }, v))));
  const note = lib.field('Notiz', h('textarea', { name: 'note', rows: 2 }));
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'action', novalidate: true, 'aria-label': 'Fortschreibung erfassen' }, h('h3', {}, 'Fortschreibung erfassen'),
    date.wrap, outcome.wrap, note.wrap, h('button', { type: 'submit' }, 'Speichern'), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    try {
      await api(`${BASE}/cases/${encodeURIComponent(id)}/plan/reviews`, { method: 'POST', body: { date: date.input.value, outcome: outcome.input.value, note: note.input.value || null } });
      ctx.navigate(`bereich/integration-management/faelle/${encodeURIComponent(id)}`);
    } catch (e) {
      status.append(lib.errorBox(e));
    }
  });
  el.append(form);
}

async function overdue(el, ctx) {
  const { h, lib, api } = ctx;
  const mine = positions(ctx);
  if (!mine.length) { el.append(h('p', {}, 'Ihrem Benutzer ist keine Stelle zugeordnet.')); return; }
  const rows = (await Promise.all(mine.map((p) => api(`${BASE}/reviews/overdue?position=${encodeURIComponent(p)}`)))).flat();
  el.append(lib.table('Überfällige Fortschreibungen', [
    { title: 'Fall', value: (r) => h('a', { href: `#/bereich/integration-management/faelle/${encodeURIComponent(r.caseId)}` }, r.caseId) },
    { title: 'Kommune', value: (r) => r.municipalityKey },
    { title: 'fällig seit', value: (r) => lib.date(r.due) },
  ], rows, 'Keine Fortschreibung ist überfällig.'));
}

export default {
  intro: 'Integrationsmanagerinnen und -manager begleiten Geflüchtete in der Anschlussunterbringung. Gefördert werden Stellen nach Qualifikation und Stellenanteil; Fälle sind pseudonymisiert.',
  labels: { 'positions.item': 'Stelle' },
  hide: ['responsibleKey'], // always the applicant
  application: {
    pricingPath: '/pricing',
  },
  views: [
    { id: 'faelle', title: 'Fallbestand', roles: ['caseworker', 'admin'], render: caseload },
    { id: 'ueberfaellig', title: 'Überfällige Fortschreibungen', roles: ['caseworker'], render: overdue },
  ],
};
