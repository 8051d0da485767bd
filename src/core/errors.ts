/**
 * Errors that end a command. Only src/cli.ts turns them into exit codes and text;
 * everything below it throws or returns them as values.
 */
export class SwtalentError extends Error {
  constructor(
    message: string,
    readonly exitCode: 2 | 3 | 4,
    /** extra lines, one per problem, printed after the message */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Bad or missing arguments, unknown policy, a command the policy does not support: exit 2. */
export class UsageError extends SwtalentError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, 2, details);
  }
}

/** Unreadable input, missing columns, invalid policy file: exit 3. */
export class DataError extends SwtalentError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, 3, details);
  }
}

/** The output could not be written: exit 4. */
export class OutputError extends SwtalentError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, 4, details);
  }
}
