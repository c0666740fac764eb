// SLA properties of two contract versions, paired by id, then by canonical property (+ element),
// and compared after unit normalisation (24h = 1d = P1D).
import { canonicalSlaName, normaliseSlaValue, slaProperty, type SlaPropertyDefinition } from '../odcs/sla-properties.js';
import { formatSeconds } from '../odcs/units.js';
import { matchNodes, type MatchResult } from './match.js';
import { elements, str, type Node, type Obj } from './nodes.js';

function slaKey(value: Obj): string {
  const name = canonicalSlaName(str(value.property) ?? '?');
  const element = str(value.element);
  return element ? `${name}@${element}` : name;
}

export function slaLabel(value: Obj): string {
  return slaKey(value);
}

const cache = new WeakMap<Obj, WeakMap<Obj, MatchResult>>();

export function slaPairs(oldRoot: Node, newRoot: Node): MatchResult {
  let inner = cache.get(oldRoot.value);
  if (!inner) cache.set(oldRoot.value, (inner = new WeakMap()));
  let result = inner.get(newRoot.value);
  if (!result) {
    const o = elements(oldRoot, 'slaProperties', slaLabel);
    const n = elements(newRoot, 'slaProperties', slaLabel);
    // Pair by id, then by property+element, then by property alone (the element was edited).
    const first = matchNodes(o, n, { nameOf: (x) => slaKey(x.value) });
    const second = matchNodes(first.removed, first.added, { nameOf: (x) => canonicalSlaName(str(x.value.property) ?? '?') });
    result = { pairs: [...first.pairs, ...second.pairs], removed: second.removed, added: second.added };
    inner.set(newRoot.value, result);
  }
  return result;
}

export type SlaComparison =
  | { kind: 'same' }
  | { kind: 'weakened' | 'strengthened'; def: SlaPropertyDefinition; from: string; to: string }
  | { kind: 'changed'; from: string; to: string };

function shown(def: SlaPropertyDefinition | undefined, value: unknown, unit: unknown, normalised: number | undefined): string {
  if (def?.kind === 'duration' && normalised !== undefined) return formatSeconds(normalised);
  if (def?.kind === 'percent' && normalised !== undefined) return `${normalised}%`;
  return `${String(value)}${typeof unit === 'string' && unit !== '' ? ` ${unit}` : ''}`;
}

export function compareSla(oldValue: Obj, newValue: Obj): SlaComparison {
  const def = slaProperty(str(newValue.property) ?? str(oldValue.property) ?? '');
  const ou = str(oldValue.unit);
  const nu = str(newValue.unit);
  const on = def ? normaliseSlaValue(def, oldValue.value, ou) : undefined;
  const nn = def ? normaliseSlaValue(def, newValue.value, nu) : undefined;
  const from = shown(def, oldValue.value, ou, on);
  const to = shown(def, newValue.value, nu, nn);
  if (def && on !== undefined && nn !== undefined) {
    if (on === nn) return { kind: 'same' };
    if (def.better === 'none') return { kind: 'changed', from, to };
    const better = def.better === 'lower' ? nn < on : nn > on;
    return { kind: better ? 'strengthened' : 'weakened', def, from, to };
  }
  if (oldValue.value === newValue.value && ou === nu) return { kind: 'same' };
  return { kind: 'changed', from, to };
}
