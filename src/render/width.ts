/**
 * How wide text is on a terminal, and text broken into lines of a width: a Chinese character
 * (and any East Asian wide or full-width form) takes two columns, a colour code none.
 */

/** East Asian Wide and Fullwidth code points (Unicode UAX #11), the ranges a roster can hold. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

/** Combining marks, zero-width spaces and joiners, variation selectors: no column of their own. */
const ZERO: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0xfe00, 0xfe0f],
];

const within = (cp: number, ranges: readonly (readonly [number, number])[]): boolean => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** The columns one character takes: 2 wide, 0 for a control or combining character, else 1. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x1100) return cp >= 0x300 && cp <= 0x36f ? 0 : 1;
  if (within(cp, ZERO)) return 0;
  return within(cp, WIDE) ? 2 : 1;
}

const COLOUR = /\x1b\[[0-9;]*m/g;

/** The columns a line of text takes on a terminal: wide characters count two, colour codes none. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s.replace(COLOUR, "")) n += charWidth(ch);
  return n;
}

/** Closing punctuation stays on the line of the character before it. */
const CLOSING = new Set([..."，。、：；！？）」』”’》〕】,.;:!?)]"]);

/** A line's pieces: a wide character with the closing punctuation after it, a run of other text, or spaces. */
function tokens(line: string): string[] {
  const out: string[] = [];
  let run = "";
  let spaces = "";
  const flush = () => {
    if (run !== "") out.push(run);
    run = "";
  };
  for (const ch of line) {
    if (ch === " " || ch === "\t") {
      flush();
      spaces += " ";
      continue;
    }
    if (spaces !== "") {
      out.push(spaces);
      spaces = "";
    }
    if (CLOSING.has(ch) && out.length > 0 && run === "") {
      out[out.length - 1] += ch;
    } else if (CLOSING.has(ch) && run !== "" && charWidth(ch) === 2) {
      // a full-width comma or bracket after digits or Latin text ("3，", "100）") ends that run
      run += ch;
      flush();
    } else if (charWidth(ch) === 2) {
      flush();
      out.push(ch);
    } else {
      run += ch;
    }
  }
  flush();
  if (spaces !== "") out.push(spaces);
  return out;
}

/** A piece wider than the line, cut into lines of the width (an id or a long word). */
function cut(piece: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  let used = 0;
  for (const ch of piece) {
    const w = charWidth(ch);
    if (used + w > width && line !== "") {
      lines.push(line);
      line = "";
      used = 0;
    }
    line += ch;
    used += w;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * Text broken into lines no wider than `width`: at spaces, between Chinese characters (never
 * before closing punctuation), and through a word only when it is wider than the line itself.
 * A line break in the text is kept.
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = "";
    let used = 0;
    for (const piece of tokens(paragraph)) {
      const pw = displayWidth(piece);
      if (used + pw <= w) {
        line += piece;
        used += pw;
        continue;
      }
      if (piece.trim() === "") continue;
      if (line.trim() !== "") lines.push(line.trimEnd());
      if (pw <= w) {
        line = piece;
        used = pw;
      } else {
        const parts = cut(piece, w);
        lines.push(...parts.slice(0, -1));
        line = parts.at(-1) ?? "";
        used = displayWidth(line);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Text padded with spaces to `width` columns, on the left (`right`: aligned right) or the right. */
export function pad(text: string, width: number, right = false): string {
  const gap = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? gap + text : text + gap;
}

/** The widest piece of the text that is not broken when it wraps (a word, an id), in columns. */
export function widestWord(text: string): number {
  let widest = 0;
  for (const line of text.split(/\r?\n/)) for (const piece of tokens(line)) if (piece.trim() !== "") widest = Math.max(widest, displayWidth(piece));
  return widest;
}
