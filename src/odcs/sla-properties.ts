// The SLA properties ODCS knows (its "periodic table"), their 2-letter synonyms, what kind of
// value each takes and which direction is better. Lint, breaking-change rules and SLO evaluation
// all read this one table.
import { toNumber, toPercent, toSeconds } from './units.js';

export type SlaValueKind = 'duration' | 'percent' | 'number' | 'date' | 'time' | 'text';

/** `lower`: a smaller value is a stronger promise (latency); `higher`: a larger one (availability). */
export type SlaDirection = 'lower' | 'higher' | 'none';

export interface SlaPropertyDefinition {
  name: string;
  synonyms: string[];
  kind: SlaValueKind;
  better: SlaDirection;
  summary: string;
}

export const SLA_PROPERTIES: readonly SlaPropertyDefinition[] = [
  { name: 'latency', synonyms: ['ly', 'freshness'], kind: 'duration', better: 'lower', summary: 'maximum delay between the event and the data being available' },
  { name: 'availability', synonyms: ['av', 'uptime'], kind: 'percent', better: 'higher', summary: 'share of time the data can be read' },
  { name: 'retention', synonyms: ['re', 'rt'], kind: 'duration', better: 'higher', summary: 'how long data is kept' },
  { name: 'frequency', synonyms: ['fy'], kind: 'duration', better: 'lower', summary: 'time between two updates' },
  { name: 'throughput', synonyms: ['th'], kind: 'number', better: 'higher', summary: 'records or bytes per unit of time' },
  { name: 'errorRate', synonyms: ['er'], kind: 'percent', better: 'lower', summary: 'maximum share of erroneous records' },
  { name: 'generalAvailability', synonyms: ['ga'], kind: 'date', better: 'none', summary: 'date the product became generally available' },
  { name: 'endOfSupport', synonyms: ['es'], kind: 'date', better: 'higher', summary: 'date support ends' },
  { name: 'endOfLife', synonyms: ['el'], kind: 'date', better: 'higher', summary: 'date the data stops being served' },
  { name: 'timeOfAvailability', synonyms: ['ta'], kind: 'time', better: 'none', summary: 'time of day the data is available' },
  { name: 'timeToDetect', synonyms: ['td'], kind: 'duration', better: 'lower', summary: 'time to detect an incident' },
  { name: 'timeToNotify', synonyms: ['tn'], kind: 'duration', better: 'lower', summary: 'time to notify consumers of an incident' },
  { name: 'timeToRepair', synonyms: ['tr'], kind: 'duration', better: 'lower', summary: 'time to repair an incident' },
];

const BY_NAME = new Map<string, SlaPropertyDefinition>();
for (const def of SLA_PROPERTIES) {
  for (const key of [def.name, ...def.synonyms]) BY_NAME.set(key.toLowerCase(), def);
}

/** Definition for a property name or synonym (`ly` → latency), case-insensitive. */
export function slaProperty(name: string): SlaPropertyDefinition | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** Canonical property name (`ly` → `latency`), or the input when unknown. */
export function canonicalSlaName(name: string): string {
  return slaProperty(name)?.name ?? name;
}

export function knownSlaNames(): string[] {
  return SLA_PROPERTIES.flatMap((d) => [d.name, ...d.synonyms]);
}

/**
 * A comparable number for an SLA value: seconds for durations, percent for percentages, the
 * number itself for counts, epoch ms for dates. Undefined when the value cannot be evaluated.
 */
export function normaliseSlaValue(def: SlaPropertyDefinition, value: unknown, unit?: string): number | undefined {
  switch (def.kind) {
    case 'duration':
      return toSeconds(value, unit);
    case 'percent':
      return toPercent(value, unit);
    case 'number':
      return toNumber(value);
    case 'date': {
      if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
      const t = new Date(value as string).getTime();
      return Number.isNaN(t) ? undefined : t;
    }
    default:
      return undefined;
  }
}
