import { describe, expect, it } from "vitest";
import { progressFor } from "../../src/commands/shared.js";

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { rt: { stderrIsTTY: isTTY, status: (t: string) => void written.push(t) }, written };
}

describe("progressFor: one rewritten stderr line, only on a terminal, only for long reads", () => {
  it("shows rows and rate after 2 s, rewrites the line with \\r, and clears it at the end", () => {
    const { rt, written } = terminal(true);
    let ms = 0;
    const p = progressFor(rt, {}, "roster.csv", () => ms);
    ms = 1999;
    p.onProgress!(65535);
    expect(written).toEqual([]);
    ms = 4000;
    p.onProgress!(131071);
    p.end();
    expect(written).toEqual(["\rroster.csv: 131,071 rows read, 32,768 rows/s\x1b[K", "\r\x1b[K"]);
  });

  it("a read under 2 s leaves nothing to clear", () => {
    const { rt, written } = terminal(true);
    const p = progressFor(rt, {}, "roster.csv", () => 0);
    p.onProgress!(65535);
    p.end();
    expect(written).toEqual([]);
  });

  it("writes nothing when stderr is not a terminal, or with --quiet", () => {
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { rt, written } = terminal(isTTY);
      const p = progressFor(rt, { quiet }, "roster.csv", () => 10000);
      expect(p.onProgress).toBeUndefined();
      p.end();
      expect(written).toEqual([]);
    }
  });
});
