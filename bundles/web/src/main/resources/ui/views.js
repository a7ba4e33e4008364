// The core's pages: approval office overview with budgets and chart, distributions, applications inbox and detail
// (decide, four eyes, funds, letters, audit), four-eyes queue, audit log, operation.
import * as lib from './lib.js';
import { barChart } from './chart.js';

const { api, h, money, date, table, field, errorBox, announce, euroInput, actionForm, openCsv } = lib;
export { euroInput };

async function periods() {
  return api('/api/core/periods');
}

function select(options, value) {
  return h('select', {}, options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

function areaTitle(ctx, id) {
  const a = ctx.areas.find((x) => x.id === id);
  return a ? a.title : id;
}

// ---------------------------------------------------------------------------------------------- Übersicht

/** Where each kind of waiting work is done (the shell's routes). */
const WORK_ROUTES = { TO_DECIDE: 'antraege?zustand=SUBMITTED', TO_CONFIRM: 'vier-augen', DRAFTS: 'antraege?zustand=DRAFT',
  SURVEY_TO_REPORT: 'erhebung', SURVEY_TO_CHECK: 'erhebung', SURVEY_OPEN: 'erhebung' };

/** "Was auf Sie wartet": the caller's work with counts and links; nothing waiting is said too. */
export async function workQueue(ctx) {
  const items = await api('/api/core/work').catch(() => []);
  if (!items.length) return null;
  const waiting = items.filter((w) => w.count > 0);
  return h('section', { class: 'work', 'aria-labelledby': 'arbeit' }, h('h2', { id: 'arbeit' }, 'Was auf Sie wartet'),
    waiting.length ? h('ul', {}, waiting.map((w) => h('li', { dataset: { work: w.kind } }, h('a', { href: `#/${WORK_ROUTES[w.kind] || 'start'}` }, w.title))))
      : h('p', {}, 'Derzeit wartet nichts auf Sie.'));
}

export async function start(el, ctx) {
  const work = await workQueue(ctx);
  if (work) el.append(work);
  const list = await periods();
  if (!list.length) { el.append(h('p', {}, 'Es sind keine Förderzeiträume angelegt.')); return; }
  const chosen = new URLSearchParams(location.hash.split('?')[1] || '').get('zeitraum') || list[list.length - 1].id;
  const periodSelect = select(list.map((p) => [p.id, `${p.id} (Rahmen ${money(p.envelope)})`]), chosen);
  const pf = field('Förderzeitraum', periodSelect);
  const content = h('div');
  el.append(h('div', { class: 'filters' }, pf.wrap), content);
  const draw = async () => {
    const period = periodSelect.value;
    const [budgets, overview] = await Promise.all([
      api(`/api/core/periods/${encodeURIComponent(period)}/budgets`),
      api(`/api/core/overview?period=${encodeURIComponent(period)}&by=region`).catch(() => []),
    ]);
    const sums = new Map();
    for (const region of overview) {
      for (const a of region.areas || []) {
        const s = sums.get(a.areaId) || { paid: 0, reclaimed: 0 };
        s.paid += lib.cents(a.paid);
        s.reclaimed += lib.cents(a.reclaimed);
        sums.set(a.areaId, s);
      }
    }
    const rows = budgets.map((b) => {
      const s = sums.get(b.areaId) || { paid: 0, reclaimed: 0 };
      const remaining = lib.cents(b.amount) - lib.cents(b.committed);
      return { ...b, title: areaTitle(ctx, b.areaId), paid: s.paid, reclaimed: s.reclaimed, remaining };
    });
    const cols = [
      { title: 'Förderbereich', value: (r) => r.title },
      { title: 'Budget', numeric: true, value: (r) => money(r.amount) },
      { title: 'Gebunden', numeric: true, value: (r) => money(r.committed) },
      { title: 'Ausgezahlt', numeric: true, value: (r) => money(lib.decimal(r.paid)) },
      { title: 'Zurückgefordert', numeric: true, value: (r) => money(lib.decimal(r.reclaimed)) },
      { title: 'Verfügbar', numeric: true, value: (r) => h('span', { dataset: { remaining: r.areaId } }, money(lib.decimal(r.remaining))) },
    ];
    content.replaceChildren(
      h('h2', {}, `Budgets ${period}`),
      table(`Budgets des Förderzeitraums ${period} je Förderbereich`, cols, rows, 'Für diesen Zeitraum ist noch kein Budget gesetzt.'));
    if (rows.length) {
      content.append(barChart(`Budget, gebunden und verfügbar je Förderbereich, ${period}`, rows.map((r) => r.title), [
        { label: 'Budget', values: rows.map((r) => lib.cents(r.amount)) },
        { label: 'Gebunden', values: rows.map((r) => lib.cents(r.committed)) },
        { label: 'Verfügbar', values: rows.map((r) => r.remaining) },
      ]));
    }
  };
  if (ctx.has('admin', 'approver')) {
    // the form stays while the table above is drawn anew, so its confirmation stays readable
    const area = field('Förderbereich', select(ctx.areas.map((a) => [a.id, a.title])));
    area.input.name = 'areaId';
    const amount = field('Betrag in Euro', h('input', { type: 'text', name: 'amount', inputmode: 'decimal', autocomplete: 'off' }), 'z. B. 2.500.000,00');
    const capped = h('input', { type: 'checkbox', name: 'capped', id: lib.nextId('f') });
    const form = actionForm('Budget setzen', [area, amount], 'Budget speichern', async () => {
      const b = await api(`/api/core/periods/${encodeURIComponent(periodSelect.value)}/budgets/${encodeURIComponent(area.input.value)}`,
        { method: 'PUT', body: { amount: euroInput(amount.input.value), capped: capped.checked } });
      await draw();
      return `Budget für ${areaTitle(ctx, b.areaId)} gesetzt: ${money(b.amount)}.`;
    });
    form.insertBefore(h('div', { class: 'field check' }, capped, h('label', { for: capped.id }, 'gedeckelt (nicht überschreitbar)')),
      form.querySelector('button'));
    el.append(form);
  }
  periodSelect.addEventListener('change', draw);
  await draw();
}

// ---------------------------------------------------------------------------------------------- Verteilungen

export async function distributions(el, ctx) {
  const list = await periods();
  const periodSel = field('Förderzeitraum', select(list.map((p) => [p.id, p.id]), list.length ? list[list.length - 1].id : ''));
  const areaSel = field('Förderbereich', select(ctx.areas.map((a) => [a.id, a.title])));
  const out = h('div');
  const formBox = h('div');
  el.append(h('div', { class: 'filters' }, periodSel.wrap, areaSel.wrap), out, formBox);
  let runs = [];
  const draw = async () => {
    out.replaceChildren();
    runs = await api(`/api/core/distributions?area=${encodeURIComponent(areaSel.input.value)}&period=${encodeURIComponent(periodSel.input.value)}`);
    out.append(h('h2', {}, 'Läufe'), table('Verteilungsläufe', [
      { title: 'Lauf', value: (r) => h('a', { href: '#', onclick: (ev) => { ev.preventDefault(); showShares(r); } }, `Nr. ${r.id}`) },
      { title: 'Art', value: (r) => (r.kind === 'FINAL' ? 'endgültig' : 'vorläufig') },
      { title: 'Stichtag', value: (r) => date(r.referenceDate) },
      { title: 'Betrag', numeric: true, value: (r) => money(r.amount) },
      { title: 'Körperschaften', numeric: true, value: (r) => r.bodies },
      { title: 'Erstellt', value: (r) => date(r.createdAt) },
    ], runs, 'Noch kein Verteilungslauf.'));
    const detail = h('div', { id: 'lauf' });
    out.append(detail);
    async function showShares(run) {
      // a final run stands beside the provisional one it follows; the server pages, sorts and searches (1,101 bodies)
      const provisional = run.kind === 'FINAL' ? runs.find((r) => r.kind === 'PROVISIONAL' && r.id !== run.id) : null;
      const cols = [
        { title: 'Körperschaft', sort: 'name', value: (s) => `${s.name} (${s.bodyKey})` },
        { title: 'Schlüsselzahl', sort: 'weight', numeric: true, value: (s) => s.weight.toLocaleString('de-DE') },
        { title: 'Anteil', sort: 'amount', numeric: true, value: (s) => money(s.amount) },
      ];
      if (provisional) {
        cols.push({ title: `Vorläufig (Lauf Nr. ${provisional.id})`, numeric: true, value: (s) => money(s.compared) });
        cols.push({ title: 'Differenz', numeric: true, value: (s) => money(s.difference) });
      }
      const list = lib.pagedTable({
        caption: `Anteile des Laufs Nr. ${run.id}`, columns: cols, search: 'Körperschaft suchen (Name oder Schlüssel)', sort: 'name',
        count: (n) => `Anteile des Laufs Nr. ${run.id}: ${n.toLocaleString('de-DE')} Körperschaften`,
        fetch: ({ offset, limit, sort, q }) => api(`/api/core/distributions/${run.id}/shares?${new URLSearchParams({ offset, limit, sort, q,
          ...(provisional ? { compare: provisional.id } : {}) })}`),
      });
      detail.replaceChildren(h('h2', {}, `Anteile des Laufs Nr. ${run.id}`),
        h('button', { type: 'button', class: 'secondary', onclick: () => openCsv(`/api/core/distributions/${run.id}/shares.csv`, `verteilung-${run.id}-anteile.csv`) },
          'Als CSV herunterladen'),
        list.el);
      await list.draw();
      detail.querySelector('h2').tabIndex = -1;
      detail.querySelector('h2').focus();
    }
  };
  if (ctx.has('admin', 'approver')) {
    const kind = field('Art', select([['PROVISIONAL', 'vorläufig'], ['FINAL', 'endgültig']]));
    kind.input.name = 'kind';
    const amount = field('Betrag in Euro', h('input', { type: 'text', name: 'amount', inputmode: 'decimal', autocomplete: 'off' }));
    const ref = field('Stichtag', h('input', { type: 'date', name: 'referenceDate' }), 'leer: der Stichtag des Förderbereichs');
    formBox.append(actionForm('Verteilung berechnen', [kind, amount, ref], 'Verteilung berechnen', async () => {
      const body = { areaId: areaSel.input.value, periodId: periodSel.input.value, kind: kind.input.value, amount: euroInput(amount.input.value) };
      if (ref.input.value) body.referenceDate = ref.input.value;
      const run = await api('/api/core/distributions', { method: 'POST', body });
      await draw();
      return `Verteilung Nr. ${run.id} berechnet: ${money(run.amount)} auf ${run.bodies} Körperschaften.`;
    }));
  }
  periodSel.input.addEventListener('change', draw);
  areaSel.input.addEventListener('change', draw);
  if (ctx.areas.length) await draw();
  else el.append(h('p', {}, 'Kein Förderbereich installiert.'));
}

let namesCache = null;
async function bodyNames() {
  if (!namesCache) {
    const page = await api('/api/core/municipalities?limit=2000');
    namesCache = new Map((page.items || page).map((m) => [m.key, m.name]));
  }
  return namesCache;
}

// ---------------------------------------------------------------------------------------------- Anträge

export async function applications(el, ctx, fixedArea) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const stateSel = field('Zustand', select([['', 'alle']].concat(Object.entries(lib.STATES).filter(([k]) => k !== 'AWAITING_CONFIRMATION' && k !== 'CLOSED'
    && (k !== 'DRAFT' || !ctx.has('approver', 'auditor', 'admin')))), params.get('zustand') || ''));
  const areaSel = field('Förderbereich', select([['', 'alle']].concat(ctx.areas.map((a) => [a.id, a.title])), fixedArea || ''));
  const text = field('Antragsteller (Name oder Schlüssel)', h('input', { type: 'search', autocomplete: 'off' }), 'z. B. Ulm oder 08421');
  const district = field('Landkreis (Schlüssel)', h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off' }), 'z. B. 08425');
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Anträge suchen' },
    text.wrap, stateSel.wrap, fixedArea ? null : areaSel.wrap, district.wrap, h('button', { type: 'submit' }, 'Suchen'));
  const list = lib.pagedTable({
    caption: 'Anträge', sort: 'id', empty: 'Keine Anträge für diese Auswahl.',
    count: (n) => (n === 1 ? '1 Antrag' : `${n.toLocaleString('de-DE')} Anträge`),
    columns: [
      { title: 'Antrag', sort: 'id', value: (a) => h('a', { href: `#/antraege/${a.id}` }, `Nr. ${a.id}`) },
      { title: 'Antragsteller', sort: 'applicant', value: (a) => `${names.get(a.applicantKey) || ''} (${a.applicantKey})` },
      { title: 'Förderbereich', sort: 'area', value: (a) => areaTitle(ctx, a.areaId) },
      { title: 'Zeitraum', sort: 'period', value: (a) => a.periodId },
      { title: 'Beantragt', sort: 'requested', numeric: true, value: (a) => money(a.requested) },
      { title: 'Zustand', sort: 'state', value: (a) => lib.stateName(a.state) },
      { title: 'Geändert', sort: 'updated', value: (a) => date(a.updatedAt) },
    ],
    fetch: ({ offset, limit, sort }) => {
      const q = new URLSearchParams({ offset, limit, sort });
      if (stateSel.input.value) q.set('state', stateSel.input.value);
      const area = fixedArea || areaSel.input.value;
      if (area) q.set('area', area);
      if (text.input.value.trim()) q.set('q', text.input.value.trim());
      if (district.input.value.trim()) q.set('district', district.input.value.trim());
      return api(`/api/core/applications?${q}`);
    },
  });
  const names = await bodyNames().catch(() => new Map());
  if (!ctx.has('admin', 'approver', 'auditor')) {
    const work = await workQueue(ctx);
    if (work) el.append(work);
  }
  el.append(filters, list.el);
  filters.addEventListener('submit', (ev) => { ev.preventDefault(); list.draw(); });
  await list.draw();
}

export async function application(el, ctx, id) {
  const a = await api(`/api/core/applications/${encodeURIComponent(id)}`);
  const names = await bodyNames().catch(() => new Map());
  el.append(h('dl', { class: 'facts' }, [
    ['Antragsteller', `${names.get(a.applicantKey) || ''} (${a.applicantKey})`],
    ['Förderbereich', areaTitle(ctx, a.areaId)], ['Förderzeitraum', a.periodId],
    ['Beantragt', money(a.requested)], ['Nach den Regeln des Bereichs', money(a.priced)],
    ['Zustand', h('span', { id: 'zustand' }, lib.stateName(a.state))], ['Angelegt', `${date(a.createdAt)} von ${a.createdBy}`],
  ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]).flat()));
  if (a.assessment && a.assessment.length) {
    el.append(table('Berechnung', [
      { title: 'Position', value: (l) => l.label || l.description || l.code },
      { title: 'Betrag', numeric: true, value: (l) => money(l.amount) },
    ], a.assessment));
  }
  el.append(h('details', {}, h('summary', {}, 'Angaben des Förderbereichs'), h('pre', {}, JSON.stringify(a.payload, null, 2))));

  const actions = h('div', { class: 'actions' });
  el.append(actions);
  const mine = ctx.has('municipality', 'provider', 'admin');
  if (a.state === 'DRAFT' && mine) {
    actions.append(h('button', { type: 'button', onclick: async () => { await api(`/api/core/applications/${a.id}/submit`, { method: 'POST' }); ctx.navigate(`antraege/${a.id}`); } }, 'Einreichen'));
  }
  let decision = null;
  if (['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'].includes(a.state) || a.state === 'SUBMITTED') {
    decision = await api(`/api/core/applications/${a.id}/decision`).catch(() => null);
  }
  if (decision) {
    el.append(h('h2', {}, 'Entscheidung'), h('dl', { class: 'facts' }, [
      ['Nummer', decision.number || '(noch keine – wartet auf die zweite Person)'], ['Ergebnis', lib.stateName(decision.outcome)],
      ['Betrag', money(decision.amount)], ['Entschieden von', decision.approver], ['Datum', date(decision.date)],
      ['Auflagen', decision.conditions || '–'],
      ['Zweite Person', decision.needsConfirmation ? (decision.confirmedBy ? `${decision.confirmedBy}, ${date(decision.confirmedAt)}` : 'ausstehend') : 'nicht nötig'],
    ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]).flat()));
  }
  // a decision the second person gave back stays readable with its reason, for whoever decides anew
  const returned = a.state === 'DRAFT' ? [] : await api(`/api/core/applications/${a.id}/returned-decisions`).catch(() => []);
  if (returned.length) {
    el.append(h('h2', {}, 'Zurückgegebene Entscheidungen'), table('Von der zweiten Person zurückgegeben', [
      { title: 'Zurückgegeben am', value: (r) => date(r.returnedAt) },
      { title: 'Von', value: (r) => r.returnedBy },
      { title: 'Grund', value: (r) => r.reason },
      { title: 'Entscheidung', value: (r) => `${lib.stateName(r.outcome)}, ${money(r.amount)} (${r.decidedBy}, ${date(r.decidedOn)})` },
    ], returned));
  }
  if (a.state === 'SUBMITTED' && ctx.has('approver', 'admin') && !(decision && decision.needsConfirmation && !decision.confirmedBy)) {
    const outcome = field('Ergebnis', select([['APPROVED', 'Bewilligen'], ['PARTIALLY_APPROVED', 'Teilweise bewilligen'], ['REJECTED', 'Ablehnen']]));
    outcome.input.name = 'outcome';
    const amount = field('Betrag in Euro', h('input', { type: 'text', name: 'amount', inputmode: 'decimal', autocomplete: 'off', value: lib.money(a.priced || a.requested).replace(' €', '') }));
    const conditions = field('Auflagen und Nebenbestimmungen', h('textarea', { name: 'conditions', rows: 3 }));
    el.append(actionForm('Entscheiden', [outcome, amount, conditions], 'Entscheidung speichern', async () => {
      const body = { outcome: outcome.input.value, conditions: conditions.input.value || null };
      if (outcome.input.value !== 'REJECTED') body.amount = euroInput(amount.input.value);
      const d = await api(`/api/core/applications/${a.id}/decision`, { method: 'POST', body });
      setTimeout(() => ctx.navigate(`antraege/${a.id}`), 0);
      return d.needsConfirmation && !d.confirmedBy ? 'Entscheidung gespeichert; sie wartet auf die Bestätigung einer zweiten Person.'
        : `Entscheidung ${d.number} ist in Kraft.`;
    }));
  }
  const decided = a.state === 'APPROVED' || a.state === 'PARTIALLY_APPROVED';
  if (decided) {
    const [draws, letters] = await Promise.all([
      api(`/api/core/applications/${a.id}/drawdowns`).catch(() => []),
      api(`/api/core/applications/${a.id}/letters`).catch(() => []),
    ]);
    el.append(h('h2', {}, 'Mittelabrufe'), table('Mittelabrufe', [
      { title: 'Nr.', value: (d) => d.id }, { title: 'Betrag', numeric: true, value: (d) => money(d.amount) },
      { title: 'Zeitpunkt', value: (d) => date(d.at) }, { title: 'durch', value: (d) => d.by },
    ], draws, 'Noch keine Mittel abgerufen.'));
    if (ctx.has('municipality', 'provider', 'admin')) {
      const amount = field('Betrag in Euro', h('input', { type: 'text', name: 'amount', inputmode: 'decimal', autocomplete: 'off' }));
      el.append(actionForm('Mittel abrufen', [amount], 'Abrufen', async () => {
        const d = await api(`/api/core/applications/${a.id}/drawdowns`, { method: 'POST', body: { amount: euroInput(amount.input.value) } });
        setTimeout(() => ctx.navigate(`antraege/${a.id}`), 0);
        return `${money(d.amount)} abgerufen.`;
      }));
      const spent = field('Verwendet in Euro', h('input', { type: 'text', name: 'spent', inputmode: 'decimal', autocomplete: 'off' }));
      const reason = field('Begründung (bei Minderausgaben)', h('textarea', { name: 'reason', rows: 2 }));
      el.append(actionForm('Verwendungsnachweis', [spent, reason], 'Nachweis einreichen', async () => {
        await api(`/api/core/applications/${a.id}/proof-of-use`, { method: 'POST', body: { spent: euroInput(spent.input.value), reason: reason.input.value || null } });
        setTimeout(() => ctx.navigate(`antraege/${a.id}`), 0);
        return 'Verwendungsnachweis eingereicht.';
      }));
    }
    const [proof, reclaims] = await Promise.all([
      api(`/api/core/applications/${a.id}/proof-of-use`).catch(() => null),
      api(`/api/core/reclaims?debtor=${encodeURIComponent(a.applicantKey)}`).catch(() => []),
    ]);
    el.append(h('h2', {}, 'Verwendungsnachweis'), proof ? h('dl', { class: 'facts' }, [
      ['Verwendet', money(proof.spent)], ['Ausgezahlt', money(proof.paid)], ['Anerkannt', money(proof.accepted)],
      ['Freigegeben', money(proof.released)], ['Rückforderung', money(proof.reclaim)], ['Eingereicht', `${date(proof.at)} von ${proof.by}`],
    ].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]).flat()) : h('p', { class: 'empty' }, 'Noch kein Verwendungsnachweis.'));
    el.append(h('h2', {}, 'Rückforderungen'), reclaimTable(reclaims.filter((r) => r.applicationId === a.id)));
    el.append(h('h2', {}, 'Bescheide'), letters.length ? h('ul', {}, letters.map((l) => h('li', {},
      h('button', { type: 'button', class: 'link', onclick: () => openPdf(`/api/core/applications/${a.id}/letters/${l.number ?? l.n ?? l.id}`) },
        `${lib.letterKind(l.kind)} (Brief ${l.number ?? ''}) vom ${date(l.createdAt || l.date)} (PDF)`)))) : h('p', { class: 'empty' }, 'Noch kein Bescheid.'));
    if (!proof && ctx.has('approver', 'admin')) {
      const amount = field('Neuer Betrag in Euro (leer: unverändert)', h('input', { type: 'text', name: 'amount', inputmode: 'decimal', autocomplete: 'off' }));
      const conditions = field('Neue Auflagen (leer: unverändert)', h('textarea', { name: 'conditions', rows: 2 }));
      const why = field('Grund der Änderung', h('textarea', { name: 'reason', rows: 2 }));
      el.append(actionForm('Bescheid ändern (Änderungsbescheid)', [amount, conditions, why], 'Änderung speichern', async () => {
        const body = { reason: why.input.value };
        if (amount.input.value.trim()) body.amount = euroInput(amount.input.value);
        if (conditions.input.value.trim()) body.conditions = conditions.input.value;
        const d = await api(`/api/core/applications/${a.id}/decision/amendments`, { method: 'POST', body });
        setTimeout(() => ctx.navigate(`antraege/${a.id}`), 0);
        return `Änderung gespeichert: bewilligt sind nun ${money(d.amount)}.`;
      }));
    }
  }
  if (ctx.has('auditor', 'approver', 'admin')) {
    const entries = await api(`/api/core/audit?entityType=application&entityId=${a.id}`).catch(() => []);
    el.append(h('h2', {}, 'Audit dieses Antrags'), auditTable(entries));
  }
}

