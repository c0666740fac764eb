// Pairs the elements of two lists (schema objects, properties, servers, SLA entries, quality rules):
// first by the stable ODCS `id`, then by name, and optionally the leftovers by identical
// definition (a probable rename). Position never matters, so reordering is no change.
import { deepEqual, without, type Node } from './nodes.js';

export interface MatchedPair {
  old: Node;
  new: Node;
  /** How the pair was found: same id, same name, or same definition under another name. */
  by: 'id' | 'name' | 'definition';
}

export interface MatchResult {
  pairs: MatchedPair[];
  removed: Node[];
  added: Node[];
}

export interface MatchOptions {
  /** Name used for the second pass (default: the `name` key). */
  nameOf?: (node: Node) => string | undefined;
  /** Pair leftovers whose definitions are equal apart from these keys (probable renames). */
  renameIgnoring?: readonly string[];
}

const EMPTY: MatchResult = { pairs: [], removed: [], added: [] };

function idOf(node: Node): string | undefined {
  const id = node.value.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function defaultName(node: Node): string | undefined {
  const name = node.value.name;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

export function matchNodes(oldNodes: readonly Node[], newNodes: readonly Node[], options: MatchOptions = {}): MatchResult {
  if (oldNodes.length === 0 && newNodes.length === 0) return EMPTY;
  const nameOf = options.nameOf ?? defaultName;
  const pairs: MatchedPair[] = [];
  const oldLeft = new Set(oldNodes);
  const newLeft = new Set(newNodes);

  // 1. Same stable id (the id survives renames).
  const newById = new Map<string, Node>();
  for (const n of newNodes) {
    const id = idOf(n);
    if (id !== undefined && !newById.has(id)) newById.set(id, n);
  }
  for (const o of oldNodes) {
    const id = idOf(o);
    const n = id !== undefined ? newById.get(id) : undefined;
    if (n && newLeft.has(n)) {
      pairs.push({ old: o, new: n, by: 'id' });
      oldLeft.delete(o);
      newLeft.delete(n);
    }
  }

  // 2. Same name, when neither side claims another id (an id that changed is a remove + add).
  const newByName = new Map<string, Node>();
  for (const n of newLeft) {
    const name = nameOf(n);
    if (name !== undefined && !newByName.has(name)) newByName.set(name, n);
  }
  for (const o of [...oldLeft]) {
    const name = nameOf(o);
    const n = name !== undefined ? newByName.get(name) : undefined;
    if (!n || !newLeft.has(n)) continue;
    const oi = idOf(o);
    const ni = idOf(n);
    if (oi !== undefined && ni !== undefined && oi !== ni) continue;
    pairs.push({ old: o, new: n, by: 'name' });
    oldLeft.delete(o);
    newLeft.delete(n);
  }

  // 3. Probable renames: a removed and an added element with the same definition apart from naming.
  if (options.renameIgnoring && oldLeft.size > 0 && newLeft.size > 0) {
    const ignoring = options.renameIgnoring;
    for (const o of [...oldLeft]) {
      const shape = without(o.value, ignoring);
      const candidates = [...newLeft].filter((n) => deepEqual(shape, without(n.value, ignoring)));
      if (candidates.length !== 1) continue; // ambiguous or none: stay remove + add
      const n = candidates[0];
      if (idOf(o) !== undefined && idOf(n) !== undefined) continue; // both have ids and they differ
      pairs.push({ old: o, new: n, by: 'definition' });
      oldLeft.delete(o);
      newLeft.delete(n);
    }
  }

  return { pairs, removed: [...oldLeft], added: [...newLeft] };
}
