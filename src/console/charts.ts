import { html, type SafeHtml } from './html.js';

/** Colour-blind-safe palette (Okabe-Ito), cycled per series. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const colorAt = (i: number): string => PALETTE[i % PALETTE.length]!;

function legend(names: readonly string[], labelOf: (name: string) => string): SafeHtml {
  return html`<ul class="legend">
    ${names.map(
      (n, i) =>
        html`<li>
          <svg width="10" height="10" aria-hidden="true"><rect width="10" height="10" fill="${colorAt(i)}" /></svg>
          ${labelOf(n)}
        </li>`,
    )}
  </ul>`;
}

/**
 * Stacked bars, one per day, drawn on the server as inline SVG (no script,
 * no CDN). The SVG scales to its container, so it works on a phone.
 */
export function stackedBarChart(
  title: string,
  days: readonly string[],
  series: Readonly<Record<string, readonly number[]>>,
  labelOf: (name: string) => string = (n) => n,
): SafeHtml {
  const names = Object.keys(series).sort();
  const totals = days.map((_, i) => names.reduce((sum, n) => sum + (series[n]?.[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const width = 420;
  const height = 180;
  const pad = { left: 30, bottom: 22, top: 8 };
  const slot = (width - pad.left) / Math.max(1, days.length);
  const barW = Math.max(2, slot * 0.7);
  const plotH = height - pad.bottom - pad.top;
  const bars = days.map((day, i) => {
    let y = height - pad.bottom;
    const x = pad.left + i * slot + (slot - barW) / 2;
    const parts = names.map((n, j) => {
      const v = series[n]?.[i] ?? 0;
      if (v === 0) return '';
      const h = (v / max) * plotH;
      y -= h;
      return html`<rect
        x="${x.toFixed(1)}"
        y="${y.toFixed(1)}"
        width="${barW.toFixed(1)}"
        height="${h.toFixed(1)}"
        fill="${colorAt(j)}"
        ><title>${day} ${labelOf(n)}: ${v}</title></rect
      >`;
    });
    const showLabel = days.length <= 5 || i % Math.ceil(days.length / 5) === 0;
    const labelX = (x + barW / 2).toFixed(1);
    const label = showLabel
      ? html`<text x="${labelX}" y="${height - 6}" text-anchor="middle" class="axis">${day.slice(5)}</text>`
      : '';
    return html`${parts}${label}`;
  });
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" preserveAspectRatio="xMidYMid meet">
      <line x1="${pad.left}" y1="${height - pad.bottom}" x2="${width}" y2="${height - pad.bottom}" stroke="#999" />
      <text x="${pad.left - 4}" y="${pad.top + 10}" text-anchor="end" class="axis">${max}</text>
      <text x="${pad.left - 4}" y="${height - pad.bottom}" text-anchor="end" class="axis">0</text>
      ${bars}</svg
    >${legend(names, labelOf)}
  </figure>`;
}

/** Horizontal bars with the value at the end, for counts by category. */
export function horizontalBarChart(
  title: string,
  entries: readonly (readonly [string, number])[],
  labelOf: (name: string) => string = (n) => n,
): SafeHtml {
  const max = Math.max(1, ...entries.map((e) => e[1]));
  const rowH = 24;
  const width = 400;
  const labelW = 150;
  const height = Math.max(rowH, entries.length * rowH);
  const rows = entries.map(([name, value], i) => {
    const w = ((width - labelW - 40) * value) / max;
    const y = i * rowH;
    return html`<text x="${labelW - 6}" y="${y + 17}" text-anchor="end" class="label"
        >${labelOf(name).slice(0, 20)}</text
      >
      <rect x="${labelW}" y="${y + 4}" width="${Math.max(1, w).toFixed(1)}" height="${rowH - 8}" fill="${colorAt(i)}"
        ><title>${labelOf(name)}: ${value}</title></rect
      >
      <text x="${(labelW + w + 6).toFixed(1)}" y="${y + 17}" class="value">${value}</text>`;
  });
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" preserveAspectRatio="xMinYMin meet">
      ${rows}
    </svg>
  </figure>`;
}
