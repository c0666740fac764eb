// Small pieces several rules share: naming elements in messages, reading logicalTypeOptions bounds,
// and the factory for "a bound moved" rules (maxLength, maximum, minItems, …).
import { at, isObj, mapping, show, type Node, type Obj } from './nodes.js';
import type { ElementContext, ElementRule, ReportChange, RuleDocs } from './rule.js';

export function what(ctx: Pick<ElementContext, 'kind'>): string {
  return ctx.kind === 'object' ? 'schema object' : ctx.kind === 'items' ? 'array items of' : 'property';
}

/** Quoted element path for messages. */
export function q(path: string): string {
  return `\`${path || '(contract)'}\``;
}

/** Both sides of a pair when their paths differ: `old` → `new`. */
export function both(oldPath: string, newPath: string): string {
  return oldPath === newPath ? q(newPath) : `${q(oldPath)} (now ${q(newPath)})`;
}

export function optionsNode(el: Node): Node<unknown> {
  return at(el, 'logicalTypeOptions');
}

type Bound = { value: number | string; exclusive: boolean };

function comparable(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') {
    if (/^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

/** The upper (or lower) bound of an element from `maximum`/`exclusiveMaximum` (or min). */
export function boundOf(options: Obj, inclusiveKey: string, exclusiveKey?: string): Bound | undefined {
  const inc = options[inclusiveKey];
  const exc = exclusiveKey ? options[exclusiveKey] : undefined;
  if (exc !== undefined && exc !== null && typeof exc !== 'boolean') return { value: exc as number, exclusive: true };
  if (inc !== undefined && inc !== null) return { value: inc as number, exclusive: false };
  return undefined;
}

/**
 * -1: `b` admits fewer values than `a` on this side, 0: same, 1: more. `upper` tells which side.
 * A missing bound is unbounded.
 */
export function compareBounds(a: Bound | undefined, b: Bound | undefined, upper: boolean): -1 | 0 | 1 | undefined {
  if (!a && !b) return 0;
  if (!a) return -1;
  if (!b) return 1;
  const x = comparable(a.value);
  const y = comparable(b.value);
  if (x === undefined || y === undefined) return a.value === b.value && a.exclusive === b.exclusive ? 0 : undefined;
  if (x === y) return a.exclusive === b.exclusive ? 0 : a.exclusive ? -1 : 1;
  return (upper ? y > x : y < x) ? 1 : -1;
}

export function describeBound(b: Bound | undefined, upper: boolean): string {
  if (!b) return 'unbounded';
  return `${upper ? (b.exclusive ? '<' : '≤') : b.exclusive ? '>' : '≥'} ${show(b.value)}`;
}

export interface BoundRuleSpec {
  id: string;
  summary: string;
  /** logicalTypeOptions keys: inclusive and (optionally) exclusive spelling. */
  keys: [string, string?];
  upper: boolean;
  /** What a consumer sees when it grows, for the message. */
  consequence: string;
  docs: RuleDocs;
}

/** A rule reporting that a bound of logicalTypeOptions admits more values than before. */
export function relaxedBoundRule(spec: BoundRuleSpec): ElementRule {
  return {
    id: spec.id,
    severity: 'breaking',
    scope: 'element',
    summary: spec.summary,
    widensValues: true,
    docs: spec.docs,
    check(ctx, report) {
      const o = boundOf(mapping(ctx.old, 'logicalTypeOptions'), spec.keys[0], spec.keys[1]);
      const n = boundOf(mapping(ctx.new, 'logicalTypeOptions'), spec.keys[0], spec.keys[1]);
      if (compareBounds(o, n, spec.upper) !== 1) return;
      const key = n && n.exclusive && spec.keys[1] ? spec.keys[1] : spec.keys[0];
      report(
        { old: at(optionsNode(ctx.old), spec.keys[0]), new: at(optionsNode(ctx.new), key) },
        `${spec.keys[0]} of ${both(ctx.old.path, ctx.new.path)} was relaxed from ${describeBound(o, spec.upper)} to ${describeBound(n, spec.upper)}: ${spec.consequence}`,
      );
    },
  };
}

/** Every bound kind the relaxed-bound rules look at, for the "tightened" rule. */
export const BOUNDS: { keys: [string, string?]; upper: boolean }[] = [
  { keys: ['maxLength'], upper: true },
  { keys: ['minLength'], upper: false },
  { keys: ['maximum', 'exclusiveMaximum'], upper: true },
  { keys: ['minimum', 'exclusiveMinimum'], upper: false },
  { keys: ['maxItems'], upper: true },
  { keys: ['minItems'], upper: false },
  { keys: ['maxProperties'], upper: true },
  { keys: ['minProperties'], upper: false },
];

export function isTrue(v: unknown): boolean {
  return v === true || v === 'true';
}

export function logicalTypeOf(el: Node): string | undefined {
  const t = el.value.logicalType;
  if (typeof t === 'string') return t;
  // Schema objects are objects; elements with properties are objects too.
  if (Array.isArray(el.value.properties)) return 'object';
  return undefined;
}

export function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

export type { ReportChange };
export { isObj };
