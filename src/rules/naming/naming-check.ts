// Shared by the naming rules: which patterns a name misses.
import type { NamingPattern } from '../../policy/policy.js';

export function missedPatterns(name: string, patterns: readonly NamingPattern[]): NamingPattern[] {
  return patterns.filter((p) => !p.regex.test(name));
}

export function describeMiss(kind: string, name: string, missed: readonly NamingPattern[]): string {
  return `${kind} "${name}" does not match ${missed.map((p) => `/${p.regex.source}/ (${p.source.replace(/ naming\..*$/, '')})`).join(' and ')}`;
}