function reclaimTable(rows) {
  return table('Rückforderungen', [
    { title: 'Nr.', value: (r) => r.id },
    { title: 'Antrag', value: (r) => h('a', { href: `#/antraege/${r.applicationId}` }, `Nr. ${r.applicationId}`) },
    { title: 'Schuldner', value: (r) => r.debtorKey },
    { title: 'Betrag', numeric: true, value: (r) => money(r.amount) },
    { title: 'Zeitpunkt', value: (r) => date(r.at) },
  ], rows, 'Keine Rückforderung.');
}

/** Every reclaim (approval office, auditors): what applicants owe back after their proof of use. */
export async function reclaims(el) {
  el.append(h('p', {}, 'Rückforderungen entstehen, wenn ein Verwendungsnachweis weniger belegt, als ausgezahlt wurde.'),
    reclaimTable(await api('/api/core/reclaims')));
}

async function openPdf(path) {
  const res = await api(path, { raw: true, headers: { Accept: 'application/pdf' } });
  const url = URL.createObjectURL(await res.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

function auditTable(entries) {
  return table('Audit-Einträge', [
    { title: 'Nr.', numeric: true, value: (e) => e.seq },
    { title: 'Zeitpunkt', value: (e) => date(e.at) },
    { title: 'Wer', value: (e) => e.actor },
    { title: 'Was', value: (e) => `${e.entityType} ${e.entityId}` },
    { title: 'Aktion', value: (e) => e.action },
  ], entries, 'Keine Einträge.');
}

// ---------------------------------------------------------------------------------------------- Vier Augen

export async function fourEyes(el, ctx) {
  const [list, names] = await Promise.all([api('/api/core/decisions/awaiting-confirmation'), bodyNames().catch(() => new Map())]);
  const apps = new Map(await Promise.all(list.map(async (d) => [d.applicationId, await api(`/api/core/applications/${d.applicationId}`).catch(() => null)])));
  el.append(h('p', {}, 'Entscheidungen über der Vier-Augen-Schwelle, die eine zweite Person bestätigen oder zurückgeben muss.'));
  const status = h('div', { 'aria-live': 'polite' });
  const review = h('div');
  const applicant = (d) => { const a = apps.get(d.applicationId); return a ? `${names.get(a.applicantKey) || ''} (${a.applicantKey})` : ''; };
  const area = (d) => { const a = apps.get(d.applicationId); return a ? areaTitle(ctx, a.areaId) : ''; };
  // a look at what is confirmed or returned before it is: the decision in full, then yes or no
  const show = (d, confirming) => {
    const reason = confirming ? null : field('Grund der Rückgabe', h('textarea', { rows: 3, maxlength: 2000 }), 'Die entscheidende Person liest ihn beim Antrag.');
    const facts = h('dl', { class: 'facts' }, [['Antrag', `Nr. ${d.applicationId}`], ['Antragsteller', applicant(d)], ['Förderbereich', area(d)],
      ['Ergebnis', lib.stateName(d.outcome)], ['Betrag', money(d.amount)], ['Auflagen', d.conditions || 'keine'], ['Entschieden von', d.approver],
      ['Entschieden am', date(d.date)]].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]).flat());
    const box = h('section', { class: 'notice review', 'aria-labelledby': 'pruefen' },
      h('h2', { id: 'pruefen', tabindex: -1 }, confirming ? `Entscheidung zu Antrag ${d.applicationId} bestätigen?` : `Entscheidung zu Antrag ${d.applicationId} zurückgeben?`),
      facts, reason ? reason.wrap : null,
      h('div', { class: 'buttons' },
        h('button', { type: 'button', onclick: async () => {
          try {
            if (confirming) {
              const c = await api(`/api/core/applications/${d.applicationId}/decision/confirm`, { method: 'POST' });
              announce(`Bestätigt: ${c.number}`);
            } else {
              if (!reason.input.value.trim()) { lib.showFieldError(reason, 'Bitte den Grund der Rückgabe angeben.'); reason.input.focus(); return; }
              await api(`/api/core/applications/${d.applicationId}/decision/return`, { method: 'POST', body: { reason: reason.input.value.trim() } });
              announce(`Entscheidung zu Antrag ${d.applicationId} zurückgegeben.`);
            }
            ctx.navigate('vier-augen');
          } catch (e) { status.replaceChildren(errorBox(e)); }
        } }, confirming ? 'Ja, bestätigen' : 'Zurückgeben'),
        h('button', { type: 'button', class: 'secondary', onclick: () => review.replaceChildren() }, 'Abbrechen')));
    review.replaceChildren(box);
    box.querySelector('h2').focus();
  };
  el.append(status, table('Wartende Entscheidungen', [
    { title: 'Antrag', value: (d) => h('a', { href: `#/antraege/${d.applicationId}` }, `Nr. ${d.applicationId}`) },
    { title: 'Antragsteller', value: applicant },
    { title: 'Förderbereich', value: area },
    { title: 'Ergebnis', value: (d) => lib.stateName(d.outcome) },
    { title: 'Betrag', numeric: true, value: (d) => money(d.amount) },
    { title: 'Auflagen', value: (d) => d.conditions || 'keine' },
    { title: 'Entschieden von', value: (d) => d.approver },
    { title: 'Aktion', header: false, value: (d) => h('span', { class: 'buttons' },
      h('button', { type: 'button', 'aria-label': `Entscheidung zu Antrag ${d.applicationId} bestätigen`, onclick: () => show(d, true) }, 'Bestätigen'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': `Entscheidung zu Antrag ${d.applicationId} zurückgeben`, onclick: () => show(d, false) },
        'Zurückgeben')) },
  ], list, 'Keine Entscheidung wartet auf Ihre Bestätigung.'), review);
}

