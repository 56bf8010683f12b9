// The app lock of a protected record. The window locks after the teacher's idle minutes (no key,
// click or pointer movement), when the computer wakes from sleep (the clock jumped between two
// ticks), and on "Lock now" (the sidebar button, Alt+K, Settings). Locking keeps what is being
// typed (drafts are written as one types and on leaving a field), closes the record in Rust, and
// starts the window afresh on the locked screen, so no record data stays in the page.

import * as api from './api.js';

/** A jump of the clock this long between two ticks means the computer slept. */
const SLEPT_MS = 60_000;

let locking = false;

/** Locks now: the field being typed in is left (its draft is kept), then the record is closed. */
export async function lockWindow() {
  if (locking) return;
  locking = true;
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  // A draft is written 400 ms after the last key: let it reach the record first.
  await new Promise((resolve) => setTimeout(resolve, 450));
  try {
    await api.lockNow();
  } catch (err) {
    console.warn('locking failed', err);
  }
  document.body.replaceChildren();
  window.location.reload();
}

/**
 * Watches for idleness and sleep while the record is protected.
 * @param {() => any} getInfo the latest appInfo (protection and idle seconds can change)
 */
export function installAppLock(getInfo) {
  let lastUse = Date.now();
  let lastTick = Date.now();
  const used = () => {
    lastUse = Date.now();
  };
  for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart']) {
    document.addEventListener(type, used, { passive: true, capture: true });
  }
  const button = document.getElementById('lock-now');
  button?.addEventListener('click', () => lockWindow());
  setInterval(() => {
    const info = getInfo();
    const now = Date.now();
    const slept = now - lastTick > SLEPT_MS;
    lastTick = now;
    if (button) button.hidden = !info?.protected;
    if (!info?.protected || locking) return;
    const idleMs = (info.idle_lock_seconds ?? 600) * 1000;
    if (slept || now - lastUse >= idleMs) lockWindow();
  }, 1000);
}
