/** What a command is to the command line: its name, its options, and what it runs. */
import type { Command } from "commander";
import type { HelpWords } from "../render/help.js";
import type { Runtime } from "./runtime.js";

export interface CommandSpec {
  readonly name: string;
  /** the command's arguments and options, described in the words of the help's language */
  define(cmd: Command, words: HelpWords): Command;
  /** commander's action arguments; returns the exit code */
  run(args: unknown[], rt: Runtime): Promise<number>;
  /** handlers of subcommands that define() declared, by name */
  readonly subcommands?: Readonly<Record<string, (args: unknown[], rt: Runtime) => Promise<number>>>;
}
