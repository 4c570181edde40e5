// Tiny DOM helpers. Text always goes in as text nodes, never as HTML: peer names, model ids and
// answers come from the network and must not be able to inject markup.

/**
 * h('tag', { class, text, dataset, title, onclick, ... }, ...children) → element.
 * null, undefined and false props or children are skipped.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = String(value);
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A bar whose fill is `ratio` (0..1) of its width; sized through the CSSOM (CSP allows it). */
export function bar(ratio, className = '') {
  const fill = h('span', { class: 'fill' });
  fill.style.width = `${Math.max(0, Math.min(1, ratio)) * 100}%`;
  return h('span', { class: `bar ${className}`.trim(), 'aria-hidden': 'true' }, fill);
}

export function byId(id) {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`#${id} missing from the page`);
  return element;
}

export function show(element, visible) {
  element.hidden = !visible;
}