// ---------------------------------------------------------------------------------------------- Audit

export async function audit(el, ctx) {
  const today = new Date().toISOString().slice(0, 10);
  const from = field('Von', h('input', { type: 'date', name: 'from', value: today }));
  const to = field('Bis (ausschließlich)', h('input', { type: 'date', name: 'to' }));
  const actor = field('Benutzer', h('input', { type: 'text', name: 'actor', autocomplete: 'off' }));
  const out = h('div');
  const verify = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Audit filtern' }, from.wrap, to.wrap, actor.wrap,
    h('button', { type: 'submit' }, 'Anzeigen'));
  el.append(h('button', { type: 'button', class: 'secondary', onclick: async () => {
    const v = await api('/api/core/audit/verify');
    verify.replaceChildren(h('p', { class: v.intact ? 'ok' : 'error', role: 'status' },
      v.intact ? `Die Hash-Kette ist intakt (${v.entriesChecked.toLocaleString('de-DE')} Einträge geprüft).` : `Die Hash-Kette ist gebrochen: ${v.message}`));
  } }, 'Kette prüfen'), verify, form, out);
  const draw = async () => {
    const q = new URLSearchParams({ from: from.input.value || '2000-01-01', limit: '500' });
    if (to.input.value) q.set('to', to.input.value);
    if (actor.input.value) q.set('actor', actor.input.value);
    out.replaceChildren(auditTable(await api(`/api/core/audit?${q}`)));
  };
  form.addEventListener('submit', async (ev) => { ev.preventDefault(); try { await draw(); } catch (e) { out.replaceChildren(errorBox(e)); } });
  await draw();
}

