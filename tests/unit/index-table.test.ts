import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexTable, hashText } from "../../src/core/records/index-table.js";

describe("IndexTable", () => {
  it("finds what a Map finds, through growth and colliding hashes", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 300 }), fc.constantFrom(0, 7), (keys, bits) => {
        const stored: string[] = [];
        const table = new IndexTable<string>((at, key) => stored[at] === key, 1);
        const map = new Map<string, number>();
        // bits 0: every key hashes alike, so each lookup walks the collisions
        const hash = (k: string) => (bits === 0 ? 42 : hashText(k));
        for (const k of keys) {
          const at = table.find(hash(k), k);
          expect(at).toBe(map.get(k) ?? -1);
          if (at < 0) {
            table.add(hash(k), stored.length);
            map.set(k, stored.length);
            stored.push(k);
          }
        }
        for (const [k, at] of map) expect(table.find(hash(k), k)).toBe(at);
        expect(table.find(hash("not stored: longer than four"), "not stored: longer than four")).toBe(-1);
      }),
    );
  });

  it("hashes a text the same every time, and a seed changes it", () => {
    expect(hashText("王芳")).toBe(hashText("王芳"));
    expect(hashText("王芳", 1)).not.toBe(hashText("王芳", 2));
    expect(hashText("")).toBe(hashText(""));
  });
});
