// What every command gets from the CLI shell: where to write, where it runs, how to set the exit code.
// Exit codes: 0 clean, 1 findings/breaking changes that fail the check, 2 usage or internal error.

export interface CliContext {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal (colors, interactive prompts). */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  setExitCode(code: 0 | 1 | 2): void;
}

/** A usage problem the user can fix (bad flag value, missing file): printed without a stack, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseFormat<T extends string>(value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown format "${value}": use one of ${allowed.join(', ')}`);
}
