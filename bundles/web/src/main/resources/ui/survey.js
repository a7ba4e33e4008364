// The count survey (Erhebung) as a workplace: a municipality reports its count (and reads why it was given back), a
// Landkreis confirms, gives back or enters its municipalities' counts, the office opens a survey, sees completeness per
// district and closes it, naming how those still missing are counted. Everything goes through /api/core/surveys.
import { api, h, table, errorBox, field, date, actionForm, openCsv } from './lib.js';
// confirmations are paragraphs with role=status: read out once by screen readers, without a second live region

export const REPORT_STATES = {
  MISSING: 'fehlt', REPORTED: 'gemeldet', RETURNED: 'zurückgegeben', CONFIRMED: 'bestätigt', ASSUMED: 'beim Abschluss angenommen',
};
const stateWord = (s) => REPORT_STATES[s] || s;
const number = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('de-DE'));

const input = (name, attrs = {}) => h('input', { name, autocomplete: 'off', ...attrs });
const area = (name) => h('textarea', { name, rows: 3 });

export async function survey(el, ctx, flash) {
  const reload = async (message) => { el.replaceChildren(); await survey(el, ctx, message); };
  if (flash) el.append(h('p', { class: 'ok', role: 'status' }, flash));
  const surveys = await api('/api/core/surveys');
  const office = ctx.has('admin', 'approver', 'statistics');
  const scopes = ctx.roles.filter((r) => r.startsWith('municipality:')).map((r) => r.slice('municipality:'.length));
  const districts = scopes.filter((k) => k.length === 5);
  const bodies = scopes.filter((k) => k.length === 8);
  const asked = new URLSearchParams(location.hash.split('?')[1] || '').get('nr');
  const current = surveys.find((s) => String(s.id) === asked) || surveys.find((s) => s.state === 'OPEN') || surveys[0];

  el.append(h('p', {}, 'Die Zahl der Geflüchteten in der Anschlussunterbringung zum Stichtag: jede Gemeinde und jeder Stadtkreis meldet,'
    + ' der Landkreis bestätigt die Meldungen seiner Gemeinden, die Bewilligungsstelle schließt die Erhebung ab. Daraus werden die Kennzahlen'
    + ' der Verteilung („Geld folgt Flüchtling“).'));
  if (surveys.length > 1) {
    const choice = h('select', { name: 'nr' }, surveys.map((s) => h('option', { value: s.id, selected: s === current },
      `Nr. ${s.id}: Stichtag ${date(s.referenceDate)} (${s.state === 'OPEN' ? 'offen' : 'abgeschlossen'})`)));
    const f = field('Erhebung', choice);
    const pick = h('form', { class: 'filters', 'aria-label': 'Erhebung wählen' }, f.wrap, h('button', { type: 'submit' }, 'Anzeigen'));
    pick.addEventListener('submit', (ev) => { ev.preventDefault(); ctx.navigate(`erhebung?nr=${choice.value}`); });
    el.append(pick);
  }
  if (!current) el.append(h('p', { class: 'empty' }, 'Es gibt noch keine Erhebung.'));
  else {
    el.append(h('section', { 'aria-labelledby': 'erhebung-titel' }, h('h2', { id: 'erhebung-titel' }, `Erhebung zum ${date(current.referenceDate)}`),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Gezählt werden'), h('dd', {}, current.cohort),
        h('dt', {}, 'Meldefrist der Kreise'), h('dd', {}, date(current.reportDeadline)),
        h('dt', {}, 'Korrekturen bis'), h('dd', {}, date(current.correctionsUntil)),
        h('dt', {}, 'Stand'), h('dd', {}, current.state === 'OPEN' ? 'offen für Meldungen' : `abgeschlossen am ${date(current.closedAt)}`))));
    for (const key of bodies) el.append(await ownReport(ctx, current, key));
    for (const key of districts) el.append(await districtReports(ctx, current, key));
    if (office || ctx.has('auditor')) el.append(await officeView(ctx, current, office, reload));
  }
  if (office) el.append(openForm(reload));
}

