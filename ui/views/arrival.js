// Arriving on a child's page at one item, from a search hit (#/students/ID?item=contact:<id>):
// the item is found by its data-item attribute, anything folding it away is opened (the check-in
// log of its goal, a long note's "Show all"), and it is marked so that it stands out for a moment
// (class "arrived"). It takes the keyboard focus, or its own heading does when it has one that can
// take it (a goal's statement, a guardian's name), and comes to the middle of the window. An item
// that is gone, or not shown (private, while sitting with the family), leaves the focus on its
// section's heading instead.

import { SECTION_HEADINGS, itemKey } from '../search-everything.js';

/**
 * The element of `page` named "<kind>:<id>", if it is there.
 * @param {HTMLElement} page
 * @param {{kind: string, id: string}} target
 * @returns {HTMLElement|null}
 */
export function findItem(page, target) {
  const key = itemKey(target.kind, target.id);
  for (const el of page.querySelectorAll('[data-item]')) {
    if (el instanceof HTMLElement && el.dataset.item === key) return el;
  }
  return null;
}

/** The heading of the section `target` belongs to, focusable. */
function sectionHeading(page, target) {
  const id = SECTION_HEADINGS.get(target.kind) ?? 'student-name';
  const heading = page.querySelector(`#${id}`) ?? page.querySelector('h1');
  if (heading instanceof HTMLElement && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  return heading instanceof HTMLElement ? heading : null;
}

/** Opens whatever keeps `el` out of sight: a closed <details> around it, folded text in it. */
function unfold(el) {
  for (let up = el.parentElement; up; up = up.parentElement) {
    if (up instanceof HTMLDetailsElement) up.open = true;
  }
  for (const toggle of el.querySelectorAll('.fold-toggle[aria-expanded="false"]')) {
    if (toggle instanceof HTMLElement) toggle.click();
  }
}

/**
 * Prepares the arrival at `target` on the freshly drawn `page` (not yet in the window) and gives
 * the element the router should focus. Once the page is in the window, the item is brought to the
 * middle of it; an item that turns out not to be shown hands the focus to its section's heading.
 * @param {HTMLElement} page the student page
 * @param {{kind: string, id: string}} target from itemFromQuery
 * @returns {HTMLElement|null}
 */
export function arriveAt(page, target) {
  const item = findItem(page, target);
  if (!item) return sectionHeading(page, target);
  unfold(item);
  const own = item.querySelector('h3[tabindex="-1"]');
  const focus = own instanceof HTMLElement ? own : item;
  if (!focus.hasAttribute('tabindex')) focus.tabIndex = -1;
  item.classList.add('arrived');
  requestAnimationFrame(() => {
    if (!item.isConnected) return;
    if (item.getClientRects().length === 0) {
      const heading = sectionHeading(page, target);
      const active = document.activeElement;
      if (heading && (active === focus || active === document.body || active === null)) {
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      }
      return;
    }
    if (target.kind !== 'student') item.scrollIntoView({ block: 'center' });
  });
  return focus;
}
