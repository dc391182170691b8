// Small DOM helpers: elements, tables, sections that load their own data and show their own errors, formatting.
// Text always goes in as text nodes (never innerHTML), so nothing an API returns can inject markup.

/**
 * Creates an element. attrs: { class, text, hidden, on: { click: fn }, ...attributes }; children: nodes, strings,
 * numbers, arrays of those, or null/false (skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false || name === 'value') continue;
    if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) element.addEventListener(event, handler);
    } else if (name === 'text') {
      element.textContent = String(value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  if (attrs?.value !== undefined && attrs.value !== null) element.value = attrs.value; // after the options of a <select>
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** An AWS error as the user sees it: its code, message, HTTP status and request id. Never a blank panel. */
export function errorBox(error, what) {
  const code = error?.code ?? error?.name ?? 'Error';
  const detail = [error?.status ? `HTTP ${error.status}` : null, error?.requestId ? `request ${error.requestId}` : null].filter(Boolean).join(', ');
  return h('div', { class: 'error', role: 'alert', 'data-error-code': code },
    what ? h('p', { class: 'error-what' }, what) : null,
    h('p', {}, h('strong', { class: 'error-code', text: code }), ': ', h('span', { class: 'error-message', text: error?.message ?? String(error) })),
    detail ? h('p', { class: 'error-detail', text: detail }) : null);
}

/**
 * A titled section that loads its own content: shows "Loading…", then what load() returns (nodes), or the
 * error it throws. Sections load independently, so one missing operation never blanks a page.
 */
export function section(title, load, { id, level = 'h2' } = {}) {
  const body = h('div', { class: 'section-body', 'aria-busy': 'true' }, h('p', { class: 'muted', text: 'Loading…' }));
  const element = h('section', { class: 'card', 'aria-label': title, id }, h(level, { text: title }), body);
  Promise.resolve().then(load).then(
    (content) => replace(body, content),
    (error) => replace(body, errorBox(error)),
  ).finally(() => body.removeAttribute('aria-busy'));
  return element;
}

/**
 * A table: columns [{ label, cell: row => node|string, class? }]; rows: array. Wrapped so it scrolls sideways on
 * narrow screens instead of widening the page.
 */
export function table({ caption, columns, rows, empty = 'Nothing to show.', rowAttrs }) {
  if (!rows.length) return h('p', { class: 'empty muted', text: empty });
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', { class: 'visually-hidden', text: caption }),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.class, text: c.label })))),
      h('tbody', {}, rows.map((row) => h('tr', rowAttrs?.(row) ?? {}, columns.map((c) => h('td', { class: c.class }, c.cell(row))))))));
}

/** A definition list from [label, value] pairs; empty values show as "—". */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.flatMap(([label, value]) => [
    h('dt', { text: label }),
    h('dd', {}, value === undefined || value === null || value === '' ? '—' : value),
  ]));
}

/** A link inside the console. */
export function link(hash, text, attrs = {}) {
  return h('a', { href: hash, ...attrs }, text);
}

/** A state badge: COMPLETED, FAILED, RUNNING… coloured by meaning, readable as text. */
export function badge(state) {
  const s = String(state ?? '').toUpperCase(); // KMS says "Enabled", Backup "COMPLETED"
  const kind = /FAIL|ABORT|EXPIRED|DENIED|DISABLED|PENDINGDELETION/.test(s) ? 'bad'
    : /COMPLETED|ENABLED|AVAILABLE|SUCCEEDED|ACTIVE/.test(s) ? 'good'
      : /RUNNING|PENDING|CREATED|PARTIAL|PROGRESS/.test(s) ? 'busy' : 'plain';
  return h('span', { class: `badge badge-${kind}`, text: state ?? '—' });
}

export const fmt = {
  /** Epoch seconds (AWS JSON timestamps) as "2026-11-26 08:33:00 UTC". */
  time(seconds) {
    if (seconds === undefined || seconds === null || seconds === '') return '—';
    const date = typeof seconds === 'number' ? new Date(seconds * 1000) : new Date(seconds);
    return Number.isNaN(date.getTime()) ? String(seconds) : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  },
  bytes(n) {
    if (n === undefined || n === null) return '—';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = Number(n);
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
  },
  /** A JSON document (string or value) pretty-printed; text that is not JSON is shown as it is. */
  json(document) {
    if (typeof document !== 'string') return JSON.stringify(document, null, 2);
    try {
      return JSON.stringify(JSON.parse(document), null, 2);
    } catch {
      return document;
    }
  },
};

/** A pretty-printed JSON block. */
export function jsonBlock(document, label) {
  return h('pre', { class: 'json', tabindex: '0', 'aria-label': label }, fmt.json(document));
}