/** The municipality's own report: its state, why it was given back, the form to report or change it. */
async function ownReport(ctx, s, key) {
  const r = await api(`/api/core/surveys/${s.id}/reports/${key}`);
  const box = h('section', { 'aria-labelledby': `meldung-${key}` }, h('h2', { id: `meldung-${key}` }, `Meldung von ${r.bodyName}`));
  box.append(h('p', { dataset: { report: key } }, `Stand: ${stateWord(r.state)}`, r.value !== null ? `, gemeldet: ${number(r.value)}` : '',
    r.enteredByDistrict ? ' (vom Kreis eingetragen)' : ''));
  if (r.state === 'RETURNED') box.append(h('div', { class: 'error', role: 'alert' }, `Vom Kreis zurückgegeben: ${r.returnReason}`));
  if (s.state !== 'OPEN' || r.state === 'CONFIRMED' || r.state === 'ASSUMED') {
    if (r.state === 'CONFIRMED') box.append(h('p', {}, 'Die Zahl ist bestätigt. Eine Änderung ist nur noch über den Kreis möglich.'));
    return box;
  }
  const value = field('Anzahl der Geflüchteten zum Stichtag', input('value', { type: 'text', inputmode: 'numeric', value: r.value ?? '' }),
    'ganze Zahl, nur die Anzahl – keine Namen');
  const contact = field('Ansprechperson (Name, Telefon)', input('contact', { value: r.contact ?? '' }), 'für Rückfragen des Kreises; steht nicht im Prüfprotokoll');
  const remark = field('Bemerkung', area('remark'));
  remark.input.value = r.remark ?? '';
  box.append(actionForm(`Meldung von ${r.bodyName}`, [value, contact, remark], r.value === null ? 'Zahl melden' : 'Meldung ändern', async () => {
    const raw = value.input.value.trim().replace(/\./g, '');
    if (!/^\d+$/.test(raw)) { const e = new Error('Bitte die Anzahl als ganze Zahl angeben.'); e.field = 'value'; throw e; }
    const done = await api(`/api/core/surveys/${s.id}/reports/${key}`, { method: 'PUT',
      body: { value: Number(raw), contact: contact.input.value || null, remark: remark.input.value || null } });
    return `Gemeldet: ${number(done.value)} zum ${date(s.referenceDate)}.${done.flags.length ? ` Hinweis: ${done.flags.join('; ')}.` : ''}`;
  }, { heading: false }));
  if (r.state === 'REPORTED' && (await isCity(key))) { // a Stadtkreis confirms its own count
    box.append(h('button', { type: 'button', onclick: async (ev) => {
      await api(`/api/core/surveys/${s.id}/reports/${key}/confirm`, { method: 'POST' });
      ev.target.replaceWith(h('p', { class: 'ok', role: 'status' }, 'Die Zahl ist bestätigt.'));
    } }, 'Zahl als Stadtkreis bestätigen'));
  }
  return box;
}

async function isCity(key) {
  const m = await api(`/api/core/municipalities/${key}`);
  return m.kind === 'STADTKREIS';
}

