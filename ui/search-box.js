// The "Search everything" box in the sidebar. Ctrl+K (⌘K on a Mac) reaches it from anywhere
// (shortcuts.js); typing searches the whole record after a short pause (api.search), and the hits
// show in a list under the box, drawn over the page since the sidebar is narrow. It is a combobox
// with a listbox: the focus stays in the box while the arrow keys move through the hits
// (aria-activedescendant), Enter opens the one chosen (or the first), Escape closes the list, and
// the number of hits is announced. A hit opens its child's page at the item
// (search-everything.js names it, views/arrival.js finds it there).

import * as api from './api.js';
import { h, nameText, replace } from './dom.js';
import { errorMessage } from './views/forms.js';
import { SEARCH_LIMIT, arrivalHash, hitParts, itemKey, onMac, onlyNamesSearched, resultsSentence, searchKeys } from './search-everything.js';

/** The pause after the last key before searching. */
const PAUSE_MS = 150;

const NAMES_ONLY = ' Only names were searched: type three letters or more to search everything.';

/**
 * Puts the sidebar's search box to work (it is in index.html, shown once there is a class).
 * @param {{go: (hash: string) => void}} options `go` opens a hash route, drawing it again when it
 *   is the one shown
 */
export function installSearchBox({ go }) {
  const $ = (id) => document.getElementById(id);
  const area = $('everything-search');
  const box = $('everything-search-box');
  const panel = $('everything-panel');
  const list = $('everything-results');
  const note = $('everything-note');
  const announce = $('everything-announce');
  if (!area || !(box instanceof HTMLInputElement) || !panel || !list || !note || !announce) return;
  const keys = $('everything-keys');
  if (keys) keys.textContent = searchKeys(onMac());

  /** @type {any[]} the hits shown */
  let hits = [];
  /** The query the hits answer (null: none shown). */
  let shownFor = null;
  /** The hit the arrow keys are on; -1 for none. */
  let active = -1;
  let timer = 0;
  /** Bumped by every search, so an answer that comes late cannot replace a newer one. */
  let asked = 0;

  /** Under the box, as wide as the page allows, no lower than the window. */
  function place() {
    const r = box.getBoundingClientRect();
    panel.style.top = `${Math.round(r.bottom + 4)}px`;
    panel.style.left = `${Math.round(r.left)}px`;
    panel.style.maxHeight = `${Math.max(160, Math.round(window.innerHeight - r.bottom - 16))}px`;
  }

  function setActive(index) {
    active = index;
    const options = list.querySelectorAll('[role="option"]');
    options.forEach((el, n) => el.setAttribute('aria-selected', String(n === index)));
    const el = options[index];
    if (el) {
      box.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else {
      box.removeAttribute('aria-activedescendant');
    }
  }

  function open() {
    if (shownFor == null && !note.textContent) return;
    place();
    panel.hidden = false;
    box.setAttribute('aria-expanded', String(hits.length > 0));
  }

  function close() {
    setActive(-1);
    panel.hidden = true;
    box.setAttribute('aria-expanded', 'false');
  }

  function clear() {
    asked += 1;
    clearTimeout(timer);
    timer = 0;
    hits = [];
    shownFor = null;
    replace(list);
    replace(note);
    announce.textContent = '';
    close();
  }

  /** A fresh text node on the next frame is announced even when the words repeat. */
  function say(text) {
    announce.textContent = '';
    requestAnimationFrame(() => {
      announce.textContent = text;
    });
  }

  function option(hit, index) {
    const parts = hitParts(hit);
    const pause = () => h('span', { class: 'visually-hidden' }, ', ');
    return h(
      'li',
      {
        role: 'option',
        id: `everything-hit-${index}`,
        class: ['everything-hit', !parts.opens && 'opens-nothing'],
        'aria-selected': 'false',
        'aria-disabled': parts.opens ? null : 'true',
        // data-opens: the item it opens ("contact:<id>"), as the child's page names it in data-item.
        dataset: { kind: String(hit.kind), hit: String(index), ...(parts.opens ? { opens: itemKey(hit.kind, hit.item) } : {}) },
      },
      h(
        'span',
        { class: 'everything-hit-head' },
        h('span', { class: 'everything-hit-kind' }, parts.kind),
        pause(),
        parts.child
          ? h('bdi', { class: 'everything-hit-child', dir: 'auto' }, parts.child)
          : h('span', { class: 'everything-hit-child no-child' }, 'Not on a child’s page'),
      ),
      parts.snippet ? [pause(), h('span', { class: 'everything-hit-snippet', dir: 'auto' }, parts.snippet)] : null,
    );
  }

  function draw(query, found) {
    hits = found;
    shownFor = query;
    const names = onlyNamesSearched(query) ? NAMES_ONLY : '';
    replace(list, found.map(option));
    list.hidden = found.length === 0;
    replace(
      note,
      found.length ? resultsSentence(found.length, query) : ['Nothing found for “', nameText(query.trim()), '”.'],
      names,
    );
    setActive(-1);
    if (document.activeElement === box) open();
    say(resultsSentence(found.length, query) + names);
  }

  /** Searches for `query` now; what it finds is drawn unless something newer was typed. */
  async function search(query) {
    const token = ++asked;
    let found;
    try {
      found = await api.search(query, SEARCH_LIMIT);
    } catch (err) {
      if (token !== asked) return;
      hits = [];
      shownFor = null;
      replace(list);
      list.hidden = true;
      replace(note, `The search did not work. ${errorMessage(err)}`);
      if (document.activeElement === box) open();
      say(note.textContent);
      return;
    }
    if (token !== asked || box.value !== query) return;
    draw(query, Array.isArray(found) ? found : []);
  }

  /** Makes sure the hits shown answer what is in the box now; false when there is nothing to show. */
  async function settle() {
    const query = box.value;
    if (!query.trim()) return false;
    if (timer || shownFor !== query) {
      clearTimeout(timer);
      timer = 0;
      await search(query);
    }
    return shownFor === query;
  }

  function openHit(index) {
    const hit = hits[index];
    const hash = hit ? arrivalHash(hit) : null;
    if (!hash) return;
    close();
    go(hash);
  }

  box.addEventListener('input', () => {
    clearTimeout(timer);
    const query = box.value;
    if (!query.trim()) {
      clear();
      return;
    }
    timer = setTimeout(() => {
      timer = 0;
      search(query);
    }, PAUSE_MS);
  });

  box.addEventListener('keydown', async (event) => {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const down = event.key === 'ArrowDown';
      if (panel.hidden) {
        if (!(await settle())) return;
        open();
        if (hits.length) setActive(down ? 0 : hits.length - 1);
        return;
      }
      const count = hits.length;
      if (!count) return;
      if (active < 0) setActive(down ? 0 : count - 1);
      else setActive((active + (down ? 1 : -1) + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // A hit chosen among older results (more was typed since) gives way to the new first one.
      const stale = Boolean(timer) || shownFor !== box.value;
      const chosen = panel.hidden || stale ? -1 : active;
      if (!(await settle())) return;
      openHit(chosen >= 0 ? chosen : 0);
    } else if (event.key === 'Escape' && !panel.hidden) {
      // The list closes and the focus stays in the box; a second Escape empties the box.
      event.preventDefault();
      close();
    }
  });

  box.addEventListener('click', () => {
    if (panel.hidden && shownFor != null && shownFor === box.value) open();
  });

  // Choosing with the pointer keeps the focus in the box until the hit is opened.
  panel.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const el = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
    if (el instanceof HTMLElement) openHit(Number(el.dataset.hit));
  });

  area.addEventListener('focusout', (event) => {
    if (!area.contains(/** @type {Node|null} */ (event.relatedTarget))) close();
  });
  window.addEventListener('resize', () => {
    if (!panel.hidden) place();
  });
  $('sidebar')?.addEventListener('scroll', () => {
    if (!panel.hidden) place();
  });
}
