// Shared by the three logicalType rules: which kind of change happened at an element.
import { at, type Node } from './nodes.js';
import { logicalTypeOf } from './rule-helpers.js';
import { compareLogicalTypes, comparePhysicalTypes, type TypeChange } from './type-widening.js';

export function logicalChange(oldEl: Node, newEl: Node): { change: TypeChange; from: string; to: string } | undefined {
  const from = logicalTypeOf(oldEl);
  const to = logicalTypeOf(newEl);
  // Declaring a type where there was none only tightens (constraint-tightened reports it).
  if (from === undefined) return undefined;
  if (to === undefined) return { change: 'changed', from, to: '(none)' };
  const change = compareLogicalTypes(from, to);
  return change === 'same' ? undefined : { change, from, to };
}

export function physicalChange(oldEl: Node, newEl: Node): { change: TypeChange; from: string; to: string } | undefined {
  const from = oldEl.value.physicalType;
  const to = newEl.value.physicalType;
  if (typeof from !== 'string' || typeof to !== 'string') return undefined; // added or dropped physical types: metadata
  if (from === to) return undefined;
  const change = comparePhysicalTypes(from, to);
  return change === 'same' ? undefined : { change, from, to };
}

export { at };
