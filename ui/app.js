// The window's bootstrap and router. Loads the app info once (and again after changes to classes or
// settings), draws the sidebar, and renders the view for the hash route:
//   #/today  #/students  #/students/new  #/students/ID  #/students/ID/edit  #/conferences
//   #/settings  #/import
// A route may carry a query after "?" (#/students/7?add-guardian) that the view honours.
// With no class yet every route shows the welcome screen, except #/import (a roster import makes
// the class). The only module state lives here.

import * as api from './api.js';
import { h, svg, replace, whileBusy } from './dom.js';
import { installCounters } from './counters.js';
import { installShortcuts, showShortcuts } from './shortcuts.js';
import { installSearchBox } from './search-box.js';
import { errorMessage } from './views/forms.js';
import * as welcome from './views/welcome.js';
import * as recovery from './views/recovery.js';
import { renderLock } from './views/lock.js';
import { installAppLock } from './app-lock.js';
import { installSync } from './sync.js';
import { calendarChanged, installCalendarFile } from './calendar-file.js';

/** When (ms since the page began loading) this script started: for the start-up log line. */
const SCRIPT_STARTED = performance.now();

/**
 * A screen's module, loaded when a route first shows it: the window starts with only the screen
 * it opens on, and the others load while the teacher reads it (see `loadTheRest`).
 */
const VIEWS = {
  today: () => import('./views/today.js'),
  students: () => import('./views/students.js'),
  student: () => import('./views/student.js'),
  studentForm: () => import('./views/student-form.js'),
  conferences: () => import('./views/conferences.js'),
  settings: () => import('./views/settings.js'),
  rosterImport: () => import('./views/roster-import.js'),
};

/** The render function `name` of the view `view`, loading its module first. */
const lazy =
  (view, name = 'render') =>
  async (...args) =>
    (await VIEWS[view]())[name](...args);

const ROUTES = [
  { pattern: /^\/today$/, nav: 'today', render: lazy('today') },
  { pattern: /^\/students$/, nav: 'students', render: lazy('students') },
  { pattern: /^\/students\/new$/, nav: 'students', render: lazy('studentForm', 'renderNew') },
  { pattern: /^\/students\/([0-9a-f-]{36})$/, nav: 'students', render: lazy('student') },
  { pattern: /^\/students\/([0-9a-f-]{36})\/edit$/, nav: 'students', render: lazy('studentForm', 'renderEdit') },
  { pattern: /^\/conferences$/, nav: 'conferences', render: lazy('conferences') },
  { pattern: /^\/settings$/, nav: 'settings', render: lazy('settings') },
  // Open without a class too: the welcome screen offers it, and the import makes the class.
  { pattern: /^\/import$/, nav: 'students', render: lazy('rosterImport'), withoutClass: true },
];

/** Loads every other screen's module once the first screen shows, so moving on never waits. */
function loadTheRest() {
  const load = () => Object.values(VIEWS).forEach((view) => view().catch(() => {}));
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
const DEFAULT_ROUTE = '/today';
const STATUS_MS = 3000;
/** How long a status with an Undo button stays (it also stays while focused or pointed at). */
const UNDO_MS = 10000;

/** @type {any} the latest appInfo() */
let info = null;
let renderCount = 0;
let readyReported = false;
let statusTimer = 0;
/** Bumped by every new status, so a message drawn late cannot replace a newer one. */
let statusToken = 0;
/** The teacher typed on the screen since it was drawn: a sync does not draw it again under them. */
let typedHere = false;
/** The status's time is up, but it has the focus or the pointer: hide it when it loses them. */
let statusExpired = false;
let statusPointer = false;

const $ = (id) => document.getElementById(id);

/** The class the window is showing: the saved current class, else the first open one. */
function currentClass() {
  const classes = info?.classes ?? [];
  return (
    classes.find((c) => c.id === info?.settings?.current_class_id) ??
    classes.find((c) => !c.archived) ??
    classes[0] ??
    null
  );
}

/** The school year's name for a class. */
function schoolYearName(cls) {
  if (!cls) return '';
  return info?.school_years?.find((y) => y.id === cls.school_year_id)?.name ?? '';
}

function parseHash() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(1) : '';
  const [path, search = ''] = raw.split('?');
  return { path: path || '', query: new URLSearchParams(search) };
}

// ----- status and alerts -----

/** Moves the focus out of the status line before its content goes, so it is not lost. */
function rescueFocus(el) {
  if (el.contains(document.activeElement)) $('main').focus({ preventScroll: true });
}

function hideStatus() {
  const el = $('status');
  clearTimeout(statusTimer);
  statusExpired = false;
  statusPointer = false;
  rescueFocus(el);
  el.classList.remove('visible', 'has-action');
  el.replaceChildren();
}

