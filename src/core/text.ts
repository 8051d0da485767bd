/** Text from a cell made safe to show anywhere: control characters written out visibly. */

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", "\f": "\\f" };

/**
 * A control character in a cell (an escape sequence, a NUL, a line break typed into a name) is
 * written as `\x1b`, `\x00`, `\n`, so it can neither drive a terminal nor break a CSV, a
 * Markdown table or a message line, and the reader still sees it is there.
 */
export function visible(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
  });
}
