/**
 * A small element builder. Text is always set as text (never as HTML), so names and texts from a
 * household or a decision cannot inject markup.
 *
 *   h('p', { class: 'note', dataset: { amount: 'need' } }, 'Behov: ', h('strong', {}, '20 386 kr'))
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

let counter = 0;
/** A page-unique element id for label/aria links. */
export function uid(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}
