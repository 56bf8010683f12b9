// A goal's progress: in words, as a bar, and as a small line chart of its check-ins (SVG).

import { h, svg } from '../../dom.js';
import { dateEl } from '../../parts/record.js';
import { mediumDate, numberText } from '../../format.js';
import { withUnit, dayNumber } from './words.js';

/** "45% of the way from 62 to 90 words per minute", or what is missing for it. */
function progressText(record) {
  const g = record.goal;
  const last = record.check_ins.at(-1);
  const hasRange = g.baseline != null && g.target != null;
  if (!hasRange) return 'Add a baseline and a target to see progress.';
  if (g.baseline === g.target) return 'The baseline and the target are the same number: change one to see progress.';
  const range = `from ${numberText(g.baseline)} to ${withUnit(g.target, g.unit)}`;
  if (!last || record.progress == null) return `No check-in yet. The aim: ${range}.`;
  return `${Math.round(record.progress * 100)}% of the way ${range}`;
}

export function progressBlock(record) {
  const g = record.goal;
  const last = record.check_ins.at(-1);
  const text = progressText(record);
  return h(
    'div',
    { class: 'goal-progress' },
    record.progress != null
      ? h('progress', { max: '100', value: String(Math.round(record.progress * 100)), 'aria-hidden': 'true' })
      : null,
    // Takes the focus after a check-in is added or deleted, so the new progress is read out.
    h('p', { class: 'goal-progress-text', tabindex: '-1' }, text),
    last
      ? h('p', { class: 'goal-latest muted' }, 'Latest: ', withUnit(last.value, g.unit), ' on ', dateEl(last.on_date), '.')
      : null,
  );
}

/** Round tick values covering lo..hi, about `count` of them. */
function niceTicks(lo, hi, count = 4) {
  const span = hi - lo;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? 10 * mag;
  const first = Math.floor(lo / step) * step;
  const last = Math.ceil(hi / step) * step;
  const ticks = [];
  for (let v = first; v <= last + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return ticks;
}

/**
 * The line chart: baseline and target as labelled dashed lines, check-ins as a line with dots.
 * Scaled to the smallest and largest of the baseline, target and check-ins; dates run from the
 * start (or first check-in) to the due date (or last check-in).
 * @returns {SVGElement|null}
 */
export function goalChart(record, today) {
  const g = record.goal;
  const points = record.check_ins.filter((c) => Number.isFinite(c.value));
  const values = [g.baseline, g.target, ...points.map((c) => c.value)].filter((v) => v != null && Number.isFinite(v));
  if (!values.length) return null;

  const W = 600;
  // Shorter while there is nothing but the two lines to show.
  const H = points.length ? 220 : 160;
  const L = 48;
  const R = 104;
  const T = 14;
  const B = 34;
  const PW = W - L - R;
  const PH = H - T - B;

  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const pad = Math.abs(lo) * 0.2 || 1;
    lo -= pad;
    hi += pad;
  }
  const ticks = niceTicks(lo, hi);
  lo = Math.min(lo, ticks[0]);
  hi = Math.max(hi, ticks.at(-1));

  const days = points.map((c) => dayNumber(c.on_date));
  let x0 = Math.min(dayNumber(g.starts_on), ...days);
  let x1 = Math.max(g.due_on ? dayNumber(g.due_on) : -Infinity, ...days, points.length ? -Infinity : dayNumber(today));
  if (!Number.isFinite(x0)) x0 = dayNumber(today);
  if (!(x1 > x0)) x1 = x0 + 1;
  const sx = (d) => L + ((d - x0) / (x1 - x0)) * PW;
  const sy = (v) => T + ((hi - v) / (hi - lo)) * PH;
  const fmt = (n) => numberText(n);

  const titleId = `goal-${g.id}-chart-title`;
  const descParts = [];
  if (g.baseline != null) descParts.push(`baseline ${withUnit(g.baseline, g.unit)}`);
  if (g.target != null) descParts.push(`target ${withUnit(g.target, g.unit)}`);
  descParts.push(
    points.length
      ? `${points.length} check-in${points.length === 1 ? '' : 's'}: ${points.map((c) => `${fmt(c.value)} on ${mediumDate(c.on_date)}`).join(', ')}`
      : 'no check-ins yet',
  );

  // Keep the two line labels apart when the baseline and target are close.
  const labels = [];
  if (g.baseline != null) labels.push({ cls: 'baseline', text: `Baseline ${fmt(g.baseline)}`, y: sy(g.baseline) });
  if (g.target != null) labels.push({ cls: 'target', text: `Target ${fmt(g.target)}`, y: sy(g.target) });
  if (labels.length === 2 && Math.abs(labels[0].y - labels[1].y) < 16) {
    const [upper, lower] = labels[0].y <= labels[1].y ? labels : [labels[1], labels[0]];
    const mid = (upper.y + lower.y) / 2;
    upper.y = mid - 8;
    lower.y = mid + 8;
  }

  const line = (cls, y) => svg('line', { class: cls, x1: L, x2: L + PW, y1: y, y2: y });
  return svg(
    'svg',
    {
      class: 'goal-chart',
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': titleId,
      focusable: 'false',
    },
    svg('title', { id: titleId }, `Progress chart: ${descParts.join('; ')}.`),
    svg('rect', { class: 'chart-plot', x: L, y: T, width: PW, height: PH }),
    ticks
      .filter((v) => v >= lo && v <= hi)
      .map((v) => [
        svg('line', { class: 'chart-grid', x1: L, x2: L + PW, y1: sy(v), y2: sy(v) }),
        svg('text', { class: 'chart-tick', x: L - 8, y: sy(v), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, fmt(v)),
      ]),
    g.baseline != null ? line('chart-baseline', sy(g.baseline)) : null,
    g.target != null ? line('chart-target', sy(g.target)) : null,
    labels.map((l) =>
      svg('text', { class: `chart-label chart-label-${l.cls}`, x: L + PW + 8, y: l.y, 'dominant-baseline': 'middle' }, l.text),
    ),
    points.length > 1
      ? svg('polyline', { class: 'chart-line', points: points.map((c) => `${sx(dayNumber(c.on_date))},${sy(c.value)}`).join(' ') })
      : null,
    points.map((c) =>
      svg(
        'circle',
        { class: 'chart-dot', cx: sx(dayNumber(c.on_date)), cy: sy(c.value), r: 5 },
        svg('title', null, `${mediumDate(c.on_date)}: ${withUnit(c.value, g.unit)}`),
      ),
    ),
    points.length
      ? null
      : svg('text', { class: 'chart-empty', x: L + PW / 2, y: T + PH / 2, 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, 'No check-ins yet'),
    svg('text', { class: 'chart-date', x: L, y: H - 10, 'text-anchor': 'start' }, mediumDate(new Date(x0 * 86_400_000).toISOString().slice(0, 10))),
    svg(
      'text',
      { class: 'chart-date', x: L + PW, y: H - 10, 'text-anchor': 'end' },
      g.due_on && dayNumber(g.due_on) === x1 ? `Due ${mediumDate(g.due_on)}` : mediumDate(new Date(x1 * 86_400_000).toISOString().slice(0, 10)),
    ),
  );
}
