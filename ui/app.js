// The window's bootstrap and router. Loads the app info once (and again after changes to classes or
// settings), draws the sidebar, and renders the view for the hash route:
//   #/today  #/students  #/students/new  #/students/ID  #/students/ID/edit  #/settings
// A route may carry a query after "?" (#/students/7?add-guardian) that the view honours.
// With no class yet every route shows the welcome screen. The only module state lives here.

import * as api from './api.js';
import { h, svg, replace } from './dom.js';
import { errorMessage } from './views/forms.js';
import * as welcome from './views/welcome.js';
import * as today from './views/today.js';
import * as students from './views/students.js';
import * as student from './views/student.js';
import * as studentForm from './views/student-form.js';
import * as settings from './views/settings.js';

const ROUTES = [
  { pattern: /^\/today$/, nav: 'today', render: today.render },
  { pattern: /^\/students$/, nav: 'students', render: students.render },
  { pattern: /^\/students\/new$/, nav: 'students', render: studentForm.renderNew },
  { pattern: /^\/students\/(\d+)$/, nav: 'students', render: student.render },
  { pattern: /^\/students\/(\d+)\/edit$/, nav: 'students', render: studentForm.renderEdit },
  { pattern: /^\/settings$/, nav: 'settings', render: settings.render },
];
const DEFAULT_ROUTE = '/today';
const STATUS_MS = 3000;

/** @type {any} the latest appInfo() */
let info = null;
let renderCount = 0;
let readyReported = false;
let statusTimer = 0;

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

/**
 * Shows a short, polite status message (for example "Saved.") for a few seconds.
 * @param {string} message
 */
function showStatus(message) {
  const el = $('status');
  clearTimeout(statusTimer);
  el.textContent = '';
  // A fresh text node on the next frame is announced even when the text repeats.
  requestAnimationFrame(() => {
    el.textContent = message;
    el.classList.add('visible');
    statusTimer = setTimeout(() => {
      el.classList.remove('visible');
      el.textContent = '';
    }, STATUS_MS);
  });
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
  for (const link of $('nav').querySelectorAll('a[data-route]')) {
    if (link.dataset.route === navKey) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  $('app-version').textContent = info?.version ? `Version ${info.version}` : '';
}

// ----- rendering -----

function context(route) {
  return {
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
    alert: showAlert,
    clearAlert,
  };
}

function pickRoute(path) {
  if (!currentClass()) return { nav: null, render: welcome.render, params: [] };
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (m) return { ...route, params: m.slice(1).map(Number) };
  }
  return null;
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
 * @param {{keepScroll?: boolean, focus?: string|HTMLElement, initial?: boolean, keepAlert?: boolean}} [opts]
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
  replace($('view'), node);
  main.removeAttribute('aria-busy');
  drawSidebar(route.nav);
  const heading = node.querySelector('h1');
  document.title = heading ? `${heading.textContent} — Rapport` : 'Rapport';
  window.scrollTo(0, scroll);
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
  api
    .ready()
    .then((ms) => console.info(`ready in ${ms} ms`))
    .catch((err) => console.warn('ready() failed', err));
}

// ----- the record could not be opened -----

function showOpenError(error, dbPath) {
  document.body.replaceChildren(
    h(
      'main',
      { class: 'fatal', id: 'main', tabindex: '-1' },
      h('h1', { id: 'open-error-title' }, 'Rapport cannot open your record'),
      h('p', { class: 'callout caution', id: 'open-error-message' }, errorMessage(error)),
      dbPath
        ? h('p', null, 'Your record is this file: ', h('code', { id: 'open-error-path', dir: 'ltr' }, dbPath))
        : null,
      h(
        'p',
        null,
        'Rapport needs this file to work, so nothing else can be shown. Keep a copy of the file ' +
          'before anything else is tried, and ask whoever looks after this computer for help.',
      ),
    ),
  );
  document.title = 'Rapport cannot open your record';
  reportReady();
}

// ----- start -----

function wireShell() {
  $('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    const main = $('main');
    main.focus();
    main.scrollIntoView({ block: 'start' });
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.startsWith('#/') || location.hash === '') renderRoute();
  });
}

async function start() {
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
  await renderRoute({ initial: true });
}

start();
