// Shared helpers of the web interface: the REST client with the session token, German formatting, DOM building.
// Funding-area pages get these through the context object, so they need no import of their own.

const TOKEN = 'paktwerk.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : `Anfrage fehlgeschlagen (HTTP ${status}).`);
    this.status = status;
    this.problem = problem || {};
  }
  /** The input field a problem concerns (its member "field", e.g. "positions[0].fte"), relative to the payload. */
  get field() {
    const f = this.problem.field || null;
    return f && f.startsWith('payload.') ? f.slice('payload.'.length) : f;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN); },
  set token(t) { if (t) sessionStorage.setItem(TOKEN, t); else sessionStorage.removeItem(TOKEN); },
};

let onUnauthenticated = () => {};
export function whenUnauthenticated(fn) { onUnauthenticated = fn; }

/** Calls the REST API; JSON in and out; a problem document becomes an ApiError with its German detail. */
export async function api(path, { method = 'GET', body, headers = {}, basic, raw = false } = {}) {
  const h = { 'X-Paktwerk-Client': 'web', Accept: 'application/json, application/problem+json', ...headers };
  if (basic) h.Authorization = 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(basic)));
  else if (session.token) h.Authorization = 'Bearer ' + session.token;
  const init = { method, headers: h, credentials: 'omit', cache: 'no-store' };
  if (body !== undefined) {
    if (typeof body === 'string') { init.body = body; h['Content-Type'] = h['Content-Type'] || 'text/plain'; }
    else { init.body = JSON.stringify(body); h['Content-Type'] = 'application/json'; }
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { detail: 'Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung.' });
  }
  if (res.status === 401 && !basic) onUnauthenticated();
  if (!res.ok) {
    let problem = null;
    try { problem = await res.json(); } catch (e) { problem = null; }
    throw new ApiError(res.status, problem);
  }
  if (raw) return res;
  if (res.status === 204) return null;
  const type = res.headers.get('Content-Type') || '';
  return type.includes('json') ? res.json() : res.text();
}

// ---- German formatting (amounts come as decimal strings, "1234.5" or "1234.50"; no floating point) ----

/** "1234567.5" → "1.234.567,50 €" */
export function money(value) {
  if (value === null || value === undefined || value === '') return '–';
  let s = String(value).trim();
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  let [int, frac = ''] = s.split('.');
  frac = (frac + '00').slice(0, 2);
  int = int.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '−' : ''}${int},${frac} €`;
}

/** What a user types as an amount, "1.234,56" or "1234.56", as the API's decimal string "1234.56"; anything else is
 * passed on unchanged, so that the server answers with its German detail. */
export function euroInput(text) {
  const t = String(text || '').trim().replace(/\s|€/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t) || /^-?\d+(,\d{1,2})?$/.test(t)) return t.replace(/\./g, '').replace(',', '.');
  return t;
}

/** Cents (integer) of a decimal string, for sums and charts only. */
export function cents(value) {
  if (value === null || value === undefined || value === '') return 0;
  let s = String(value).trim();
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  const [int, frac = ''] = s.split('.');
  const c = Number(int) * 100 + Number((frac + '00').slice(0, 2));
  return negative ? -c : c;
}

/** Cents → decimal string "1234.56". */
export function decimal(c) {
  const negative = c < 0;
  const a = Math.abs(c);
  return `${negative ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** "2026-11-28" → "28.11.2026"; an instant → "28.11.2026, 14:03" (Berlin). */
export function date(value) {
  if (!value) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) return `${m[3]}.${m[2]}.${m[1]}`;
  const d = new Date(value);
  if (isNaN(d)) return String(value);
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric',
    hour: '2-digit', minute: '2-digit' }).format(d);
}

export const STATES = {
  DRAFT: 'Entwurf', SUBMITTED: 'Eingereicht', APPROVED: 'Bewilligt', PARTIALLY_APPROVED: 'Teilweise bewilligt',
  REJECTED: 'Abgelehnt', WITHDRAWN: 'Zurückgezogen', AWAITING_CONFIRMATION: 'Wartet auf Bestätigung', CLOSED: 'Abgeschlossen',
};
export const stateName = (s) => STATES[s] || s;

/** German names of the kinds of letters (Bescheide) the core makes. */
export const LETTER_KINDS = {
  DECISION: 'Zuwendungsbescheid', AMENDMENT: 'Änderungsbescheid', SETTLEMENT: 'Schlussbescheid', PAYMENT_NOTICE: 'Zuweisungsbescheid',
};
export const letterKind = (k) => LETTER_KINDS[k] || 'Bescheid';

export const ROLES = {
  admin: 'Administration', approver: 'Bewilligungsstelle', municipality: 'Kommune', caseworker: 'Integrationsmanagement',
  auditor: 'Prüfung', provider: 'Träger', statistics: 'Statistisches Landesamt',
};

// ---- DOM ----

/** h('p', {class: 'x'}, 'text', child) — attributes as properties where they are events (on…). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A table with a caption; columns: [{title, value: row => node|text, numeric}] */
export function table(caption, columns, rows, empty = 'Keine Einträge.') {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.title)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c, i) => {
        const v = c.value(r);
        return i === 0 && c.header !== false ? h('th', { scope: 'row', class: c.numeric ? 'num' : null }, v)
          : h('td', { class: c.numeric ? 'num' : null }, v);
      }))))));
}

/** An alert box for an error (role=alert, read out at once). */
export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error));
}

export function announce(text) {
  const live = document.getElementById('live');
  if (live) { live.textContent = ''; setTimeout(() => { live.textContent = text; }, 50); }
}

let uid = 0;
export const nextId = (prefix) => `${prefix}-${++uid}`;

