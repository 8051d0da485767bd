/**
 * Training (继续教育): the window, exact amounts (ticks), the calendar days of spans, exact
 * repeats, and the tally that folds records into verdicts, one file each under training/.
 */
export * from "./training/intervals.js";
export * from "./training/seen.js";
export * from "./training/tally.js";
export * from "./training/ticks.js";
export * from "./training/window.js";
