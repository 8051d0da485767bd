/** The reviewed outputs in tests/golden/ that runs are held to byte for byte. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./cli.js";

export const golden = (name: string): string => readFileSync(join(ROOT, "tests", "golden", name), "utf8");
