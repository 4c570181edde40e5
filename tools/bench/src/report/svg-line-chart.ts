import type { BenchChart } from '@local-swarm/bench-kit';

/** Plot size in SVG user units; the image scales in the browser. */
const PLOT_WIDTH = 460;
const HEIGHT = 400;
const MARGIN = { top: 40, bottom: 56, left: 72 };
/** Width of a legend character at 12 px sans-serif, generous so labels never spill out. */
const LEGEND_CHAR_WIDTH = 7.2;
/** Colour-blind-safe palette (Okabe–Ito), one per series in order. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

/**
 * Draws a chart as a self-contained SVG line chart: one polyline with markers per series, error
 * bars where points carry lo/hi, "nice" axis ticks, and a legend on the right. No scripts, no
 * external fonts: it renders the same on GitHub, in an editor preview and in a browser.
 */
export function renderSvgLineChart(chart: BenchChart): string {
  const points = chart.series.flatMap((series) => series.points);
  if (points.length === 0) throw new RangeError(`chart "${chart.title}" has no points`);
  const xs = points.map((point) => point.x);
  const ys = points.flatMap((point) => [point.y, point.lo ?? point.y, point.hi ?? point.y]);
  const xTicks = niceTicks(Math.min(...xs), Math.max(...xs));
  const yTicks = niceTicks(Math.min(0, ...ys), Math.max(...ys));
  const [xMin, xMax] = [first(xTicks), last(xTicks)];
  const [yMin, yMax] = [first(yTicks), last(yTicks)];
  // The legend sits right of the plot, as wide as its longest label needs.
  const legendWidth = 16 + 28 + Math.max(...chart.series.map((series) => series.name.length)) * LEGEND_CHAR_WIDTH + 12;
  const width = Math.ceil(MARGIN.left + PLOT_WIDTH + legendWidth);
  const plotWidth = PLOT_WIDTH;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number): number => MARGIN.left + ((x - xMin) / (xMax - xMin || 1)) * plotWidth;
  const sy = (y: number): number => MARGIN.top + plotHeight - ((y - yMin) / (yMax - yMin || 1)) * plotHeight;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${HEIGHT}" width="${width}" height="${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${width}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(chart.title)}</text>`,
  );
  for (const tick of yTicks) {
    const y = fmt(sy(tick));
    parts.push(
      `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`,
      `<text x="${MARGIN.left - 8}" y="${y}" text-anchor="end" dominant-baseline="middle">${formatTick(tick)}</text>`,
    );
  }
  for (const tick of xTicks) {
    const x = fmt(sx(tick));
    parts.push(
      `<line x1="${x}" x2="${x}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight + 5}" stroke="#333"/>`,
      `<text x="${x}" y="${MARGIN.top + plotHeight + 18}" text-anchor="middle">${formatTick(tick)}</text>`,
    );
  }
  parts.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`,
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 14}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(18 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(chart.yLabel)}</text>`,
  );
  chart.series.forEach((series, index) => {
    const colour = COLOURS[index % COLOURS.length] ?? '#000000';
    const sorted = [...series.points].sort((a, b) => a.x - b.x);
    const path = sorted.map((point) => `${fmt(sx(point.x))},${fmt(sy(point.y))}`).join(' ');
    parts.push(`<g stroke="${colour}" fill="${colour}">`);
    if (sorted.length > 1) parts.push(`<polyline points="${path}" fill="none" stroke-width="2"/>`);
    for (const point of sorted) {
      const x = fmt(sx(point.x));
      if (point.lo !== undefined && point.hi !== undefined) {
        parts.push(`<line x1="${x}" x2="${x}" y1="${fmt(sy(point.lo))}" y2="${fmt(sy(point.hi))}" stroke-width="1.5"/>`);
      }
      parts.push(`<circle cx="${x}" cy="${fmt(sy(point.y))}" r="3.5"/>`);
    }
    parts.push('</g>');
    const legendY = MARGIN.top + 8 + index * 20;
    const legendX = MARGIN.left + plotWidth + 16;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 22}" y1="${legendY}" y2="${legendY}" stroke="${colour}" stroke-width="2"/>`,
      `<circle cx="${legendX + 11}" cy="${legendY}" r="3.5" fill="${colour}"/>`,
      `<text x="${legendX + 28}" y="${legendY}" dominant-baseline="middle">${escapeXml(series.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

/** Round tick positions (1, 2 or 5 times a power of ten) covering [min, max] in about 5 steps. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('ticks need finite bounds');
  if (min === max) return max === 0 ? [0, 1] : niceTicks(Math.min(0, min), Math.max(0, max) || 1, count);
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((factor) => factor * power >= raw) ?? 10) * power;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let tick = start; tick < max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  if (last(ticks) < max) ticks.push(Number((last(ticks) + step).toPrecision(12)));
  return ticks;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function fmt(value: number): string {
  return value.toFixed(1);
}

function first(values: readonly number[]): number {
  return values[0] ?? 0;
}

function last(values: readonly number[]): number {
  return values[values.length - 1] ?? 0;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
