// The shell: login, menu (the core's pages and one entry per funding area installed right now), hash routing.
import * as lib from './lib.js';
import * as views from './views.js';
import { areaHome, areaNew } from './area.js';
import { records, schemaAction } from './records.js';
import { survey } from './survey.js';

const { api, h, session } = lib;
const main = document.getElementById('inhalt');
const menu = document.getElementById('menu');
const who = document.getElementById('who');
const logoutButton = document.getElementById('logout');
const menuToggle = document.getElementById('menu-toggle');

const state = { user: null, roles: [], areas: [], modules: new Map() };
const has = (...roles) => roles.some((r) => state.roles.includes(r));

/** The core's pages: route, title, who sees them. */
const CORE = [
  { route: 'start', title: 'Übersicht', roles: ['admin', 'approver', 'auditor'], render: views.start },
  { route: 'antraege', title: 'Anträge', roles: ['admin', 'approver', 'auditor', 'municipality', 'provider'], render: views.applications },
  { route: 'mittel', title: 'Mittelübersicht', roles: ['admin', 'approver', 'auditor', 'municipality'], render: views.bodyMoney },
  { route: 'erhebung', title: 'Erhebung', roles: ['admin', 'approver', 'statistics', 'auditor', 'municipality'], render: survey },
  { route: 'verteilungen', title: 'Verteilungen', roles: ['admin', 'approver', 'auditor'], render: views.distributions },
  { route: 'rueckforderungen', title: 'Rückforderungen', roles: ['admin', 'approver', 'auditor'], render: views.reclaims },
  { route: 'vier-augen', title: 'Vier-Augen-Prüfung', roles: ['admin', 'approver'], render: views.fourEyes },
  { route: 'audit', title: 'Audit-Protokoll', roles: ['admin', 'approver', 'auditor'], render: views.audit },
  { route: 'betrieb', title: 'Betrieb', roles: ['admin', 'auditor'], render: views.operation },
];

lib.whenUnauthenticated(() => {
  if (state.user) {
    session.token = null;
    state.user = null;
    showLogin('Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.');
  }
});

function ctx(extra = {}) {
  // schemaAction: an area's own pages generate forms from its OpenAPI schemas the way the shell does
  return { api, lib, h, schemaAction, user: state.user, roles: state.roles, has, areas: state.areas, navigate, ...extra };
}

export function navigate(route) {
  if (location.hash === '#/' + route) render();
  else location.hash = '#/' + route;
}

async function loadModule(area) {
  if (state.modules.has(area.id)) return state.modules.get(area.id);
  let mod = null;
  try {
    mod = (await import(`/ui/areas/${area.id}/page.js`)).default;
  } catch (e) {
    mod = null; // the area brings no pages of its own: the generic ones remain
  }
  state.modules.set(area.id, mod);
  return mod;
}

async function refreshAreas() {
  try {
    const areas = await api('/api/core/funding-areas');
    const changed = JSON.stringify(areas.map((a) => a.id)) !== JSON.stringify(state.areas.map((a) => a.id));
    state.areas = areas;
    for (const a of areas) await loadModule(a);
    if (changed) drawMenu();
    return changed;
  } catch (e) {
    return false;
  }
}

/** The route without its query ("start?zeitraum=2017" → "start"); pages read the query themselves. */
function currentRoute() {
  return location.hash.startsWith('#/') ? location.hash.slice(2).split('?')[0] : '';
}

function link(route, title) {
  const current = currentRoute() === route || currentRoute().startsWith(route + '/');
  return h('li', {}, h('a', { href: '#/' + route, 'aria-current': current ? 'page' : null }, title));
}