/** The status's time is up: hide it, unless someone is on its button. */
function expireStatus() {
  const el = $('status');
  if (el.querySelector('button') && (statusPointer || el.contains(document.activeElement))) {
    statusExpired = true;
    return;
  }
  hideStatus();
}

/** The focus or the pointer left the status line: if its time was up, give it a moment more. */
function releaseStatus() {
  if (!statusExpired) return;
  statusExpired = false;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(expireStatus, STATUS_MS);
}

/**
 * Puts a message (and optionally a button) in the status line for `ms`.
 * @param {string|Node|(string|Node)[]} message
 * @param {HTMLElement|null} action
 * @param {number} ms
 */
function putStatus(message, action, ms) {
  const el = $('status');
  const token = ++statusToken;
  clearTimeout(statusTimer);
  statusExpired = false;
  statusPointer = false;
  rescueFocus(el);
  el.classList.remove('has-action');
  el.replaceChildren();
  // A fresh text node on the next frame is announced even when the text repeats.
  requestAnimationFrame(() => {
    if (token !== statusToken) return;
    replace(el, h('span', { class: 'status-text', id: 'status-text' }, message), action);
    el.classList.toggle('has-action', Boolean(action));
    el.classList.add('visible');
    statusTimer = setTimeout(expireStatus, ms);
  });
}

/**
 * Shows a short, polite status message (for example "Saved.") for a few seconds.
 * @param {string|Node|(string|Node)[]} message text, or text with names (nameText) in it
 */
function showStatus(message) {
  putStatus(message, null, STATUS_MS);
}

/**
 * Says something the teacher did not just do (the calendar file could not be written), for longer
 * than a "Saved.", and only once an Undo in the status line has gone, so that it takes none away.
 * @param {string} message
 */
function showNotice(message) {
  if ($('status').querySelector('button')) {
    setTimeout(() => showNotice(message), STATUS_MS);
    return;
  }
  putStatus(message, null, UNDO_MS);
}

/**
 * Shows what was just deleted with an Undo button, for ten seconds (longer while the button has
 * the focus or the pointer). Undo restores the trash entry, then calls `after(restored)` (or
 * refreshes the page) and says "Restored.".
 * @param {object} ctx the view's context (for refresh)
 * @param {string|Node|(string|Node)[]} message e.g. "Goal deleted."
 * @param {string|(() => Promise<any>)} trashId what the delete resolved with, or a function that reverses a change
 * @param {(restored: {kind: string, student_id: number|null}) => any} [after]
 */
function showUndoable(ctx, message, trashId, after) {
  if (trashId == null) {
    showStatus(message);
    return;
  }
  const button = h('button', { type: 'button', id: 'undo', class: 'undo-button', 'aria-describedby': 'status-text' }, 'Undo');
  button.addEventListener('click', async () => {
    if (button.disabled) return;
    // Whatever happens next replaces this status; it must not vanish while the restore runs.
    clearTimeout(statusTimer);
    statusExpired = false;
    // What to undo: a delete (its trash entry), or any change given as the function that reverses it.
    const reverse = typeof trashId === 'function' ? trashId : () => api.restoreFromTrash(trashId);
    let restored;
    try {
      restored = await whileBusy(button, reverse);
    } catch (err) {
      if (button.isConnected) hideStatus();
      showAlert(err);
      return;
    }
    try {
      if (typeof after === 'function') await after(restored);
      else await ctx.refresh();
      showStatus(typeof trashId === 'function' ? 'Undone.' : 'Restored.');
    } catch (err) {
      showAlert(err);
    }
  });
  putStatus(message, button, UNDO_MS);
}

/**
 * Shows an error that belongs to no form (a failed button action) at the top of the page.
 * @param {any} err a RapportError or a sentence
 */
function showAlert(err) {
  const text = typeof err === 'string' ? err : errorMessage(err);
  const close = h('button', { type: 'button', class: 'button small', onclick: clearAlert }, 'Dismiss');
  replace($('page-alert'), h('p', null, text), close);
  $('main').scrollIntoView({ block: 'start' });
  close.focus();
}

function clearAlert() {
  $('page-alert').replaceChildren();
}

// ----- sidebar -----

function brandMark() {
  return svg(
    'svg',
    { class: 'brand-mark', viewBox: '0 0 24 24', width: 24, height: 24, 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: 10, cy: 12, r: 8, class: 'mark-main' }),
    svg('circle', { cx: 18, cy: 7, r: 4, class: 'mark-warm' }),
  );
}