// ---------------------------------------------------------------------------------------------- Betrieb

const BUNDLE_STATES = { ACTIVE: 'aktiv', RESOLVED: 'bereit, nicht gestartet', INSTALLED: 'installiert, nicht auflösbar', STARTING: 'startet', STOPPING: 'hält an' };

export async function operation(el, ctx) {
  const modules = await api('/api/core/modules');
  el.append(h('p', {}, 'Die Bundles von Paktwerk in diesem Knoten. Förderbereiche werden mit Karaf installiert, aktualisiert und entfernt (feature:install, .kar in deploy/); das Menü folgt nach wenigen Sekunden.'),
    table('Bundles', [
      { title: 'Bundle', value: (m) => m.name || m.symbolicName },
      { title: 'Symbolischer Name', value: (m) => m.symbolicName },
      { title: 'Version', value: (m) => m.version },
      { title: 'Zustand', value: (m) => (m.fragment && m.state === 'RESOLVED' ? 'Fragment, angehängt' : BUNDLE_STATES[m.state] || m.state) },
      { title: 'Förderbereich', value: (m) => m.areaIds.map((id) => areaTitle(ctx, id)).join(', ') || '–' },
    ], modules),
    h('p', {}, h('a', { href: '/api/docs/index.html' }, 'OpenAPI-Dokumente des Kerns und aller Förderbereiche')));
}

