// Reading and checking inputs: a bad value is a clear failure naming the input and what it accepts.
import * as core from '@actions/core';

export class InputError extends Error {
  override name = 'InputError';
}

export function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim() || fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input "${name}" is "${value}": use one of ${allowed.join(', ')}`);
}

export function flag(name: string, fallback: boolean): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new InputError(`input "${name}" is "${value}": use true or false`);
}

export function text(name: string, fallback: string): string {
  return core.getInput(name).trim() || fallback;
}

/** A whole number from `min` to `max`, or undefined for the word `auto` (the default when empty). */
export function countOrAuto(name: string, min: number, max: number): number | undefined {
  const value = core.getInput(name).trim() || 'auto';
  if (value === 'auto') return undefined;
  const n = Number(value);
  if (/^\d+$/.test(value) && n >= min && n <= max) return n;
  throw new InputError(`input "${name}" is "${value}": use auto or a whole number from ${min} to ${max}`);
}

/** Token and API URL: the `token` input (default: the workflow's GITHUB_TOKEN), GITHUB_API_URL. */
export function githubAccess(): { token: string; apiUrl: string } {
  return { token: core.getInput('token').trim() || process.env.GITHUB_TOKEN || '', apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com' };
}

/** Runs an action body: an expected problem (bad input, git) fails the step with its message, no stack. */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    core.setFailed(error instanceof Error ? `${error.message}` : String(error));
    if (error instanceof Error && error.name !== 'InputError' && error.name !== 'GitError' && error.stack) core.debug(error.stack);
  }
}
