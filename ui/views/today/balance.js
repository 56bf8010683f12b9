// The class balance: positive and concern contacts in the last 30 days and this year, as numbers
// and a two-colour bar, with a nudge when concerns outweigh good news lately.

import { h, svg } from '../../dom.js';

/** The share of positive contacts as a two-colour bar (decoration; the numbers say it). */
function balanceBar(b) {
  const total = b.positive + b.concern;
  if (!total) return null;
  const pos = Math.round((b.positive / total) * 100);
  return svg(
    'svg',
    { class: 'class-balance-bar', viewBox: '0 0 100 4', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' },
    svg('rect', { class: 'class-balance-positive', x: 0, y: 0, width: pos, height: 4 }),
    svg('rect', { class: 'class-balance-concern', x: pos, y: 0, width: 100 - pos, height: 4 }),
  );
}

export function balanceCard(balance) {
  const month = balance?.last_30_days ?? { positive: 0, concern: 0 };
  const year = balance?.this_year ?? { positive: 0, concern: 0 };
  const tilted = month.concern > month.positive;
  return h(
    'div',
    { class: ['class-balance', tilted && 'tilted'], id: 'class-balance' },
    h(
      'p',
      { class: 'class-balance-line' },
      'Positive / concern contacts — last 30 days: ',
      h('strong', { class: 'balance-month' }, `${month.positive} / ${month.concern}`),
      ' · this year: ',
      h('strong', { class: 'balance-year' }, `${year.positive} / ${year.concern}`),
    ),
    balanceBar(month),
    tilted
      ? h(
          'p',
          { class: 'class-balance-nudge', id: 'class-balance-nudge' },
          'More concern calls than good news lately. A few quick positive calls home help families hear that their child is doing well, too.',
        )
      : null,
  );
}