// ---------------------------------------------------------------------------------------------- Mittelübersicht

/** All Pakt money of one body in a period: the flat allocation received and, per funding area, the money of its
 * applications. A municipality sees its own; the approval office and auditors any body. */
export async function bodyMoney(el, ctx) {
  const list = await periods();
  const scopes = ctx.roles.filter((r) => r.startsWith('municipality:')).map((r) => r.slice('municipality:'.length));
  const body = field('Körperschaft (amtlicher Schlüssel)', scopes.length
    ? select(scopes.map((k) => [k, k]))
    : h('input', { type: 'text', name: 'key', inputmode: 'numeric', autocomplete: 'off', value: '08421000' }));
  const period = field('Förderzeitraum', select(list.map((p) => [p.id, p.id]), list.length ? list[0].id : ''));
  const out = h('div');
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Mittelübersicht wählen' }, body.wrap, period.wrap,
    h('button', { type: 'submit' }, 'Anzeigen'));
  el.append(form, out);
  const draw = async () => {
    const o = await api(`/api/core/bodies/${encodeURIComponent(body.input.value.trim())}/overview?period=${encodeURIComponent(period.input.value)}`);
    out.replaceChildren(h('h2', {}, `${o.name} (${o.key}), ${o.periodId}`),
      h('p', {}, 'Pauschale Zuweisung (Integrationslastenausgleich) erhalten: ', h('strong', {}, money(o.flat))),
      table('Mittel je Förderbereich', [
        { title: 'Förderbereich', value: (a) => areaTitle(ctx, a.areaId) },
        { title: 'Bewilligt', numeric: true, value: (a) => money(a.approved) },
        { title: 'Ausgezahlt', numeric: true, value: (a) => money(a.paid) },
        { title: 'Freigegeben', numeric: true, value: (a) => money(a.released) },
        { title: 'Zurückgefordert', numeric: true, value: (a) => money(a.reclaimed) },
      ], o.areas || [], 'In diesem Zeitraum keine Mittel aus Förderbereichen.'),
      h('h2', {}, 'Rückforderungen'),
      reclaimTable(await api(`/api/core/reclaims?debtor=${encodeURIComponent(o.key)}`).catch(() => [])));
  };
  form.addEventListener('submit', async (ev) => { ev.preventDefault(); try { await draw(); } catch (e) { out.replaceChildren(errorBox(e)); } });
  await draw();
}