/** The district's municipalities: what they reported; confirm, give back with a reason, or enter a count. */
async function districtReports(ctx, s, district) {
  const box = h('section', { 'aria-labelledby': `kreis-${district}` });
  const heading = h('h2', { id: `kreis-${district}` }, 'Meldungen der Gemeinden des Kreises');
  const list = h('div');
  const review = h('div');
  box.append(heading, list, review);
  async function draw() {
    const page = await api(`/api/core/surveys/${s.id}/reports?district=${district}&limit=200`);
    const counts = page.items.reduce((m, r) => ({ ...m, [r.state]: (m[r.state] || 0) + 1 }), {});
    list.replaceChildren(h('p', {}, `${page.total} Gemeinden: ${counts.CONFIRMED || 0} bestätigt, ${counts.REPORTED || 0} zu prüfen, `
      + `${counts.RETURNED || 0} zurückgegeben, ${counts.MISSING || 0} fehlen.`),
    table(`Meldungen (${page.total})`, [
      { title: 'Gemeinde', value: (r) => r.bodyName },
      { title: 'Stand', value: (r) => stateWord(r.state) + (r.enteredByDistrict ? ' (vom Kreis eingetragen)' : '') },
      { title: 'Anzahl', numeric: true, value: (r) => number(r.value) },
      { title: 'Auffällig', value: (r) => (r.flags.length ? r.flags.join('; ') : '–') },
      { title: 'Bearbeiten', value: (r) => (s.state === 'OPEN' && r.state !== 'CONFIRMED' && r.state !== 'ASSUMED'
        ? h('button', { type: 'button', class: 'secondary', onclick: () => open(r) }, r.state === 'REPORTED' ? `${r.bodyName} prüfen` : `Zahl für ${r.bodyName} eintragen`)
        : '–') },
    ], page.items));
  }
  function open(r) {
    const title = `${r.state === 'REPORTED' ? 'Meldung prüfen' : 'Zahl eintragen'}: ${r.bodyName}`;
    const done = async (message) => {
      // the confirmation stands where the review was, below the list: it takes the focus, so that it is seen (and read out)
      const note = h('p', { class: 'ok', role: 'status', tabindex: -1 }, message);
      review.replaceChildren(note);
      await draw();
      note.focus();
    };
    const parts = [h('h3', { id: 'pruefung', tabindex: -1 }, title)];
    if (r.state === 'REPORTED') {
      parts.push(h('p', {}, `Gemeldet: ${number(r.value)}`, r.remark ? ` – Bemerkung: ${r.remark}` : '', r.contact ? ` – Ansprechperson: ${r.contact}` : ''));
      if (r.flags.length) parts.push(h('p', { class: 'warning' }, `Auffällig: ${r.flags.join('; ')}`));
      parts.push(h('button', { type: 'button', onclick: async () => {
        const c = await api(`/api/core/surveys/${s.id}/reports/${r.bodyKey}/confirm`, { method: 'POST' });
        await done(`Die Zahl von ${c.bodyName} (${number(c.value)}) ist bestätigt.`);
      } }, 'Zahl bestätigen'));
      const reason = field('Begründung für die Gemeinde', area('reason'), 'was die Gemeinde prüfen soll');
      parts.push(actionForm(`Meldung von ${r.bodyName} zurückgeben`, [reason], 'Zurückgeben', async () => {
        await api(`/api/core/surveys/${s.id}/reports/${r.bodyKey}/return`, { method: 'POST', body: { reason: reason.input.value } });
        await done(`Die Meldung von ${r.bodyName} ist zurückgegeben.`);
        return null;
      }, { heading: false }));
    } else {
      const value = field('Anzahl der Geflüchteten zum Stichtag', input('value', { type: 'text', inputmode: 'numeric' }), 'vom Kreis eingetragen, weil die Gemeinde nicht gemeldet hat');
      const remark = field('Bemerkung', area('remark'));
      parts.push(actionForm(`Zahl für ${r.bodyName} eintragen`, [value, remark], 'Zahl eintragen', async () => {
        const raw = value.input.value.trim().replace(/\./g, '');
        if (!/^\d+$/.test(raw)) { const e = new Error('Bitte die Anzahl als ganze Zahl angeben.'); e.field = 'value'; throw e; }
        const c = await api(`/api/core/surveys/${s.id}/reports/${r.bodyKey}`, { method: 'PUT', body: { value: Number(raw), remark: remark.input.value || null } });
        await done(`Für ${c.bodyName} ist ${number(c.value)} eingetragen und bestätigt.`);
        return null;
      }, { heading: false }));
    }
    review.replaceChildren(h('div', { class: 'review' }, parts));
    review.querySelector('#pruefung').focus();
  }
  try { await draw(); } catch (e) { list.replaceChildren(errorBox(e)); }
  return box;
}

