/**
 * The command line: registers every command from one list, and is the only place that
 * turns errors into messages and exit codes (SPEC.md "Exit codes"): nothing but 0-4.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { type Day, shanghaiToday, parseDay } from "./core/dates.js";
import { SwtalentError } from "./core/errors.js";
import type { Runtime } from "./commands/runtime.js";
import { COMMANDS } from "./commands/index.js";
import { helpLang } from "./commands/options.js";
import { helpLayout, helpWords } from "./render/help.js";
import { settleStdout, watchStdout } from "./io/write.js";
import { spawnPager } from "./io/pager.js";
import { oneLine } from "./render/messages.js";
import { maskText } from "./core/records/ids.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** Today in Asia/Shanghai, unless SWTALENT_TODAY (YYYY-MM-DD) fixes it for reproducible reruns and tests. */
export function todayOf(env: NodeJS.ProcessEnv, now: number): Day {
  const fixed = env.SWTALENT_TODAY ? parseDay(env.SWTALENT_TODAY) : null;
  return fixed ?? shanghaiToday(now);
}

let stderrWatched = false;

/** The process's own clock, environment, streams and terminals; relative paths from its working folder. */
export function defaultRuntime(): Runtime {
  if (!stderrWatched) {
    // nothing can be reported once stderr itself fails: a failed write must not end the run with a trace
    process.stderr.on("error", () => {});
    stderrWatched = true;
  }
  return {
    today: todayOf(process.env, Date.now()),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdoutColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
    stdoutRows: process.stdout.isTTY ? process.stdout.rows : undefined,
    startPager: spawnPager,
    stderrIsTTY: Boolean(process.stderr.isTTY),
    stderrColumns: process.stderr.isTTY ? process.stderr.columns : undefined,
    stderr: (line) => process.stderr.write(`${line}\n`),
    status: (text) => process.stderr.write(text),
  };
}

/**
 * Runs the command line and returns the exit code. Whatever was written to stdout is waited
 * for: a failed write is exit 4, a reader that went away (`| head`) ends the run quietly.
 */
export async function main(argv: readonly string[], rt: Runtime = defaultRuntime()): Promise<number> {
  watchStdout(rt.stdout);
  const debug = argv.includes("--debug");
  // a message may quote an argument or a cell: resident IDs in it are masked like any output
  const shown = argv.includes("--no-mask") ? (s: string) => s : maskText;
  let code: number;
  try {
    code = await run(argv, rt);
  } catch (e) {
    code = report(e, rt, debug, shown);
  }
  try {
    await settleStdout(rt.stdout);
  } catch (e) {
    code = report(e, rt, debug, shown);
  }
  return code;
}

/** One line per problem on stderr (a stack trace only with --debug); the exit code. */
function report(e: unknown, rt: Runtime, debug: boolean, shown: (s: string) => string): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return 0;
    // help shown because a command was incomplete (e.g. `policy` without a subcommand) is a usage error
    return e.code === "commander.help" && e.exitCode === 0 ? 0 : 2;
  }
  const trace = (err: unknown): string => (debug && err instanceof Error && err.stack ? `\n${err.stack}` : "");
  if (e instanceof SwtalentError) {
    rt.stderr(oneLine(shown(`swtalent: ${e.message}`)) + trace(e.cause));
    for (const d of e.details) rt.stderr(oneLine(shown(`  ${d}`)));
    return e.exitCode;
  }
  // not a failure to write (that is an OutputError): reported against the inputs being processed
  const message = oneLine(shown(`swtalent: unexpected error: ${(e as Error)?.message ?? String(e)}`));
  rt.stderr(debug ? `${message}${trace(e)}` : `${message} (run with --debug for details)`);
  return 3;
}

async function run(argv: readonly string[], rt: Runtime): Promise<number> {
  let code = 0;
  const lang = helpLang(argv, rt.env);
  const w = helpWords(lang);
  const program = new Command()
    .name("swtalent")
    .description(w.program.description)
    .version(version(), "-V, --version", w.program.version)
    .helpOption("-h, --help", w.program.help)
    .helpCommand("help [command]", w.program.helpCommand)
    .configureHelp(helpLayout(lang))
    .option("--debug", w.program.debug)
    .showHelpAfterError(w.program.afterError)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => rt.stdout.write(s),
      writeErr: (s) => rt.stderr(s.trimEnd()),
      // off a terminal there is no width, and help is wrapped at commander's 80
      getOutHelpWidth: () => rt.stdoutColumns ?? 80,
      getErrHelpWidth: () => rt.stderrColumns ?? 80,
    });
  for (const c of COMMANDS) {
    const cmd = c.define(program.command(c.name), w).exitOverride();
    const subs = c.subcommands;
    if (subs) {
      for (const sub of cmd.commands) {
        sub.exitOverride().action(async (...args: unknown[]) => {
          code = await subs[sub.name()]!(args, rt);
        });
      }
    } else {
      cmd.action(async (...args: unknown[]) => {
        code = await c.run(args, rt);
      });
    }
  }
  program.addHelpText("after", w.program.after);
  if (argv.length <= 2) {
    program.outputHelp();
    return 2;
  }
  await program.parseAsync(argv as string[]);
  return code;
}
