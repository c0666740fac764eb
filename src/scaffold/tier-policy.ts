// Which SLA properties a contract of a given tier must declare: mesh.yaml `tiers.<n>.requiredSla`
// plus whatever the domain's `policy.tiers.<n>.requiredSla` adds, with the bounds that apply.
import { isRecord } from '../import/odcs-shapes.js';

export interface TierRequirement {
  tier: string;
  requiredSla: string[];
  /** Weakest allowed value per property, as written in the policy (floors and ceilings). */
  bounds: Record<string, { kind: 'floor' | 'ceiling'; value: string | number }>;
}

export function tierOf(domain: Record<string, unknown> | undefined, mesh: Record<string, unknown> | undefined): string {
  const t = domain?.tier ?? mesh?.defaultTier;
  return t === undefined ? '3' : String(t);
}

export function tierRequirement(tier: string, mesh: Record<string, unknown> | undefined, domain: Record<string, unknown> | undefined): TierRequirement {
  const out: TierRequirement = { tier, requiredSla: [], bounds: {} };
  const local = isRecord(domain?.policy) ? domain.policy : undefined;
  for (const source of [mesh, local]) {
    const tiers = isRecord(source?.tiers) ? source.tiers : undefined;
    const entry = tiers && isRecord(tiers[tier]) ? tiers[tier] : undefined;
    if (!entry) continue;
    for (const p of Array.isArray(entry.requiredSla) ? entry.requiredSla : []) if (typeof p === 'string' && !out.requiredSla.includes(p)) out.requiredSla.push(p);
    for (const kind of ['floors', 'ceilings'] as const) {
      const bounds = isRecord(entry[kind]) ? entry[kind] : {};
      for (const [prop, value] of Object.entries(bounds)) if (typeof value === 'string' || typeof value === 'number') out.bounds[prop] = { kind: kind === 'floors' ? 'floor' : 'ceiling', value };
    }
  }
  return out;
}
