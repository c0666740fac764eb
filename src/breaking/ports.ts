// Output ports of ODPS data products: how they are named in paths and paired between two versions.
import type { MatchResult, MatchedPair } from './match.js';
import { elements, isObj, str, type Node, type Obj } from './nodes.js';

/** An output port's label in paths: `name@version` (ODPS: name and version together are the key), else `name`. */
export function portLabel(value: Obj, index: number): string {
  const name = str(value.name) ?? String(index);
  const version = str(value.version);
  return version ? `${name}@${version}` : name;
}

export function outputPorts(product: Node | undefined): Node[] {
  return elements(product, 'outputPorts', portLabel);
}

/**
 * Output ports of two versions of a product, paired: first by name and version (the ODPS key), then
 * the ports left over by name alone when each side has exactly one of that name (its version changed).
 * Anything else is removed or added: dropping `orders@1.0.0` while `orders@2.0.0` stays is a removal.
 */
export function pairPorts(oldPorts: readonly Node[], newPorts: readonly Node[]): MatchResult {
  const pairs: MatchedPair[] = [];
  const oldLeft = [...oldPorts];
  const newLeft = [...newPorts];
  const take = (key: (n: Node) => string | undefined, unique: boolean) => {
    for (const o of [...oldLeft]) {
      const k = key(o);
      if (k === undefined) continue;
      const candidates = newLeft.filter((n) => key(n) === k);
      if (candidates.length === 0 || (unique && (candidates.length > 1 || oldLeft.filter((x) => key(x) === k).length > 1))) continue;
      const n = candidates[0];
      pairs.push({ old: o, new: n, by: 'name' });
      oldLeft.splice(oldLeft.indexOf(o), 1);
      newLeft.splice(newLeft.indexOf(n), 1);
    }
  };
  take((n) => (str(n.value.name) === undefined ? undefined : `${str(n.value.name)}\0${str(n.value.version) ?? ''}`), false);
  take((n) => str(n.value.name), true);
  return { pairs, removed: oldLeft, added: newLeft };
}

/** Contract ids published by a product's output ports. */
export function publishedContracts(product: Obj | undefined): string[] {
  const ports = Array.isArray(product?.outputPorts) ? product.outputPorts : [];
  return [...new Set(ports.flatMap((p) => (isObj(p) ? [str(p.contractId)] : [])).filter((id): id is string => !!id))];
}


/** Consumers as a message names them: `marketing-customer-360 (marketing), …`. */
export function consumerNames(consumers: readonly { product: string; domain?: string }[]): string {
  return [...new Set(consumers.map((c) => `${c.product}${c.domain ? ` (${c.domain})` : ''}`))].join(', ');
}

/** Keys of an output port that other rules report (identity, what it publishes and in which form). */
export const PORT_KEYS_WITH_RULES = ['name', 'contractId', 'type', 'version'];
