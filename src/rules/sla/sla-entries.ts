// The slaProperties of a contract, each with its path and (when known) its ODCS definition.
import type { JsonPath } from '../../finding.js';
import { slaProperty, type SlaPropertyDefinition } from '../../odcs/sla-properties.js';
import { isMapping, type Raw } from '../contract-schema.js';

export interface SlaEntry {
  entry: Raw;
  path: JsonPath;
  /** `property` as written ('' when missing). */
  name: string;
  definition?: SlaPropertyDefinition;
  unit?: string;
}

// One entry, as allProperties keeps (see there): nine rules ask in a row for the same contract's.
let listed: { contract: Raw; entries: readonly SlaEntry[] } | undefined;

export function slaEntries(contract: Raw): readonly SlaEntry[] {
  if (listed?.contract === contract) return listed.entries;
  const entries = listSlaEntries(contract);
  listed = { contract, entries };
  return entries;
}

function listSlaEntries(contract: Raw): SlaEntry[] {
  if (!Array.isArray(contract.slaProperties)) return [];
  const out: SlaEntry[] = [];
  contract.slaProperties.forEach((entry, i) => {
    if (!isMapping(entry)) return;
    const name = typeof entry.property === 'string' ? entry.property : '';
    const definition = name ? slaProperty(name) : undefined;
    out.push({
      entry,
      path: ['slaProperties', i],
      name,
      ...(definition ? { definition } : {}),
      ...(typeof entry.unit === 'string' ? { unit: entry.unit } : {}),
    });
  });
  return out;
}

/** A value as a message shows it: `4 d`, `"99.9%"`. */
export function describeSla(entry: Raw): string {
  return `${JSON.stringify(entry.value instanceof Date ? entry.value.toISOString() : entry.value)}${typeof entry.unit === 'string' ? ` ${entry.unit}` : ''}`;
}
