/**
 * HTML that is safe to write as it is: made only by the `html` tag, whose literal parts are
 * the program's own markup and whose every substitution is escaped unless it is SafeHtml
 * already. The class's constructor is private and its text a private field, so nothing else
 * can pass for one: a string from a roster is always escaped, whatever it holds.
 */

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML: the five characters that could end a text or an attribute value, as entities. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

let make: (text: string) => SafeHtml;

export class SafeHtml {
  readonly #text: string;

  private constructor(text: string) {
    this.#text = text;
  }

  static {
    make = (text) => new SafeHtml(text);
  }

  toString(): string {
    return this.#text;
  }
}

/** What may stand in a substitution: markup made by `html`, text and numbers to escape, lists of these, or nothing. */
export type HtmlPart = SafeHtml | string | number | null | undefined | false | readonly HtmlPart[];

function part(v: HtmlPart): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof SafeHtml) return v.toString();
  if (Array.isArray(v)) return (v as readonly HtmlPart[]).map(part).join("");
  return escapeHtml(String(v));
}

/** The tag: html`<td class="n">${value}</td>`. */
export function html(literals: TemplateStringsArray, ...values: readonly HtmlPart[]): SafeHtml {
  let out = literals[0]!;
  values.forEach((v, i) => {
    out += part(v) + literals[i + 1]!;
  });
  return make(out);
}