/** A labelled form field; returns {wrap, input, error}. */
export function field(label, input, hint) {
  const id = input.id || (input.id = nextId('f'));
  const err = h('p', { class: 'field-error', id: `${id}-fehler`, hidden: true });
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hinweis` }, hint) : null;
  input.setAttribute('aria-describedby', [hintEl ? hintEl.id : null, err.id].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), hintEl, input, err);
  return { wrap, input, error: err };
}

export function showFieldError(f, message) {
  if (message) { f.error.textContent = message; f.error.hidden = false; f.input.setAttribute('aria-invalid', 'true'); }
  else { f.error.textContent = ''; f.error.hidden = true; f.input.removeAttribute('aria-invalid'); }
}

/** Saves text as a file (CSV export). */
export function download(name, text, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob(['\ufeff' + text], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A list the server pages, sorts and searches (1,101 bodies): columns [{title, value, numeric, sort: 'name'}],
 * fetch({offset, limit, sort, q}) → {items, total}. A column with a sort key has a button in its header
 * (aria-sort tells the order); under the table "Seite x von y" with the previous and next page.
 */
export function pagedTable({ caption, columns, fetch, pageSize = 50, sort = '', search, empty = 'Keine Einträge.', count }) {
  const state = { offset: 0, sort, q: '' };
  const box = h('div', { class: 'paged' });
  const out = h('div');
  const live = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  if (search) {
    const input = h('input', { type: 'search', autocomplete: 'off' });
    const f = field(search, input);
    const form = h('form', { class: 'filters', role: 'search', 'aria-label': `Suche: ${caption}` },
      f.wrap, h('button', { type: 'submit' }, 'Suchen'));
    form.addEventListener('submit', (ev) => { ev.preventDefault(); state.q = input.value.trim(); state.offset = 0; draw(); });
    box.append(form);
  }
  box.append(out, live);
  async function draw() {
    let page;
    try {
      page = await fetch({ offset: state.offset, limit: pageSize, sort: state.sort, q: state.q });
    } catch (e) { out.replaceChildren(errorBox(e)); return; }
    const pages = Math.max(1, Math.ceil(page.total / pageSize));
    const current = Math.floor(state.offset / pageSize) + 1;
    const heading = count ? count(page.total) : `${caption} (${page.total.toLocaleString('de-DE')})`;
    if (!page.items.length) { out.replaceChildren(h('p', { class: 'empty' }, empty)); live.textContent = empty; return; }
    const head = columns.map((c) => {
      if (!c.sort) return h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.title);
      const dir = state.sort === c.sort ? 'ascending' : state.sort === `-${c.sort}` ? 'descending' : null;
      const next = dir === 'ascending' ? `-${c.sort}` : c.sort;
      return h('th', { scope: 'col', class: c.numeric ? 'num' : null, 'aria-sort': dir || 'none' },
        h('button', { type: 'button', class: 'sort', onclick: () => { state.sort = next; state.offset = 0; draw(); } },
          c.title, h('span', { 'aria-hidden': 'true' }, dir === 'ascending' ? ' ▲' : dir === 'descending' ? ' ▼' : ' ↕'),
          h('span', { class: 'visually-hidden' }, dir === 'ascending' ? ', aufsteigend sortiert; absteigend sortieren' : dir === 'descending'
            ? ', absteigend sortiert; aufsteigend sortieren' : ', sortieren')));
    });
    const wrap = h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': heading },
      h('table', {}, h('caption', {}, heading), h('thead', {}, h('tr', {}, head)),
        h('tbody', {}, page.items.map((r) => h('tr', {}, columns.map((c, i) => {
          const v = c.value(r);
          return i === 0 ? h('th', { scope: 'row', class: c.numeric ? 'num' : null }, v) : h('td', { class: c.numeric ? 'num' : null }, v);
        }))))));
    const nav = h('nav', { class: 'pager', 'aria-label': `Seiten: ${caption}` },
      h('button', { type: 'button', class: 'secondary', disabled: current === 1, onclick: () => { state.offset -= pageSize; draw(); } }, 'Vorherige Seite'),
      h('span', {}, `Seite ${current} von ${pages}`),
      h('button', { type: 'button', class: 'secondary', disabled: current === pages, onclick: () => { state.offset += pageSize; draw(); } }, 'Nächste Seite'));
    out.replaceChildren(wrap, pages > 1 ? nav : '');
    live.textContent = `${heading}, Seite ${current} von ${pages}`;
  }
  return { el: box, draw };
}

/**
 * A small form: fields (lib.field, input.name = the API's field), a submit button, a status line; onSubmit returns a
 * message or throws an ApiError, whose field is shown next to its input. heading: false for a form without its h3.
 */
export function actionForm(title, fields, submitLabel, onSubmit, { heading = true } = {}) {
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'action', novalidate: true, 'aria-label': title }, heading ? h('h3', {}, title) : null,
    fields.map((f) => f.wrap), h('button', { type: 'submit' }, submitLabel), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    fields.forEach((f) => showFieldError(f, null));
    try {
      const message = await onSubmit();
      if (message) status.append(h('p', { class: 'ok', role: 'status' }, message)); // role=status: read out once
    } catch (e) {
      const target = e.field ? fields.find((f) => f.input.name === e.field) : null;
      if (target) { showFieldError(target, e.message); target.input.focus(); } else status.append(errorBox(e));
    }
  });
  return form;
}

/** Downloads a CSV the server wrote (formula cells neutralised there). */
export async function openCsv(path, name) {
  const res = await api(path, { raw: true, headers: { Accept: 'text/csv' } });
  const url = URL.createObjectURL(await res.blob());
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
