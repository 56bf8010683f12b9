// Tiny DOM helpers. Every element is built with createElement and every piece of text goes in as a
// text node, so names from the record (which may contain anything) can never become markup.

const PROPERTIES = new Set(['value', 'checked', 'selected', 'indeterminate']);
const FORBIDDEN = new Set(['innerHTML', 'outerHTML', 'srcdoc', 'style']);

function append(el, children) {
  for (const child of children) {
    if (child == null || child === false || child === true) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.append(child);
    else el.append(document.createTextNode(String(child)));
  }
}

function applyAttributes(el, attrs, svg) {
  const later = [];
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (FORBIDDEN.has(key)) throw new Error(`h(): the "${key}" attribute is not allowed`);
    if (key.startsWith('on')) {
      if (typeof value !== 'function') throw new Error(`h(): "${key}" must be a function`);
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'class') {
      const names = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      if (names) el.setAttribute('class', names);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (!svg && PROPERTIES.has(key)) {
      later.push([key, value]);
    } else {
      el.setAttribute(key === 'htmlFor' ? 'for' : key, value === true ? '' : String(value));
    }
  }
  return later;
}

/**
 * Creates an HTML element.
 * Attributes: `class` (string or array), `dataset` (object), `onclick` etc. (functions only),
 * `value`/`checked`/`selected` (set as properties, after the children), anything else as an
 * attribute (`true` gives an empty attribute; `false`, `null` and `undefined` leave it out).
 * Children: nodes, strings, numbers or arrays of them; `null`/`false` are skipped.
 * @param {string} tag
 * @param {Record<string, any>|null} [attrs]
 * @param {...any} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  const later = applyAttributes(el, attrs, false);
  append(el, children);
  for (const [key, value] of later) el[key] = value;
  return el;
}

/**
 * Creates an SVG element (for the small drawn mark); same arguments as {@link h}.
 * @param {string} tag
 * @param {Record<string, any>|null} [attrs]
 * @param {...any} children
 * @returns {SVGElement}
 */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  applyAttributes(el, attrs, true);
  append(el, children);
  return el;
}

/**
 * A name from the record inside running text: isolated so a right-to-left name cannot reorder the
 * sentence around it.
 * @param {string} text
 * @param {Record<string, any>} [attrs]
 * @returns {HTMLElement}
 */
export function nameText(text, attrs = {}) {
  return h('bdi', { dir: 'auto', ...attrs }, text);
}

/**
 * Replaces an element's children.
 * @param {Element} el
 * @param {...any} children
 * @returns {Element}
 */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Runs `work` with `button` disabled (and marked busy) until it settles, so that a slow save
 * cannot be sent twice.
 * @template T
 * @param {HTMLButtonElement|null} button
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function whileBusy(button, work) {
  if (button) {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  }
  try {
    return await work();
  } finally {
    if (button) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}