function drawSidebar(navKey) {
  const brand = $('brand');
  if (!brand.querySelector('svg')) brand.prepend(brandMark());
  const cls = currentClass();
  const year = schoolYearName(cls);
  const extra = cls ? [cls.grade, cls.room].filter(Boolean).join(' · ') : '';
  replace(
    $('class-info'),
    cls ? h('p', { class: 'class-name', dir: 'auto', id: 'sidebar-class' }, cls.name) : null,
    cls && (year || extra) ? h('p', { class: 'class-year', id: 'sidebar-year' }, year || extra) : null,
    cls?.archived ? h('p', { class: 'class-year' }, 'Archived (read only)') : null,
  );
  $('nav').hidden = !cls;
  $('sidebar-tools').hidden = !cls;
  $('everything-search').hidden = !cls;
  for (const link of $('nav').querySelectorAll('a[data-route]')) {
    if (link.dataset.route === navKey) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  $('app-version').textContent = info?.version ? `Version ${info.version}` : '';
}

// ----- sitting with the family -----

/** Remembered on this computer, so a restart in the middle of a meeting shows nothing private. */
const FAMILY_VIEW_KEY = 'rapport.family-view';

function familyViewOn() {
  return localStorage.getItem(FAMILY_VIEW_KEY) === 'on';
}

/**
 * Turns the family view on or off: every private note leaves the screen (CSS on body.family-view)
 * and a banner says so, with the way back.
 */
function setFamilyView(on, { announce = true } = {}) {
  if (on) localStorage.setItem(FAMILY_VIEW_KEY, 'on');
  else localStorage.removeItem(FAMILY_VIEW_KEY);
  document.body.classList.toggle('family-view', on);
  $('family-view-banner').hidden = !on;
  $('family-view-toggle').setAttribute('aria-pressed', String(on));
  if (announce) showStatus(on ? 'Private notes are hidden while you sit with the family.' : 'Private notes are shown again.');
}

// ----- rendering -----

function context(route) {
  const ctx = {
    /** The latest appInfo() (fresh after reloadInfo). */
    get info() {
      return info;
    },
    /** The class being shown. */
    get currentClass() {
      return currentClass();
    },
    route,
    /** Goes to a hash route (re-rendering when it is the current one). */
    go(hash) {
      if (location.hash === hash) renderRoute({ keepScroll: false });
      else location.hash = hash;
    },
    /** Re-fetches and re-draws the current route, keeping the scroll position. */
    refresh(focus) {
      return renderRoute({ keepScroll: true, focus, keepAlert: true });
    },
    /** Re-reads the app info (classes, settings) and redraws the sidebar. */
    async reloadInfo() {
      info = await api.appInfo();
      drawSidebar(route?.nav);
    },
    status: showStatus,
    /**
     * Says what was deleted, with an Undo button that restores it from the trash.
     * @param {string|Node|(string|Node)[]} message
     * @param {string|(() => Promise<any>)} trashId the trash entry a delete made, or a function that reverses a change
     * @param {(restored: {kind: string, student_id: number|null}) => any} [after] instead of refresh
     */
    undoable(message, trashId, after) {
      showUndoable(ctx, message, trashId, after);
    },
    alert: showAlert,
    clearAlert,
  };
  return ctx;
}

function pickRoute(path) {
  const hasClass = Boolean(currentClass());
  for (const route of ROUTES) {
    if (!hasClass && !route.withoutClass) continue;
    const m = route.pattern.exec(path);
    if (m) return { ...route, params: m.slice(1) };
  }
  return hasClass ? null : { nav: null, render: welcome.render, params: [] };
}

function errorView(err) {
  return h(
    'section',
    { class: 'page' },
    h('h1', { tabindex: '-1' }, 'This page could not be shown'),
    h('p', { class: 'callout caution' }, errorMessage(err)),
    h('p', null, h('a', { href: '#/students' }, 'Back to the student list')),
  );
}

function focusTarget(view, focus) {
  if (focus instanceof HTMLElement) return focus;
  if (typeof focus === 'string') return view.querySelector(focus) ?? document.querySelector(focus);
  return null;
}

/**
 * Renders the view for the current hash. Later calls win over earlier ones still loading.
 * `keepFocus` (a redraw nobody asked for) leaves the focus where it is, or puts it back on the
 * control with the same id in the new view.
 * @param {{keepScroll?: boolean, focus?: string|HTMLElement, initial?: boolean, keepAlert?: boolean, keepFocus?: boolean}} [opts]
 */
async function renderRoute(opts = {}) {
  const token = ++renderCount;
  const { path, query } = parseHash();
  let route = pickRoute(path);
  if (!route) {
    history.replaceState(null, '', `#${DEFAULT_ROUTE}`);
    route = pickRoute(DEFAULT_ROUTE);
  }
  const main = $('main');
  main.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await route.render(context(route), route.params, query);
  } catch (err) {
    console.error(err);
    result = errorView(err);
  }
  if (token !== renderCount) return;
  const node = result instanceof Node ? result : result.node;
  const viewFocus = result instanceof Node ? null : result.focus;
  const scroll = opts.keepScroll ? window.scrollY : 0;
  if (!opts.keepAlert) clearAlert();
  const focused = document.activeElement;
  const focusedInView = $('view').contains(focused) && focused !== $('view');
  replace($('view'), node);
  typedHere = false;
  main.removeAttribute('aria-busy');
  drawSidebar(route.nav);
  const heading = node.querySelector('h1');
  document.title = heading ? `${heading.textContent} — Rapport` : 'Rapport';
  window.scrollTo(0, scroll);
  if (opts.keepFocus) {
    const same = focusedInView && focused.id ? node.querySelector(`#${CSS.escape(focused.id)}`) : null;
    if (same) same.focus({ preventScroll: true });
    else if (focusedInView && heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    reportReady();
    return;
  }
  const target = focusTarget(node, opts.focus) ?? focusTarget(node, viewFocus);
  if (target) target.focus({ preventScroll: Boolean(opts.keepScroll) && !opts.focus });
  else if (!opts.initial && heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  reportReady();
}

function reportReady() {
  if (readyReported) return;
  readyReported = true;
  loadTheRest();
  api
    .ready({ script_ms: Math.round(SCRIPT_STARTED), screen_ms: Math.round(performance.now()) })
    .then((ms) => console.info(`ready in ${ms} ms`))
    .catch((err) => console.warn('ready() failed', err));
}

/**
 * A sync brought the other computer's changes: the screen is drawn again with them (and the
 * sidebar, for a class renamed there). While the teacher is typing on it, or a dialog is open,
 * it stays as it is, and the changes show on the next screen.
 */
async function showSyncedChanges() {
  if (typedHere || document.querySelector('dialog[open]')) {
    showStatus('Changes from the other computer came in. They show on the next page you open.');
    return;
  }
  try {
    info = await api.appInfo();
  } catch (err) {
    console.warn('the app info could not be read again', err);
  }
  await renderRoute({ keepScroll: true, keepAlert: true, keepFocus: true });
}

// ----- the record could not be opened -----

function showOpenError(error, dbPath) {
  const main = h('main', { class: 'fatal', id: 'main', tabindex: '-1' });
  document.body.replaceChildren(main);
  if (error?.code === 'locked') {
    renderLock(main, info ?? { db_path: dbPath });
    reportReady();
    return;
  }
  if (error?.code === 'in_use') {
    document.title = 'Rapport: your record is open in another window';
    recovery.renderInUse(main, error, dbPath);
    reportReady();
    return;
  }
  document.title = 'Rapport cannot open your record';
  recovery
    .renderRecovery(main, error, dbPath)
    .catch((err) => console.warn('the backups could not be listed', err))
    .finally(reportReady);
}

// ----- start -----

function wireShell() {
  const status = $('status');
  status.addEventListener('pointerenter', () => {
    statusPointer = true;
  });
  status.addEventListener('pointerleave', () => {
    statusPointer = false;
    if (!status.contains(document.activeElement)) releaseStatus();
  });
  status.addEventListener('focusout', (event) => {
    if (!status.contains(event.relatedTarget) && !statusPointer) releaseStatus();
  });
  $('family-view-toggle').addEventListener('click', () => setFamilyView(!familyViewOn()));
  $('family-view-end').addEventListener('click', () => {
    setFamilyView(false);
    $('family-view-toggle').focus();
  });
  setFamilyView(familyViewOn(), { announce: false });
  $('shortcuts-button').addEventListener('click', showShortcuts);
  installShortcuts();
  // A search hit opens its child's page at the item; the same address is drawn again.
  installSearchBox({
    go: (hash) => {
      if (location.hash === hash) renderRoute({ keepScroll: false });
      else location.hash = hash;
    },
  });
  $('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const main = $('main');
    main.focus();
    main.scrollIntoView({ block: 'start' });
  });
  $('view').addEventListener(
    'input',
    (event) => {
      if (event.isTrusted) typedHere = true;
    },
    true,
  );
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#/') || location.hash === '') renderRoute();
  });
}

async function start() {
  // Today, the screen the window opens on, loads while the record is asked about.
  if (['', DEFAULT_ROUTE].includes(parseHash().path)) VIEWS.today().catch(() => {});
  try {
    info = await api.appInfo();
  } catch (err) {
    showOpenError(err, null);
    return;
  }
  if (info.open_error) {
    showOpenError(info.open_error, info.db_path);
    return;
  }
  wireShell();
  installAppLock(() => info);
  installCounters(() => info?.limits);
  await renderRoute({ initial: true });
  installCalendarFile({ status: showNotice });
  installSync({
    redraw: () => {
      // The other computer's changes go into the calendar file kept up to date too.
      calendarChanged();
      return showSyncedChanges();
    },
  });
}

start();
