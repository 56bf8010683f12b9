// Counters near a limit: a text box that is nearly full says how much room is left, before Save
// rather than after. Each control names its limit in data-limit ("note", "sentence", "name",
// "short", "letter"); the numbers come from the core (appInfo().limits), counted in characters as
// the core counts them. The line is tied to the box with aria-describedby.

/** Show the counter once this share of the limit is used. */
const NEAR = 0.8;
// The page is in English: numbers are grouped as English writes them, whatever the computer's locale.
const NUMBER = new Intl.NumberFormat('en');

/** Characters as the core counts them (Unicode scalar values). */
export function charCount(text) {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/**
 * What the counter says for `used` of `max`, or null while far from the limit.
 * @returns {{text: string, over: boolean}|null}
 */
export function counterText(used, max) {
  if (!max || used < max * NEAR) return null;
  if (used > max) return { text: `${NUMBER.format(used - max)} characters too many: at most ${NUMBER.format(max)}.`, over: true };
  const left = max - used;
  return { text: `${NUMBER.format(left)} character${left === 1 ? '' : 's'} left of ${NUMBER.format(max)}.`, over: false };
}

function update(el, limits) {
  const max = limits?.[el.dataset.limit];
  const id = `${el.id}-count`;
  let line = document.getElementById(id);
  const said = counterText(charCount(el.value), max);
  if (!said) {
    if (line) {
      line.remove();
      const rest = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== id);
      if (rest.length) el.setAttribute('aria-describedby', rest.join(' '));
      else el.removeAttribute('aria-describedby');
    }
    return;
  }
  if (!line) {
    line = document.createElement('p');
    line.id = id;
    line.className = 'char-count';
    el.insertAdjacentElement('afterend', line);
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    el.setAttribute('aria-describedby', [...ids, id].join(' '));
  }
  line.textContent = said.text;
  line.classList.toggle('over', said.over);
}

/**
 * Watches every text box with a data-limit in the document.
 * @param {() => object} limits the current limits (appInfo().limits)
 */
export function installCounters(limits) {
  const onInput = (event) => {
    const el = event.target;
    if (el instanceof HTMLElement && el.dataset?.limit && el.id) update(el, limits());
  };
  document.addEventListener('input', onInput);
  document.addEventListener('focusin', onInput);
}
