import { expect } from "vitest";
import { UsageError } from "../../src/core/errors.js";

/** The message of the error of `kind` that `f` throws; fails the test when it throws none, or another error. */
export function thrownMessage(f: () => unknown, kind: new (...args: never[]) => Error): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(kind);
    return (e as Error).message;
  }
  throw new Error(`expected a ${kind.name}`);
}

/** The message of the UsageError `f` throws. */
export function usageError(f: () => unknown): string {
  return thrownMessage(f, UsageError);
}
