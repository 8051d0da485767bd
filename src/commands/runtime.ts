/** What the outside world gives a command (the Runtime), and the progress line a long read shows on it. */
import type { Readable } from "node:stream";
import type { Day } from "../core/dates.js";
import type { StartPager } from "../io/pager.js";
import type { Destination, OutStream } from "../io/write.js";
import type { CommonOptions } from "./options.js";

/**
 * What the outside world gives a command: the clock, the environment, the working folder,
 * standard input and output, and the terminals. The CLI passes the process's own; a test
 * passes its own, to run commands in-process.
 */
export interface Runtime extends Destination {
  readonly today: Day;
  readonly env: NodeJS.ProcessEnv;
  /** the folder relative paths start from; absent: the process's own working folder */
  readonly cwd?: string;
  /** what an input named `-` reads */
  readonly stdin: Readable;
  readonly stdout: OutStream;
  readonly stdoutIsTTY: boolean;
  /** the terminal's width when stdout is one (help is wrapped to it) */
  readonly stdoutColumns?: number;
  /** the terminal's height when stdout is one: a human report taller than it is paged */
  readonly stdoutRows?: number;
  /** starts $PAGER for a report on the terminal; absent: never page */
  readonly startPager?: StartPager;
  readonly stderrIsTTY: boolean;
  /** the terminal's width when stderr is one */
  readonly stderrColumns?: number;
  readonly stderr: (line: string) => void;
  /** writes to stderr as is, for a status line rewritten with \r */
  readonly status: (text: string) => void;
}

/** Reads shorter than this show no progress: a status line that flashes is noise. */
const PROGRESS_AFTER_MS = 2000;

export interface Progress {
  readonly onProgress?: (rows: number) => void;
  /** clears the status line, if one was shown */
  end(): void;
}

/**
 * Rows read and the rate, on one stderr line rewritten in place, once a read has taken
 * over 2 s; nothing at all when stderr is not a terminal (pipes, cron) or with --quiet.
 */
export function progressFor(
  rt: Pick<Runtime, "stderrIsTTY" | "status">,
  o: Pick<CommonOptions, "quiet">,
  file: string,
  now = () => performance.now(),
): Progress {
  if (!rt.stderrIsTTY || o.quiet) return { end() {} };
  const start = now();
  let shown = false;
  return {
    onProgress(rows) {
      const ms = now() - start;
      if (ms < PROGRESS_AFTER_MS) return;
      shown = true;
      const rate = Math.round((rows * 1000) / ms);
      rt.status(`\r${file}: ${rows.toLocaleString("en")} rows read, ${rate.toLocaleString("en")} rows/s\x1b[K`);
    },
    end() {
      if (shown) rt.status("\r\x1b[K");
    },
  };
}
