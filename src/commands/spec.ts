/** What a command is to the command line: its name, its options, and what it runs. */
import type { Command } from "commander";
import type { Runtime } from "./runtime.js";

export interface CommandSpec {
  readonly name: string;
  define(cmd: Command): Command;
  /** commander's action arguments; returns the exit code */
  run(args: unknown[], rt: Runtime): Promise<number>;
  /** handlers of subcommands that define() declared, by name */
  readonly subcommands?: Readonly<Record<string, (args: unknown[], rt: Runtime) => Promise<number>>>;
}
