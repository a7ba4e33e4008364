// Bar charts with uPlot (from its WebJar, inside the bundle). The numbers are always also in a table next to the
// chart; the chart itself is an image with a text alternative.
import uPlot from '/ui/vendor/uplot/uPlot.esm.js';
import { h, money, decimal } from './lib.js';

const COLORS = ['#9bb7d4', '#1f4e79', '#2e7d32'];

/** series: [{label, values (cents)}]; the first is drawn wide, the others narrower on top of it. */
export function barChart(caption, labels, series) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': `${caption}: ${labels.map((l, i) =>
    `${l}: ${series.map((s) => `${s.label} ${money(decimal(s.values[i]))}`).join(', ')}`).join('; ')}` });
  const legend = h('ul', { class: 'legend', 'aria-hidden': 'true' }, series.map((s, i) =>
    h('li', { class: `swatch-${i}` }, s.label)));
  const figure = h('figure', {}, box, h('figcaption', {}, caption), legend);
  const draw = () => {
    // as wide as its place (a phone, 400 % zoom: narrower than the viewport), never wider
    const room = box.clientWidth || (box.closest('main') ? box.closest('main').clientWidth - 32 : 640);
    const width = Math.max(160, Math.min(900, room));
    const data = [labels.map((_, i) => i), ...series.map((s) => s.values.map((c) => c / 100))];
    const opts = {
      width, height: 260, legend: { show: false }, cursor: { show: false },
      scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { values: (u, splits) => splits.map((v) => (Number.isInteger(v) && labels[v] ? labels[v] : '')), splits: () => labels.map((_, i) => i), grid: { show: false } },
        { size: 120, values: (u, splits) => splits.map((v) => `${Math.round(v).toLocaleString('de-DE')} €`) },
      ],
      series: [{}, ...series.map((s, i) => ({
        label: s.label, stroke: COLORS[i % COLORS.length], fill: COLORS[i % COLORS.length], width: 0,
        paths: uPlot.paths.bars({ size: [[0.7, 0.4, 0.2][i] || 0.2, [150, 90, 45][i] || 45] }), points: { show: false },
      }))],
    };
    box.replaceChildren();
    const plot = new uPlot(opts, data, box);
    plot.root.setAttribute('aria-hidden', 'true');
  };
  requestAnimationFrame(draw);
  let last = 0;
  new ResizeObserver(() => { if (box.isConnected && Math.abs(box.clientWidth - last) > 8) { last = box.clientWidth; requestAnimationFrame(draw); } }).observe(figure);
  return figure;
}
