// One iterative walk over a parsed value: nesting depth, forbidden keys, and where the `$ref`s are.
import type { JsonPath } from '../finding.js';
import type { LoadProblem } from './problem.js';

/** Keys that can corrupt JavaScript objects downstream (prototype pollution). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface RefSite {
  /** Path of the object holding the `$ref` key. */
  path: JsonPath;
  ref: unknown;
}

interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: string | number;
}

function pathOf(frame: Frame | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  for (let f = frame; f && f.parent; f = f.parent) path.push(f.key);
  return path.reverse();
}

export interface CheckResult {
  problems: LoadProblem[];
  refs: RefSite[];
  /** True when the same mapping/sequence object was reached twice (YAML aliases); the walk stops there. */
  shared: boolean;
}

/**
 * Walks the value. With `detectShared`, a collection reached twice means the parser shared it for
 * an alias: the walk stops at once (before any exponential expansion) and reports `shared`.
 */
export function checkValue(root: unknown, maxDepth: number, detectShared = false): CheckResult {
  const problems: LoadProblem[] = [];
  const refs: RefSite[] = [];
  if (root === null || typeof root !== 'object') return { problems, refs, shared: false };
  const seen = detectShared ? new Set<object>() : undefined;
  const stack: Frame[] = [{ value: root, depth: 1, parent: undefined, key: '' }];
  let tooDeepReported = false;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > maxDepth) {
      if (!tooDeepReported) {
        tooDeepReported = true;
        problems.push({
          rule: 'load/too-deep',
          message: `the document nests deeper than ${maxDepth} levels here: flatten it`,
          fix: 'Reduce the nesting, or raise the limit with --max-depth.',
          path: pathOf(frame),
        });
      }
      continue;
    }
    const value = frame.value;
    if (seen) {
      if (seen.has(value)) return { problems, refs, shared: true };
      seen.add(value);
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i];
        if (child !== null && typeof child === 'object') stack.push({ value: child, depth: frame.depth + 1, parent: frame, key: i });
      }
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          rule: 'load/forbidden-key',
          message: `the key ${JSON.stringify(key)} is not allowed (it can corrupt JavaScript objects): rename or remove it`,
          fix: `Rename the key ${JSON.stringify(key)}.`,
          path: [...pathOf(frame), key],
        });
        continue;
      }
      const child: unknown = (value as Record<string, unknown>)[key];
      if (key === '$ref') refs.push({ path: pathOf(frame), ref: child });
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return { problems, refs, shared: false };
}
