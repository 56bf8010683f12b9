// What the handoff's two dialogs share: showing one as a modal and giving the focus back.

/**
 * Shows `dialog` as a modal, and resolves with what `result()` gives once it closes (it is then
 * removed, and the focus goes back to `returnTo`, or to `after()` when that is given).
 * @param {HTMLDialogElement} dialog
 * @param {HTMLElement} first what has the focus first
 * @param {{returnTo: any, result: () => any, after?: () => Promise<any>|null}} o
 */
export function showDialog(dialog, first, { returnTo, result, after }) {
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', async () => {
      dialog.remove();
      const then = after?.();
      if (then) {
        try {
          await then;
        } catch (err) {
          console.warn('the page could not be drawn again', err);
        }
      } else if (returnTo instanceof HTMLElement && returnTo.isConnected) {
        returnTo.focus();
      }
      resolve(result());
    });
    dialog.showModal();
    first.focus();
  });
}
