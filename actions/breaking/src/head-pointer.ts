// Where to annotate a change that only exists in the base (a removed property, SLA, server…): the
// head file is what reviewers see in "Files changed", so the old pointer is translated into the
// head document, element by element (array elements matched by id, then name), down to the
// deepest ancestor that still exists — e.g. the `properties:` list a property was removed from.
import type { JsonPath } from '../../../src/finding.js';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const LABELS = ['id', 'name', 'property', 'server', 'rule'] as const;

/** Same list element on both sides: equal scalars, or objects with the same id (else name, …). */
function sameElement(a: unknown, b: unknown): boolean {
  if (!isObj(a) || !isObj(b)) return a === b;
  for (const key of LABELS) {
    if (a[key] === undefined && b[key] === undefined) continue;
    // ODPS output ports are keyed by name and version together: `orders@1.0.0` is not `orders@2.0.0`.
    if (key === 'name' && (a.version !== undefined || b.version !== undefined)) return a.name === b.name && a.version === b.version;
    return a[key] === b[key];
  }
  return false;
}

/** The pointer into `head` of the deepest ancestor of `pointer` (a path into `base`) present in both. */
export function headPointer(base: unknown, head: unknown, pointer: JsonPath): JsonPath {
  const out: (string | number)[] = [];
  let o = base;
  let n = head;
  for (const segment of pointer) {
    if (typeof segment === 'number') {
      if (!Array.isArray(o) || !Array.isArray(n)) break;
      const element: unknown = o[segment];
      const index = n.findIndex((candidate) => sameElement(element, candidate));
      if (index < 0) break;
      out.push(index);
      o = element;
      n = n[index];
    } else {
      if (!isObj(o) || !isObj(n) || !(segment in n)) break;
      out.push(segment);
      o = o[segment];
      n = n[segment];
    }
  }
  return out;
}
