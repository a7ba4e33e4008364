// An area's own records as a page, declared in its page.js instead of written: a list from the area's REST API with
// German column titles (enum values named by the schema's x-labels), an optional filter (a school year …), a CSV of
// what is listed, and a form to create one, generated from the record's schema in the area's OpenAPI document like
// the application form, its refusals shown next to their field and its result confirmed with the new state.
//
//   { id: 'schulen', title: 'Schulen', roles: [...], records: {
//       list: '/schools', columns: [{ title, field, money, date, labels: 'School.schoolType' }],
//       filter: { name: 'schoolYear', title: 'Schuljahr', hint, value: '2018/19' },   (in the path where it names {schoolYear})
//       create: { path: '/schools', schema: 'School', title, button, fill: { municipalityKey: 'municipality' }, done: '… {name} …', roles },
//       csv: 'schulen.csv', empty: '…' } }
import { schemaForm, resolve } from './form.js';

/** A CSV cell that a spreadsheet would read as a formula is written as text (a leading apostrophe). */
export function csvCell(value) {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const fill = (template, row) => template.replace(/\{(\w+)\}/g, (m, k) => (row[k] ?? ''));

export async function records(el, ctx, spec) {
  const { h, lib, api } = ctx;
  const base = `/api/${ctx.area.id}`;
  const doc = await api(`${base}/openapi.json`);
  const schemas = (doc.components && doc.components.schemas) || {};
  const labelsOf = (ref) => {
    if (!ref) return null;
    const [schema, prop] = ref.split('.');
    const p = resolve((resolve(schemas[schema], doc).properties || {})[prop], doc);
    return p['x-labels'] || null;
  };
  const text = (c, r) => {
    const v = r[c.field];
    if (c.value) return c.value(r);
    if (v === null || v === undefined || v === '') return '–';
    if (c.money) return lib.money(v);
    if (c.date) return lib.date(v);
    const labels = labelsOf(c.labels);
    const named = (x) => (labels && labels[x] ? labels[x] : String(x));
    if (Array.isArray(v)) return v.length ? v.map(named).join(', ') : '–';
    return named(v);
  };
  const scopes = ctx.roles.filter((r) => r.startsWith('municipality:')).map((r) => r.slice('municipality:'.length));
  const own = { municipality: scopes.length === 1 ? scopes[0] : null };

  const filter = spec.filter ? lib.field(spec.filter.title, h('input', { type: 'text', name: spec.filter.name, autocomplete: 'off',
    value: spec.filter.value || '' }), spec.filter.hint) : null;
  const out = h('div');
  let rows = [];
  // the filter's value goes into the path where the path names it ("/courses/{course}/participants"), else into the query
  const filterValue = () => (filter ? filter.input.value.trim() : '');
  const inPath = (path) => spec.filter && path.includes(`{${spec.filter.name}}`);
  const pathOf = (path) => (inPath(path) ? path.replace(`{${spec.filter.name}}`, encodeURIComponent(filterValue()))
    : `${path}${filterValue() ? `?${new URLSearchParams({ [spec.filter.name]: filterValue() })}` : ''}`);
  async function draw() {
    out.replaceChildren();
    if (filter) lib.showFieldError(filter, null);
    if (inPath(spec.list) && !filterValue()) {
      out.append(h('p', { class: 'empty' }, `Bitte ${spec.filter.title} angeben.`));
      return;
    }
    try {
      const data = await api(`${base}${pathOf(spec.list)}`);
      rows = Array.isArray(data) ? data : (data.items || []);
    } catch (e) {
      if (filter && e.field === spec.filter.name) { lib.showFieldError(filter, e.message); return; }
      out.append(lib.errorBox(e));
      return;
    }
    const caption = `${spec.title}${filter && filter.input.value ? ` ${filter.input.value}` : ''} (${rows.length})`;
    out.append(lib.table(caption, spec.columns.map((c) => ({ title: c.title, numeric: c.money || c.numeric, value: (r) => text(c, r) })), rows,
      spec.empty || 'Keine Einträge.'));
    if (spec.csv && rows.length) {
      out.append(h('button', { type: 'button', class: 'secondary', onclick: () => lib.download(fill(spec.csv, { [spec.filter?.name]: filter?.input.value || '' })
        .replace(/[^\w.-]+/g, '-'), [spec.columns.map((c) => csvCell(c.title)).join(';')]
        .concat(rows.map((r) => spec.columns.map((c) => csvCell(c.money ? String(r[c.field] ?? '').replace('.', ',') : text(c, r))).join(';'))).join('\r\n')) },
      'Als CSV herunterladen'));
    }
  }
  if (filter) {
    const form = h('form', { class: 'filters', 'aria-label': `${spec.title} filtern` }, filter.wrap, h('button', { type: 'submit' }, 'Anzeigen'));
    form.addEventListener('submit', (ev) => { ev.preventDefault(); draw(); });
    el.append(form);
  }
  el.append(out);
  await draw();

  const create = spec.create;
  if (!create || (create.roles && !ctx.has(...create.roles))) return;
  const filled = Object.fromEntries(Object.entries(create.fill || {}).map(([k, from]) => [k, own[from]]).filter(([, v]) => v));
  const form = schemaAction(el, ctx, { doc, schema: create.schema, title: create.title, button: create.button, fill: filled, id: `${spec.id || 'neu'}-titel`,
    // the filter's value is part of the path: without it, the form asks for it next to the filter
    path: () => {
      if (!inPath(create.path) || filterValue()) return `${base}${pathOf(create.path)}`;
      lib.showFieldError(filter, `Bitte ${spec.filter.title} angeben.`);
      filter.input.focus();
      return null;
    },
    done: async (made) => { await draw(); form.reset(); return fill(create.done || 'Gespeichert.', made); } });
}

/**
 * A form generated from a schema of an OpenAPI document (German titles, required, x-labels …), sent as JSON to path
 * (a string, or a function that returns it or null to send nothing); fill: fields the page knows (hidden and sent);
 * done(answer) → the confirmation (may be async). A refusal naming a field is shown next to it. Area pages get it as
 * ctx.schemaAction.
 */
export function schemaAction(el, ctx, { doc, schema, path, method = 'POST', title, button, fill: known = {}, done, id = `${schema.toLowerCase()}-titel` }) {
  const { h, lib, api } = ctx;
  const generated = schemaForm(doc.components.schemas[schema], doc, { hide: Object.keys(known) });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'action', novalidate: true, 'aria-labelledby': id },
    h('h2', { id }, title), generated.element, h('button', { type: 'submit' }, button || 'Speichern'), status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    generated.clearErrors();
    try {
      const target = typeof path === 'function' ? path() : path;
      if (!target) return;
      const answer = await api(target, { method, body: { ...generated.value(), ...known } });
      status.append(h('p', { class: 'ok', role: 'status' }, await done(answer)));
    } catch (e) {
      const at = e.field ? generated.fields.get(e.field) : null;
      if (at) { lib.showFieldError(at, e.message); at.input.focus(); } else status.append(lib.errorBox(e));
    }
  });
  el.append(form);
  return form;
}