function drawMenu() {
  const core = CORE.filter((p) => has(...p.roles)).map((p) => link(p.route, p.title));
  const areas = state.areas.map((a) => {
    const mod = state.modules.get(a.id);
    const sub = (mod && mod.views ? mod.views : []).filter((v) => !v.roles || has(...v.roles))
      .map((v) => link(`bereich/${a.id}/${v.id}`, v.title));
    return h('li', { dataset: { area: a.id } }, h('a', { href: `#/bereich/${a.id}`,
      'aria-current': currentRoute() === `bereich/${a.id}` ? 'page' : null }, a.title), sub.length ? h('ul', {}, sub) : null);
  });
  menu.replaceChildren(
    h('h2', { class: 'visually-hidden' }, 'Hauptmenü'),
    h('ul', {}, core),
    h('h3', {}, 'Förderbereiche'),
    areas.length ? h('ul', { id: 'bereiche' }, areas) : h('p', { class: 'empty' }, 'Kein Förderbereich installiert.'),
    h('h3', {}, 'Hilfe'),
    h('ul', {}, h('li', {}, h('a', { href: '/api/docs/index.html' }, 'API-Dokumentation (OpenAPI)'))));
  menu.hidden = false;
}

/** The counts of waiting work as badges on the menu entries where it is done (announced with the entry, not in its name). */
const BADGES = { TO_DECIDE: 'antraege', DRAFTS: 'antraege', TO_CONFIRM: 'vier-augen', SURVEY_TO_REPORT: 'erhebung', SURVEY_TO_CHECK: 'erhebung' };
async function badges() {
  const items = await api('/api/core/work').catch(() => []);
  const byRoute = new Map();
  for (const w of items.filter((x) => x.count > 0)) {
    const r = BADGES[w.kind];
    if (!r) continue;
    const b = byRoute.get(r) || { count: 0, titles: [] };
    b.count += w.count;
    b.titles.push(w.title);
    byRoute.set(r, b);
  }
  for (const [route, b] of byRoute) {
    const a = menu.querySelector(`a[href="#/${route}"]`);
    if (!a) continue;
    const id = `badge-${route}`;
    a.append(h('span', { class: 'badge', 'aria-hidden': 'true' }, String(b.count)));
    a.setAttribute('aria-describedby', id);
    a.parentElement.append(h('span', { id, class: 'visually-hidden' }, b.titles.join('; ')));
  }
}

function home() {
  if (has('admin', 'approver', 'auditor')) return 'start';
  if (has('statistics')) return 'erhebung';
  // a role whose work lies in an area's own pages (a caseworker's caseload) starts on the first of them meant for it
  for (const a of state.areas) {
    const mod = state.modules.get(a.id);
    const v = (mod && mod.views ? mod.views : []).find((x) => x.roles && x.roles.some((r) => r !== 'admin' && state.roles.includes(r)));
    if (v && !has('municipality', 'provider')) return `bereich/${a.id}/${v.id}`;
  }
  return 'antraege';
}

async function render() {
  if (!state.user) return;
  await refreshAreas();
  const route = currentRoute();
  if (!route) { navigate(home()); return; }
  drawMenu();
  badges();
  const parts = route.split('/');
  let title = 'Paktwerk';
  let view = null;
  const page = CORE.find((p) => p.route === parts[0]);
  if (page && parts.length === 1) {
    title = page.title;
    view = has(...page.roles) ? (el) => page.render(el, ctx()) : null;
  } else if (parts[0] === 'antraege' && parts.length === 2) {
    title = `Antrag ${parts[1]}`;
    view = (el) => views.application(el, ctx(), parts[1]);
  } else if (parts[0] === 'bereich' && parts.length >= 2) {
    const area = state.areas.find((a) => a.id === parts[1]);
    if (!area) {
      title = 'Förderbereich nicht installiert';
      view = (el) => el.append(h('p', {}, `Der Förderbereich „${parts[1]}“ ist derzeit nicht installiert.`));
    } else {
      const mod = state.modules.get(area.id);
      const c = ctx({ area, module: mod });
      if (parts.length === 2) { title = area.title; view = (el) => areaHome(el, c); }
      else if (parts[2] === 'neu') { title = `Neuer Antrag: ${area.title}`; view = (el) => areaNew(el, c); }
      else {
        const v = mod && mod.views ? mod.views.find((x) => x.id === parts[2]) : null;
        if (v && (!v.roles || has(...v.roles))) {
          title = `${v.title} – ${area.title}`;
          // a page the module declares (its records) or writes itself
          view = v.records ? (el) => records(el, c, { id: v.id, title: v.title, ...v.records }) : (el) => v.render(el, c, parts.slice(3));
        }
      }
    }
  }
  document.title = `${title} – Paktwerk`;
  const heading = h('h1', {}, title);
  main.replaceChildren(heading);
  if (!view) {
    main.append(h('p', {}, 'Diese Seite gibt es nicht, oder sie ist für Ihre Rolle nicht freigegeben.'));
  } else {
    const body = h('div', { class: 'page' });
    main.append(body);
    try {
      await view(body);
    } catch (e) {
      body.append(lib.errorBox(e));
    }
  }
  main.focus({ preventScroll: false });
}

