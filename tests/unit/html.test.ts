/** Escaping through one tag (SafeHtml), and the charts drawn from the report model. */
import { describe, expect, it } from "vitest";
import { chartFigure, chartSvg } from "../../src/render/chart.js";
import { renderHtml } from "../../src/render/html.js";
import { type Presentation, money, num, status, text } from "../../src/render/model.js";
import { SafeHtml, escapeHtml, html } from "../../src/render/safe-html.js";

describe("html`...`: every substitution escaped unless it is SafeHtml", () => {
  it.each([
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    [`"><script>alert('x')</script>`, "&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"],
    ["a & b", "a &amp; b"],
    ["&amp;", "&amp;amp;"],
    ["王芳", "王芳"],
  ])("%j", (s, out) => {
    expect(escapeHtml(s)).toBe(out);
    expect(String(html`<td title="${s}">${s}</td>`)).toBe(`<td title="${out}">${out}</td>`);
  });

  it("numbers are written, nothing is nothing, lists are joined, nested markup is not escaped twice", () => {
    const cells = ["a<b", "c"].map((c) => html`<td>${c}</td>`);
    expect(String(html`<tr>${cells}${null}${undefined}${false}${0}</tr>`)).toBe("<tr><td>a&lt;b</td><td>c</td>0</tr>");
  });

  it("nothing but the tag makes SafeHtml: an object that looks like one is text, and the constructor is private", () => {
    const forged = { toString: () => "<b>x</b>" } as unknown as string;
    expect(String(html`${forged}`)).toBe("&lt;b&gt;x&lt;/b&gt;");
    const fake = Object.create(SafeHtml.prototype) as SafeHtml;
    expect(() => String(html`${fake}`)).toThrow();
  });
});

describe("charts", () => {
  it("bars are drawn in proportion, their totals written, labels escaped", () => {
    const svg = String(
      chartSvg({
        title: "units <per> town",
        series: [
          { label: "ok", tone: "good" },
          { label: "<bad>", tone: "bad" },
        ],
        bars: [
          { label: "古南街道", values: [3, 1] },
          { label: "<img src=x>", values: [0, 2] },
        ],
      }),
    );
    expect(svg).toContain('aria-label="units &lt;per&gt; town"');
    expect(svg).toContain("&lt;img src=x&gt;");
    expect(svg).not.toContain("<img");
    expect(svg).toMatch(/<rect x="150" y="\d+" width="240" height="18" fill="#2e7d32">/); // 3 of a largest total of 4
    expect(svg).toMatch(/<rect x="150" y="\d+" width="160" height="18" fill="#c62828">/); // the second bar's 2
    expect(svg).toContain(">4</text>");
  });

  it("money is written in yuan with two decimals", () => {
    expect(chartFigure(123456, true)).toBe("1,234.56");
    expect(chartFigure(7, false)).toBe("7");
  });
});

describe("the page", () => {
  const p: Presentation = {
    json: null,
    csv: { header: [], rows: [] },
    sections: [
      {
        title: "街镇: <古南>",
        header: ["id", "name", "amount", "签名"],
        rows: [
          [text("G1"), text("<img src=x onerror=alert(1)>"), money(20000), null],
          [text("小计"), text("1 人"), money(20000), null],
        ],
        total: true,
        signatures: true,
      },
      { header: ["a", "b", "c", "d", "e", "f", "g", "h"], rows: [[num(1), status("fail", "未达标", "bad"), null, null, null, null, null, null]] },
    ],
    document: { lang: "zh", title: "发放花名册", facts: [], files: [], figures: [], charts: [], rejected: null, day: "2021-06-01" },
  };
  const page = [...renderHtml(p)].join("");

  it("is one document with no script, no link and nothing to fetch", () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b|\s(src|href|srcset)="|url\(|@import/i);
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("a total is the last body row, never a tfoot; the signature column is an empty cell to sign in", () => {
    expect(page).not.toContain("<tfoot");
    expect(page).toMatch(/<tr class="total"><td>小计<\/td><td>1 人<\/td><td class="n">200.00<\/td><td class="sign"><\/td><\/tr><\/tbody>/);
    expect(page).toContain('<table class="signing">');
  });

  it("a wide table prints landscape; a verdict is a word with its colour", () => {
    expect(page).toContain('<section class="wide">');
    expect(page).toContain('<td class="bad" data-status="fail">未达标</td>');
    expect(page).toMatch(/@page wide \{ size: A4 landscape;/);
    expect(page).toContain('font-family: "Microsoft YaHei", "SimSun", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif');
    expect(page).toMatch(/tr \{ break-inside: avoid;/);
  });
});
