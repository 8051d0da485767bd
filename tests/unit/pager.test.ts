import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type Pager, type PagerTerminal, pagerCommand, spawnPager, writePaged } from "../../src/io/pager.js";
import { streams } from "../helpers/cli.js";

describe("the pager's command comes from $PAGER, as git takes it", () => {
  it.each([
    [{}, ["less", "-FRX"]],
    [{ PAGER: "most" }, ["most"]],
    [{ PAGER: " less  -R " }, ["less", "-R"]],
    [{ PAGER: "" }, null],
    [{ PAGER: "  " }, null],
    [{ PAGER: "cat" }, null],
  ])("%j -> %j", (env, argv) => {
    expect(pagerCommand(env)).toEqual(argv);
  });
});

/** A terminal of `rows` lines whose pager is recorded, not started. */
function terminal(over: Partial<PagerTerminal> & { pagerFails?: boolean; quitsAfter?: number } = {}) {
  const out = streams();
  const started: string[][] = [];
  let paged = "";
  let ended = false;
  const rt: PagerTerminal = {
    stdout: out.stdout,
    stdoutIsTTY: true,
    stdoutRows: 5,
    env: {},
    startPager: async (argv) => {
      started.push([...argv]);
      if (over.pagerFails) return null;
      let writes = 0;
      const input = new Writable({
        write(chunk: Buffer, _e, done) {
          writes++;
          if (over.quitsAfter !== undefined && writes > over.quitsAfter) {
            done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
            return;
          }
          paged += chunk.toString("utf8");
          done();
        },
      });
      const pager: Pager = {
        input: {
          write: (chunk, done) => input.write(chunk, done),
          on: (event, listener) => input.on(event, listener),
          end: () => {
            ended = true;
            input.end();
          },
        },
        done: Promise.resolve(),
      };
      return pager;
    },
    ...over,
  };
  return { rt, started, printed: out.written, paged: () => paged, ended: () => ended };
}

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`);

describe("a report taller than the terminal goes through the pager (the last line is the prompt's)", () => {
  it("4 lines on a 5-line terminal are printed directly", async () => {
    const t = terminal();
    await writePaged(t.rt, lines(4), true);
    expect(t.started).toEqual([]);
    expect(t.printed()).toBe(lines(4).join(""));
  });

  it("5 lines on a 5-line terminal go through less -FRX, every piece in order, and the pager is waited for", async () => {
    const t = terminal();
    await writePaged(t.rt, lines(5), true);
    expect(t.started).toEqual([["less", "-FRX"]]);
    expect(t.paged()).toBe(lines(5).join(""));
    expect(t.printed()).toBe("");
    expect(t.ended()).toBe(true);
  });

  it("a long report in many pieces reaches the pager whole", async () => {
    const t = terminal();
    const pieces = lines(1000);
    await writePaged(t.rt, pieces, true);
    expect(t.paged()).toBe(pieces.join(""));
  });

  it("one string of many lines is paged too", async () => {
    const t = terminal({ env: { PAGER: "most -s" } });
    await writePaged(t.rt, lines(9).join(""), true);
    expect(t.started).toEqual([["most", "-s"]]);
    expect(t.paged()).toBe(lines(9).join(""));
  });

  it("a terminal of unknown height is taken as 24 lines", async () => {
    const t = terminal({ stdoutRows: undefined });
    await writePaged(t.rt, lines(23), true);
    expect(t.started).toEqual([]);
    await writePaged(t.rt, lines(24), true);
    expect(t.started).toHaveLength(1);
  });

  it.each([
    ["--no-pager", {}, false],
    ["not a terminal (a pipe, a file, cron)", { stdoutIsTTY: false }, true],
    ["PAGER empty", { env: { PAGER: "" } }, true],
    ["PAGER=cat", { env: { PAGER: "cat" } }, true],
    ["a run that cannot start one", { startPager: undefined }, true],
  ])("%s: printed directly", async (_why, over, page) => {
    const t = terminal(over as Partial<PagerTerminal>);
    await writePaged(t.rt, lines(50), page);
    expect(t.started).toEqual([]);
    expect(t.printed()).toBe(lines(50).join(""));
  });

  it("a pager that cannot start: the whole report is printed directly", async () => {
    const t = terminal({ pagerFails: true });
    await writePaged(t.rt, lines(50), true);
    expect(t.started).toHaveLength(1);
    expect(t.printed()).toBe(lines(50).join(""));
  });

  it("a reader who quits the pager early ends the run quietly", async () => {
    const t = terminal({ quitsAfter: 0 });
    await expect(writePaged(t.rt, lines(200_000), true)).resolves.toBeUndefined();
    expect(t.ended()).toBe(true);
  });
});

describe("spawnPager starts a real process reading from a pipe", () => {
  it("it reads everything written", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "swtalent-pager-")), "read.txt");
    const copy = "require('fs').writeFileSync(process.argv[1], require('fs').readFileSync(0))";
    const pager = await spawnPager([process.execPath, "-e", copy, file]);
    expect(pager).not.toBeNull();
    pager!.input.write("一\n二\n");
    pager!.input.end();
    await pager!.done;
    expect(readFileSync(file, "utf8")).toBe("一\n二\n");
  });

  it("a command that does not exist gives no pager", async () => {
    expect(await spawnPager(["swtalent-no-such-pager-here", "-R"])).toBeNull();
  });
});