function showLogin(message) {
  menu.hidden = true;
  menuToggle.hidden = true;
  logoutButton.hidden = true;
  who.textContent = '';
  document.title = 'Anmelden – Paktwerk';
  const user = lib.field('Benutzername', h('input', { type: 'text', name: 'username', autocomplete: 'username', required: true }));
  const pass = lib.field('Passwort', h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true }));
  const status = h('div', { 'aria-live': 'assertive' }, message ? h('p', { class: 'notice' }, message) : null);
  const form = h('form', { class: 'login', novalidate: true }, user.wrap, pass.wrap, status,
    h('button', { type: 'submit' }, 'Anmelden'));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    if (!user.input.value || !pass.input.value) {
      status.append(lib.errorBox('Bitte Benutzername und Passwort eingeben.'));
      return;
    }
    try {
      const s = await api('/api/core/session', { method: 'POST', basic: `${user.input.value}:${pass.input.value}` });
      session.token = s.token;
      await start(s);
    } catch (e) {
      status.append(lib.errorBox(e));
      pass.input.value = '';
      pass.input.focus();
    }
  });
  main.replaceChildren(h('h1', {}, 'Anmelden'),
    h('p', {}, 'Melden Sie sich mit Ihrem Paktwerk-Benutzer an. Die Sitzung endet nach 30 Minuten ohne Aktivität.'), form);
  user.input.focus();
}

async function start(me) {
  state.user = me.user;
  state.roles = me.roles;
  // Paktwerk's roles in German; the container's own (manager, ssh, viewer, …) and scopes are no one's business here
  const roles = me.roles.filter((r) => lib.ROLES[r]).map((r) => lib.ROLES[r]);
  who.textContent = roles.length ? `${me.user} (${roles.join(', ')})` : me.user;
  logoutButton.hidden = false;
  menuToggle.hidden = false;
  await render();
}

logoutButton.addEventListener('click', async () => {
  try { await api('/api/core/session', { method: 'DELETE' }); } catch (e) { /* already ended */ }
  session.token = null;
  state.user = null;
  state.roles = [];
  location.hash = '';
  showLogin('Sie sind abgemeldet.');
});

// on a narrow screen (a phone, 400 % zoom) the menu folds away behind "Menü"; choosing a page folds it again
menuToggle.addEventListener('click', () => {
  const open = menu.classList.toggle('open');
  menuToggle.setAttribute('aria-expanded', String(open));
});
menu.addEventListener('click', (ev) => {
  if (ev.target.closest('a')) { menu.classList.remove('open'); menuToggle.setAttribute('aria-expanded', 'false'); }
});

document.getElementById('skip').addEventListener('click', (ev) => { ev.preventDefault(); main.focus(); });
window.addEventListener('hashchange', () => { if (location.hash.startsWith('#/')) render(); });
// a module installed or removed while someone works: the menu follows within a few seconds
setInterval(() => { if (state.user) refreshAreas(); }, 4000);

(async () => {
  if (session.token) {
    try {
      await start(await api('/api/core/session'));
      return;
    } catch (e) {
      session.token = null;
    }
  }
  showLogin();
})();
