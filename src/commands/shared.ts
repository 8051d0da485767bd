/**
 * What every command shares, each part in a file of its own: the runtime (runtime.ts), reading
 * the inputs (inputs.ts) and delivering the output (deliver.ts); the common options are in
 * options.ts, the JSON envelope in envelope.ts.
 */
export { type Progress, type Runtime, progressFor } from "./runtime.js";
export { type Inputs, type RosterReading, appendAll, policyFile, readInputs, readUnitsFile } from "./inputs.js";
export { type Outcome, deliver, maskOutput, render } from "./deliver.js";
