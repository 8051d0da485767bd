/**
 * Charts as inline SVG, drawn from the report model: one horizontal bar per label, its series
 * stacked, the total written after it and each wide enough segment labelled with its figure,
 * so a black-and-white print still reads. No script, no fonts of its own: the page's.
 */
import type { Chart, ChartTone } from "./model.js";
import { type SafeHtml, html } from "./safe-html.js";

export const CHART_COLOR: Readonly<Record<ChartTone, string>> = {
  good: "#2e7d32",
  bad: "#c62828",
  warn: "#b7791f",
  dim: "#9e9e9e",
  plain: "#1f5fa8",
};

const BAR = 18;
const GAP = 8;
const LABEL = 150;
const PLOT = 320;
const VALUE = 90;
const LEGEND = 24;

/** A figure as the chart writes it: money in yuan with two decimals, counts whole. */
export function chartFigure(n: number, money: boolean): string {
  return money ? (n / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(n);
}

/** Roughly how wide a label shows at 12px, a Chinese character twice a Latin one. */
function labelWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e80 ? 12 : 7;
  return w;
}

/** A label cut to the room it has, with an ellipsis. */
function clipped(s: string, room: number): string {
  if (labelWidth(s) <= room) return s;
  let out = "";
  for (const ch of s) {
    if (labelWidth(`${out + ch}…`) > room) break;
    out += ch;
  }
  return `${out}…`;
}

export function chartSvg(c: Chart): SafeHtml {
  const width = LABEL + PLOT + VALUE;
  const legend = c.series.length > 1 ? LEGEND : 0;
  const height = legend + c.bars.length * (BAR + GAP) + GAP;
  const totals = c.bars.map((b) => b.values.reduce((a, v) => a + v, 0));
  const max = Math.max(1, ...totals);
  const scale = (v: number) => Math.round((v / max) * PLOT * 10) / 10;
  let x = 0;
  // a single measure needs no key: the caption names it
  const keys = (legend > 0 ? c.series : []).map((s) => {
    const at = x;
    x += 22 + labelWidth(s.label) + 16;
    return html`<rect x="${at}" y="4" width="14" height="14" fill="${CHART_COLOR[s.tone]}"/><text x="${at + 20}" y="16">${s.label}</text>`;
  });
  const bars = c.bars.map((b, i) => {
    const y = legend + GAP + i * (BAR + GAP);
    let left = LABEL;
    const segments = b.values.map((v, k) => {
      const w = scale(v);
      const at = left;
      left += w;
      if (v === 0) return html``;
      const tone = c.series[k]?.tone ?? "plain";
      const figure = chartFigure(v, c.money === true);
      const inside = w >= labelWidth(figure) + 6 && c.series.length > 1;
      return html`<rect x="${at}" y="${y}" width="${w}" height="${BAR}" fill="${CHART_COLOR[tone]}"><title>${c.series[k]?.label ?? ""}: ${figure}</title></rect>${
        inside ? html`<text class="in" x="${Math.round((at + w / 2) * 10) / 10}" y="${y + 13}" text-anchor="middle">${figure}</text>` : ""
      }`;
    });
    return html`<text x="${LABEL - 6}" y="${y + 13}" text-anchor="end">${clipped(b.label, LABEL - 10)}</text>${segments}<text x="${left + 6}" y="${y + 13}">${chartFigure(totals[i]!, c.money === true)}</text>`;
  });
  return html`<figure class="chart"><figcaption>${c.title}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${c.title}">${keys}${bars}</svg></figure>`;
}
