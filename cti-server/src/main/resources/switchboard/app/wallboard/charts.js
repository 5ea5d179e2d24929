// The day's charts as inline SVG: calls offered per 15-minute interval as bars, the service level as a line
// against the queue's target. No library, nothing fetched from elsewhere.
const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 480;
const HEIGHT = 160;
const PAD = 24;

function el(name, attributes, text) {
  const node = document.createElementNS(NS, name);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** One figure per queue: {queue: [interval...]} over the day that starts at dayStart (a Date, UTC midnight). */
export function drawCharts(container, intervals, targets, dayStart) {
  container.replaceChildren();
  const byQueue = new Map();
  intervals.forEach(row => {
    if (!byQueue.has(row.queue)) {
      byQueue.set(row.queue, []);
    }
    byQueue.get(row.queue).push(row);
  });
  if (byQueue.size === 0) {
    const none = document.createElement('p');
    none.className = 'muted';
    none.textContent = 'No closed 15-minute interval yet today.';
    container.append(none);
    return;
  }
  byQueue.forEach((rows, queue) => container.append(chart(queue, rows, targets.get(queue) ?? 0.8, dayStart)));
}

function chart(queue, rows, target, dayStart) {
  const figure = document.createElement('figure');
  figure.dataset.test = 'chart-' + queue;
  const caption = document.createElement('figcaption');
  caption.textContent = queue + ': calls offered (bars) and service level (line) against the target';
  const svg = el('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img',
    'aria-label': `${queue}: ${rows.length} intervals today` });
  const slots = 96;
  const span = (WIDTH - 2 * PAD) / slots;
  const most = Math.max(1, ...rows.map(r => r.offered));
  const y = share => HEIGHT - PAD - share * (HEIGHT - 2 * PAD);
  svg.append(el('line', { x1: PAD, x2: WIDTH - PAD, y1: y(target), y2: y(target), class: 'target' }));
  const points = [];
  rows.forEach(row => {
    const slot = Math.floor((Date.parse(row.start) - dayStart.getTime()) / 900000);
    const x = PAD + slot * span;
    const height = (row.offered / most) * (HEIGHT - 2 * PAD);
    const bar = el('rect', { x, y: HEIGHT - PAD - height, width: Math.max(1, span - 1), height, class: 'bar-offered' });
    bar.append(el('title', {}, `${row.start.substring(11, 16)} offered ${row.offered}, answered ${row.answered}, `
      + `abandoned ${row.abandoned}`));
    svg.append(bar);
    if (row.serviceLevel !== null) {
      points.push(`${x + span / 2},${y(row.serviceLevel)}`);
    }
  });
  if (points.length > 0) {
    svg.append(el('polyline', { points: points.join(' '), class: 'line-sl' }));
  }
  [0, 6, 12, 18, 24].forEach(hour => svg.append(el('text', { x: PAD + hour * 4 * span, y: HEIGHT - 6 },
    String(hour).padStart(2, '0') + ':00')));
  svg.append(el('text', { x: 2, y: y(1) + 4 }, '100%'));
  figure.append(caption, svg);
  return figure;
}
