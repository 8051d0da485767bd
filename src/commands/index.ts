/** The one list of commands. Adding a command is adding a file and a line here. */
import type { Command } from "commander";
import type { HelpWords } from "../render/help.js";
import type { Runtime } from "./shared.js";
import { validateCommand } from "./validate.js";
import { templateCommand } from "./template.js";
import { auditCommand } from "./audit.js";
import { policyCommand } from "./policy.js";
import { allowanceCommand } from "./allowance.js";
import { trainingCommand } from "./training.js";
import { compareCommand } from "./compare.js";

export interface CommandSpec {
  readonly name: string;
  /** the command's arguments and options, described in the words of the help's language */
  define(cmd: Command, words: HelpWords): Command;
  /** commander's action arguments; returns the exit code */
  run(args: unknown[], rt: Runtime): Promise<number>;
  /** handlers of subcommands that define() declared, by name */
  readonly subcommands?: Readonly<Record<string, (args: unknown[], rt: Runtime) => Promise<number>>>;
}

export const COMMANDS: readonly CommandSpec[] = [
  auditCommand,
  allowanceCommand,
  trainingCommand,
  validateCommand,
  policyCommand,
  templateCommand,
  compareCommand,
];
