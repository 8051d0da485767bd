/** The one list of commands. Adding a command is adding a file and a line here. */
import { allowanceCommand } from "./allowance.js";
import { auditCommand } from "./audit.js";
import { policyCommand } from "./policy.js";
import type { CommandSpec } from "./spec.js";
import { templateCommand } from "./template.js";
import { trainingCommand } from "./training.js";
import { compareCommand } from "./compare.js";
import { validateCommand } from "./validate.js";

export type { CommandSpec } from "./spec.js";

export const COMMANDS: readonly CommandSpec[] = [
  auditCommand,
  allowanceCommand,
  trainingCommand,
  validateCommand,
  policyCommand,
  templateCommand,
  compareCommand,
];
