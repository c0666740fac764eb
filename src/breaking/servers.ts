// Servers of two contract versions, paired by id, then by `server` name.
import { matchNodes, type MatchResult } from './match.js';
import { deepEqual, elements, str, type Node, type Obj } from './nodes.js';

export function serverLabel(value: Obj, index: number): string {
  return str(value.server) ?? str(value.id) ?? String(index);
}

/** Keys that do not say where or how the data is: changing them moves nothing. */
export const SERVER_DOC_KEYS = ['id', 'server', 'description', 'environment', 'roles', 'customProperties'];
/** Keys that say how the data is encoded. */
export const SERVER_FORMAT_KEYS = ['format', 'delimiter'];

const cache = new WeakMap<Obj, WeakMap<Obj, MatchResult>>();
export function serverPairs(oldRoot: Node, newRoot: Node): MatchResult {
  let inner = cache.get(oldRoot.value);
  if (!inner) cache.set(oldRoot.value, (inner = new WeakMap()));
  let result = inner.get(newRoot.value);
  if (!result) {
    result = matchNodes(elements(oldRoot, 'servers', serverLabel), elements(newRoot, 'servers', serverLabel), { nameOf: (n) => str(n.value.server) });
    inner.set(newRoot.value, result);
  }
  return result;
}

/** Keys whose values differ, among those selected by `keep`. */
export function changedKeys(a: Obj, b: Obj, keep: (key: string) => boolean): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => keep(k) && !deepEqual(a[k], b[k])).sort();
}
