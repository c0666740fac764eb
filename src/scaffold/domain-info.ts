// What scaffolding and import take from a domain.yaml: the owning team, support channels and tier.
// Read tolerantly: `team` may be a string (`@acme/sales-data`) or a mapping with `name`/`id`.
import { isRecord } from '../import/odcs-shapes.js';

export interface DomainInfo {
  name: string;
  /** CODEOWNERS owner of the domain, e.g. `@acme/sales-data`. */
  team?: string;
  /** ODCS support items (channel required). */
  support: Record<string, unknown>[];
  tier?: string | number;
  description?: string;
}

export function readDomainInfo(name: string, data: Record<string, unknown> | undefined): DomainInfo {
  const info: DomainInfo = { name, support: [] };
  if (!data) return info;
  const team = data.team ?? data.owner;
  if (typeof team === 'string') info.team = team;
  else if (isRecord(team)) {
    const t = team.name ?? team.id ?? team.github;
    if (typeof t === 'string') info.team = t;
  } else if (Array.isArray(data.owners) && typeof data.owners[0] === 'string') info.team = data.owners[0];
  if (Array.isArray(data.support)) info.support = data.support.filter((s): s is Record<string, unknown> => isRecord(s) && typeof s.channel === 'string').map((s) => ({ ...s }));
  const tier = data.tier ?? (isRecord(data.defaults) ? data.defaults.tier : undefined);
  if (typeof tier === 'string' || typeof tier === 'number') info.tier = tier;
  if (typeof data.description === 'string') info.description = data.description;
  return info;
}

/** Fills a contract's team and support from the domain when the contract does not say them. */
export function withDomainOwnership<T extends Record<string, unknown>>(contract: T, domain: DomainInfo): T {
  const out: Record<string, unknown> = { ...contract };
  if (out.team === undefined && domain.team) out.team = { name: domain.team };
  if (out.support === undefined && domain.support.length > 0) out.support = domain.support.map((s) => ({ ...s }));
  return out as T;
}
