// A form generated from an area's JSON schema (its OpenAPI document): objects become groups, arrays lists with
// add/remove, enums selects, dates date fields, booleans checkboxes. Every input knows its JSON path
// ("positions[0].fte"), so that a problem naming a field is shown next to it. What the schema says of the form:
// `title` and `description` (German), `required`, `x-labels` (German names of enum values), `x-order` (the order of
// the fields) and `x-variants` ({discriminator: {value: [fields of that variant]}}: only the chosen variant's
// fields are shown and sent) and `x-choices` ({path, value, label}: a reference to the area's own records, offered as a
// choice from the list at `path`, `{applicantKey}` filled in; `label` names fields in braces). Amounts (`format:
// decimal`) may be typed the German way ("15.000,00").
import { h, field, showFieldError, euroInput } from './lib.js';

export function resolve(schema, doc) {
  let s = schema || {};
  for (let i = 0; s.$ref && i < 20; i++) {
    const path = s.$ref.replace(/^#\//, '').split('/');
    s = path.reduce((o, k) => (o ? o[k] : undefined), doc) || {};
  }
  if (s.allOf && s.allOf.length === 1) return { ...resolve(s.allOf[0], doc), ...s, allOf: undefined };
  return s;
}

/**
 * options: labels {property or enum value → German label}, order [property names first, in this order],
 * hide [property names the module fills itself]; returns {element, value(), fields: Map(path → field), clearErrors()}
 */
export function schemaForm(schema, doc, options = {}, onChange = () => {}) {
  const labels = options.labels || {};
  const order = options.order || [];
  const hide = new Set(options.hide || []);
  const rank = (k) => (order.includes(k) ? order.indexOf(k) : order.length);
  const fields = new Map();
  const reloaders = [];
  const label = (name, s) => labels[name] || s.title || name;

  function build(s, path, name, required, inherited) {
    const own = s || {};
    s = resolve(s, doc);
    const valueLabels = own['x-labels'] || s['x-labels'] || inherited || {};
    const type = s.type || (s.properties ? 'object' : 'string');
    if (type === 'object') {
      const xorder = s['x-order'] || [];
      const at = (k) => (xorder.includes(k) ? xorder.indexOf(k) : xorder.length + rank(k));
      const props = Object.entries(s.properties || {}).filter(([k]) => !hide.has(k))
        .sort((a, b) => at(a[0]) - at(b[0]));
      const req = new Set(s.required || []);
      const builders = props.map(([k, ps]) => [k, build(ps, path ? `${path}.${k}` : k, k, req.has(k))]);
      const children = builders.map(([, b]) => b.element);
      // variants: the fields of the other variants are hidden and not sent
      const shown = new Map(builders.map(([k]) => [k, true]));
      for (const [discriminator, variants] of Object.entries(s['x-variants'] || {})) {
        const chooser = builders.find(([k]) => k === discriminator);
        if (!chooser || !chooser[1].input) continue;
        const inVariant = new Set(Object.values(variants).flat());
        const apply = () => {
          const mine = new Set(variants[chooser[1].input.value] || []);
          for (const [k, b] of builders) {
            if (!inVariant.has(k)) continue;
            shown.set(k, mine.has(k));
            b.element.hidden = !mine.has(k);
          }
        };
        chooser[1].input.addEventListener('change', apply);
        apply();
      }
      const element = path ? h('fieldset', {}, h('legend', {}, label(name, s)), s.description ? h('p', { class: 'hint' }, s.description) : null, children)
        : h('div', {}, children);
      return {
        element,
        value: () => {
          const o = {};
          for (const [k, b] of builders) {
            if (!shown.get(k)) continue;
            const v = b.value();
            if (v !== undefined) o[k] = v;
          }
          return o;
        },
      };
    }
    if (type === 'array') {
      const list = h('ol', { class: 'items' });
      const items = [];
      const add = () => {
        const i = items.length;
        // an entry is named by the list and its number ("Fördergegenstände 2"), also where the entry's schema has a title of its own
        const item = { ...resolve(s.items || {}, doc) };
        delete item.title;
        const b = build(item, `${path}[${i}]`, `${labels[`${name}.item`] || label(name, own.title ? own : s)} ${i + 1}`, true, valueLabels);
        const li = h('li', {}, b.element);
        items.push({ b, li });
        list.append(li);
        onChange();
        return b;
      };
      const element = h('fieldset', { class: 'array' }, h('legend', {}, label(name, s)),
        s.description ? h('p', { class: 'hint' }, s.description) : null, list,
        h('div', { class: 'buttons' },
          h('button', { type: 'button', class: 'secondary', onclick: () => add() }, `${label(name, s)}: Eintrag hinzufügen`),
          h('button', { type: 'button', class: 'secondary', onclick: () => {
            const last = items.pop();
            if (last) { last.li.remove(); [...fields.keys()].filter((p) => p.startsWith(`${path}[${items.length}]`)).forEach((p) => fields.delete(p)); onChange(); }
          } }, `${label(name, s)}: letzten Eintrag entfernen`)));
      add(); // one entry to start with: a form with an empty list would show nothing to fill in
      // entries left empty are not sent: an empty list of schools is no list with an empty school
      return { element, value: () => {
        const v = items.map((x) => x.b.value()).filter((x) => x !== undefined && !(x && typeof x === 'object' && !Array.isArray(x) && !Object.keys(x).length));
        return v.length ? v : undefined;
      } };
    }
    let input;
    const hint = [s.description, s.format === 'date' ? 'Datum' : null].filter(Boolean).join(' · ') || null;
    const choice = own['x-choices'] || s['x-choices'];
    if (choice && options.choices) {
      const none = () => h('option', { value: '' }, '(bitte wählen)');
      input = h('select', { name: path }, none());
      const fill = async () => {
        const list = await options.choices(choice).catch(() => []);
        // what is chosen when the list arrives stays chosen (the user may have chosen while it loaded)
        const current = input.value;
        input.replaceChildren(none(), ...list.map((c) => h('option', { value: String(c.value) }, c.label)));
        if (list.some((c) => String(c.value) === current)) input.value = current;
      };
      reloaders.push(fill);
      fill();
    } else if (s.enum) {
      input = h('select', { name: path }, required ? null : h('option', { value: '' }, '(keine Angabe)'),
        s.enum.map((v) => h('option', { value: v }, labels[v] || valueLabels[v] || v)));
    } else if (type === 'boolean') {
      input = h('input', { type: 'checkbox', name: path });
    } else if (s.format === 'date') {
      input = h('input', { type: 'date', name: path });
    } else {
      const numeric = type === 'integer' || type === 'number';
      input = h('input', { type: 'text', name: path, autocomplete: 'off', inputmode: type === 'integer' ? 'numeric' : numeric ? 'decimal' : null });
    }
    if (required && type !== 'boolean') input.required = true;
    input.addEventListener('input', onChange);
    input.addEventListener('change', onChange);
    const f = field(`${label(name, own.title ? own : s)}${required && type !== 'boolean' ? ' (Pflichtfeld)' : ''}`, input, hint);
    if (type === 'boolean') f.wrap.classList.add('check');
    fields.set(path, f);
    return {
      element: f.wrap,
      value: () => {
        if (type === 'boolean') return input.checked;
        const v = input.value.trim();
        if (v === '') return undefined;
        if (type === 'integer' && /^-?\d+$/.test(v)) return Number(v);
        if (type === 'number' && /^-?\d+([.,]\d+)?$/.test(v)) return Number(v.replace(',', '.'));
        if (type === 'string' && (s.format === 'decimal' || /fte|amount|betrag/i.test(name))) return euroInput(v);
        return v;
      },
      input,
    };
  }
  const root = build(schema, '', '', true);
  return {
    element: root.element,
    value: root.value,
    fields,
    clearErrors: () => fields.forEach((f) => showFieldError(f, null)),
    /** Loads the choices again (after the applicant changed). */
    reloadChoices: () => Promise.all(reloaders.map((f) => f())),
  };
}