/** The office: completeness per district, the CSV, and closing with the missing named. */
async function officeView(ctx, s, office, reload) {
  const box = h('section', { 'aria-labelledby': 'stand' }, h('h2', { id: 'stand' }, 'Stand der Erhebung'));
  const tallies = await api(`/api/core/surveys/${s.id}/progress`);
  const total = tallies[tallies.length - 1];
  box.append(h('p', { dataset: { total: 'land' } }, `Landesweit ${number(total.bodies)} Kommunen: ${number(total.confirmed)} bestätigt, `
    + `${number(total.reported)} gemeldet und noch nicht bestätigt, ${number(total.returned)} zurückgegeben, ${number(total.missing)} fehlen.`));
  box.append(table('Stand je Kreis', [
    { title: 'Kreis', value: (t) => t.districtName },
    { title: 'Kommunen', numeric: true, value: (t) => number(t.bodies) },
    { title: 'Gemeldet', numeric: true, value: (t) => number(t.reported) },
    { title: 'Zurückgegeben', numeric: true, value: (t) => number(t.returned) },
    { title: 'Bestätigt', numeric: true, value: (t) => number(t.confirmed) },
    { title: 'Fehlen', numeric: true, value: (t) => number(t.missing) },
  ], tallies.slice(0, -1)));
  box.append(h('button', { type: 'button', class: 'secondary', onclick: () => openCsv(`/api/core/surveys/${s.id}/reports.csv`, `erhebung-${s.id}.csv`) },
    'Stand als CSV herunterladen'));
  if (!office || s.state !== 'OPEN') return box;
  const open = total.bodies - total.confirmed;
  const how = h('select', { name: 'countedAs' }, h('option', { value: 'ZERO' }, 'mit 0'),
    h('option', { value: 'LAST' }, 'mit der Zahl der letzten abgeschlossenen Erhebung'));
  const howField = field('Kommunen ohne bestätigte Zahl zählen', how);
  const reason = field('Begründung', area('reason'), 'wird bei jeder dieser Kommunen vermerkt');
  const named = h('input', { type: 'checkbox', name: 'named' });
  const namedWrap = h('div', { class: 'field checkbox' }, named, h('label', { for: named.id = 'fehlende-genannt' },
    `Ich schließe mit ${number(open)} Kommunen ohne bestätigte Zahl ab; sie werden einzeln mit Zählweise und Begründung vermerkt.`));
  const fields = open > 0 ? [howField, reason] : [];
  const closing = actionForm('Erhebung abschließen', fields, 'Erhebung abschließen', async () => {
    let missing = [];
    if (open > 0) {
      if (!named.checked) throw new Error(`Noch ${number(open)} Kommunen ohne bestätigte Zahl: bitte bestätigen, dass sie so gezählt werden.`);
      const rows = [];
      for (const st of ['MISSING', 'REPORTED', 'RETURNED']) rows.push(...(await api(`/api/core/surveys/${s.id}/reports?state=${st}&limit=2000`)).items);
      missing = rows.map((r) => ({ bodyKey: r.bodyKey, countedAs: how.value, reason: reason.input.value }));
    }
    try {
      await api(`/api/core/surveys/${s.id}/close`, { method: 'POST', body: { missing } });
    } catch (e) {
      if (e.field && e.field.endsWith('.reason')) e.field = 'reason';
      if (e.field && e.field.endsWith('.countedAs')) e.field = 'countedAs';
      throw e;
    }
    await reload(`Die Erhebung zum ${date(s.referenceDate)} ist abgeschlossen; ihre Zahlen sind die Kennzahlen dieses Stichtags.`);
    return null;
  });
  if (open > 0) closing.insertBefore(namedWrap, closing.querySelector('button[type=submit]'));
  box.append(closing);
  return box;
}

function openForm(reload) {
  const day = field('Stichtag', input('referenceDate', { type: 'date' }));
  const cohort = field('Wer gezählt wird', area('cohort'), 'z. B. Geflüchtete der Zugänge 01.01.2015–29.02.2016 (mit Familiennachzug) in der Anschlussunterbringung');
  const deadline = field('Meldefrist der Kreise', input('reportDeadline', { type: 'date' }), 'leer: 15. Oktober');
  const until = field('Korrekturen bis', input('correctionsUntil', { type: 'date' }), 'leer: 31. Dezember');
  const el = actionForm('Neue Erhebung eröffnen', [day, cohort, deadline, until], 'Erhebung eröffnen', async () => {
    const s = await api('/api/core/surveys', { method: 'POST', body: { referenceDate: day.input.value || null, cohort: cohort.input.value,
      reportDeadline: deadline.input.value || null, correctionsUntil: until.input.value || null } });
    history.replaceState(null, '', `#/erhebung?nr=${s.id}`);
    await reload(`Erhebung Nr. ${s.id} zum ${date(s.referenceDate)} eröffnet; Meldefrist ${date(s.reportDeadline)}.`);
    return null;
  });
  return h('section', { 'aria-label': 'Neue Erhebung' }, el);
}
