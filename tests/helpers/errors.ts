import { expect } from "vitest";
import { UsageError } from "../../src/core/errors.js";

/** The message of the UsageError `f` throws; fails the test when it throws none, or another error. */
export function usageError(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).message;
  }
  throw new Error("expected a usage error");
}
