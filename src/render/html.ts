/**
 * The report as one self-contained HTML page (SPEC.md "Formats", html): inline CSS, charts
 * as inline SVG, no script and nothing fetched. It prints on A4, wide tables on landscape
 * pages, the header row repeated on each page and no row split; a total is the last row of
 * its table, never a tfoot (which Chromium repeats on every page). Every text goes through
 * the `html` tag. Written row by row, so a long payroll is never one string.
 */
import { chartSvg } from "./chart.js";
import { DOCUMENT_WORDS } from "./catalogs/document.js";
import { type Cell, type DocumentParts, type Presentation, type Section, plain } from "./model.js";
import { type SafeHtml, html } from "./safe-html.js";

/** Tables wider than this many columns print on landscape pages. */
const PORTRAIT_COLUMNS = 7;
/** Text longer than this many characters may wrap anywhere; shorter text (a name, a unit) only at a space or a mark. */
const LONG_TEXT = 16;
/** Tables of this many columns or fewer are as wide as their content, not the page. */
const NARROW_COLUMNS = 4;

const STYLE = html`<style>
@page { size: A4 portrait; margin: 12mm 10mm; }
@page wide { size: A4 landscape; margin: 10mm 10mm; }
html { font-family: "Microsoft YaHei", "SimSun", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10.5pt; color: #1a1a1a; }
body { margin: 0 auto; max-width: 1400px; padding: 16px 20px; }
h1 { font-size: 17pt; margin: 0 0 8px; }
h2 { font-size: 12.5pt; margin: 18px 0 6px; break-after: avoid; page-break-after: avoid; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 8px; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0 0 6px; }
table.fit { width: auto; min-width: 50%; }
th, td { border: 1px solid #9a9a9a; padding: 3px 6px; text-align: left; vertical-align: top; word-break: keep-all; overflow-wrap: break-word; }
td { white-space: nowrap; }
th { background: #ececec; font-weight: bold; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.id { white-space: nowrap; }
td.sign { min-width: 8em; }
td.long { white-space: normal; word-break: normal; min-width: 9em; }
table.signing td { height: 2.4em; vertical-align: middle; }
td[data-status] { white-space: nowrap; }
tr.total td { font-weight: bold; background: #f4f4f4; border-top: 2px solid #555; }
.good { color: #1e7b34; }
.bad { color: #b3261e; font-weight: bold; }
.warn { color: #8a5a00; }
.dim { color: #6b6b6b; }
section.wide { page: wide; }
p.note { margin: 2px 0; }
.figures { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 8px; }
.figure { border: 1px solid #bdbdbd; border-radius: 4px; padding: 6px 12px; min-width: 110px; break-inside: avoid; }
.figure .v { display: block; font-size: 15pt; font-weight: bold; }
.figure .k { color: #555; }
.charts { display: flex; flex-wrap: wrap; gap: 12px 28px; }
figure.chart { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: bold; margin: 0 0 4px; }
svg text { font-family: inherit; font-size: 12px; fill: #1a1a1a; }
svg text.in { fill: #fff; font-size: 11px; }
@media print { body { max-width: none; padding: 0; } }
</style>`;

/** A number as the page shows it: money with two decimals and thousands separated, counts as they are. */
function shownNumber(c: Cell): string {
  if (c?.kind === "money") return (c.fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (c?.kind === "number") return String(c.value);
  return "";
}

function td(c: Cell): SafeHtml {
  if (c === null) return html`<td></td>`;
  switch (c.kind) {
    case "number":
      return html`<td class="${c.tone ? `n ${c.tone}` : "n"}">${shownNumber(c)}</td>`;
    case "money":
      return html`<td class="n">${shownNumber(c)}</td>`;
    case "date":
      return html`<td class="n">${c.day}</td>`;
    case "month":
      return html`<td class="n">${c.month}</td>`;
    case "id":
      return html`<td class="id">${c.text}</td>`;
    case "status":
      return html`<td class="${c.tone}" data-status="${c.code}">${c.text}</td>`;
    case "text":
      // a sentence wraps where it must; a short name or figure is kept on one line
      return c.text.length > LONG_TEXT ? html`<td class="long">${c.text}</td>` : html`<td>${c.text}</td>`;
  }
}

/** A section: its title, its table row by row (a total row marked), and its notes. */
function* sectionPieces(s: Section): Generator<SafeHtml> {
  const wide = s.header.length > PORTRAIT_COLUMNS;
  yield html`<section${wide ? html` class="wide"` : ""}>${s.title ? html`<h2>${s.title}</h2>` : ""}`;
  if (s.header.length > 0 && s.rows.length > 0) {
    const sign = s.signatures ? s.header.length - 1 : -1;
    const kind = s.signatures ? "signing" : s.header.length <= NARROW_COLUMNS ? "fit" : "";
    yield html`<table${kind ? html` class="${kind}"` : ""}><thead><tr>${s.header.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>`;
    for (const [i, r] of s.rows.entries()) {
      const total = s.total === true && i === s.rows.length - 1;
      const cells = r.map((c, k) => (k === sign ? html`<td class="sign"></td>` : td(c)));
      yield html`<tr${total ? html` class="total"` : ""}>${cells}</tr>`;
    }
    yield html`</tbody></table>`;
  }
  for (const n of s.notes ?? []) yield html`<p class="note">${n}</p>`;
  yield html`</section>`;
}

function head(d: DocumentParts): SafeHtml {
  const w = DOCUMENT_WORDS[d.lang];
  const facts = d.facts.map((f) => html`<dt>${f.label}</dt><dd>${cellText(f.value)}</dd>`);
  const files = d.files.map(
    (f) =>
      html`<tr><td>${f.file}</td><td class="n">${f.rows}</td><td class="n">${f.accepted}</td>${td({ kind: "number", value: f.rejected, ...(f.rejected > 0 ? { tone: "bad" as const } : {}) })}</tr>`,
  );
  const figures = d.figures.map((f) => html`<div class="figure"><span class="v">${cellText(f.value)}</span><span class="k">${f.label}</span></div>`);
  return html`<header><h1>${d.title}</h1><dl class="facts">${facts}</dl></header>
<section class="inputs"><h2>${w.inputs}</h2><table class="fit"><thead><tr><th>${w.head.file}</th><th>${w.head.rows}</th><th>${w.head.accepted}</th><th>${w.head.rejected}</th></tr></thead><tbody>${files}</tbody></table></section>
<section class="summary"><h2>${w.figures}</h2><div class="figures">${figures}</div>${
    d.charts.length > 0 ? html`<div class="charts">${d.charts.map(chartSvg)}</div>` : ""
  }</section>
`;
}

/** A cell's text where it stands alone (a fact, a figure). */
function cellText(c: Cell): string {
  if (c !== null && (c.kind === "number" || c.kind === "money")) return shownNumber(c);
  return String(plain(c));
}

/** The page in pieces. */
export function* renderHtml(p: Presentation): Generator<string> {
  const d = p.document;
  if (!d) throw new Error("this command writes no documents");
  const sections = d.sections ?? p.sections;
  yield String(
    html`<!DOCTYPE html>
<html lang="${d.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${d.title}</title>
${STYLE}
</head>
<body>
${head(d)}`,
  );
  for (const s of sections) {
    for (const piece of sectionPieces(s)) yield String(piece);
    yield "\n";
  }
  if (d.rejected) for (const piece of sectionPieces(d.rejected)) yield String(piece);
  yield "\n</body>\n</html>\n";
}
