// Printing from a button: Rust lays the document out, asks where to save it, writes it and opens
// it; the status line then says where it went. Shared by the student page (packet, letter, the
// family questionnaire), the student list (every family's letter) and Conferences (the schedule
// and every packet).

import { whileBusy } from '../dom.js';

/** "1 page", "3 pages". */
const pagesText = (n) => `${n} ${n === 1 ? 'page' : 'pages'}`;

/**
 * Prints with `call` while `button` is busy, then says where the PDF was saved: "Packet saved to
 * PATH (3 pages)." Nothing is said when the teacher cancels the save dialog; a failure (a class
 * with no conferences planned, say) is shown at the top of the page.
 * @param {object} ctx
 * @param {HTMLButtonElement} button
 * @param {string} what the start of the status, e.g. 'Packet'
 * @param {() => Promise<{path: string, bytes: number, pages?: number, missing_characters: string}|null>} call
 * @param {{pages?: boolean, note?: string}} [o] `pages: false` leaves the page count out; `note` ends
 *   the status (who got English, say)
 */
export async function printed(ctx, button, what, call, { pages = true, note = '' } = {}) {
  try {
    const saved = await whileBusy(button, call);
    if (!saved) return;
    const count = pages && Number.isInteger(saved.pages) ? ` (${pagesText(saved.pages)})` : '';
    const missing = saved.missing_characters ? ` Some characters could not be printed: ${saved.missing_characters}` : '';
    ctx.status(`${what} saved to ${saved.path}${count}.${missing}${note}`);
  } catch (err) {
    ctx.alert(err);
  }
}
