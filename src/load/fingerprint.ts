// Fingerprints of the files a document depends on (its `$ref` targets): a cached result is reused
// only while every dependency still has the fingerprint it had when the result was computed.
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { sha256 } from './load-text.js';

/**
 * `<real path relative to root>:<sha256 of the bytes>`, or `missing` when the file cannot be read
 * (a symbolic link that changes target changes the fingerprint too).
 */
export function dependencyFingerprint(absPath: string, root: string): string {
  try {
    return `${path.relative(root, realpathSync(absPath)).split(path.sep).join('/')}:${sha256(readFileSync(absPath))}`;
  } catch {
    return 'missing';
  }
}

/** A memoised dependencyFingerprint for one run (fragments are shared by thousands of contracts). */
export function fingerprintMemo(root: string): (absPath: string) => string {
  const memo = new Map<string, string>();
  return (absPath) => {
    let fp = memo.get(absPath);
    if (fp === undefined) {
      fp = dependencyFingerprint(absPath, root);
      memo.set(absPath, fp);
    }
    return fp;
  };
}

/** True when JSON.stringify + JSON.parse gives back an equal value (no NaN, Infinity or undefined). */
export function isJsonFaithful(value: unknown): boolean {
  if (!faithfulScalar(value)) return false;
  if (value === null || typeof value !== 'object') return true;
  const stack: object[] = [value];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child !== null && typeof child === 'object') stack.push(child);
        else if (!faithfulScalar(child)) return false;
      }
    } else {
      const proto: unknown = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in node) {
        const child: unknown = (node as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') stack.push(child);
        else if (!faithfulScalar(child)) return false;
      }
    }
  }
  return true;
}

function faithfulScalar(value: unknown): boolean {
  const type = typeof value;
  return type === 'string' || type === 'boolean' || value === null || type === 'object' || (type === 'number' && Number.isFinite(value as number));
}
