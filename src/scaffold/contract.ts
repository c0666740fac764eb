// `mesh new contract`: an ODCS v3.1.0 skeleton that conforms to the standard at once. Team and
// support come from the domain; the tier's required SLA properties are present with a `TODO`
// value, which lint reports until the owner writes the real promise.
import { ODCS_API_VERSION } from '../import/contract-base.js';
import type { OdcsContract, OdcsObject } from '../import/odcs-shapes.js';
import { withDomainOwnership, type DomainInfo } from './domain-info.js';
import type { TierRequirement } from './tier-policy.js';

/** The value every placeholder carries: lint flags it, `grep TODO` finds it. */
export const PLACEHOLDER = 'TODO';

const SLA_UNITS: Record<string, string> = { latency: 'h', freshness: 'h', availability: '%', retention: 'y', frequency: 'd', errorRate: '%', timeToDetect: 'h', timeToNotify: 'h', timeToRepair: 'h', throughput: 'rows/s' };

export interface ContractSkeletonInput {
  id: string;
  /** Contract name (also the first schema object's name unless `object` says otherwise). */
  name: string;
  domain: DomainInfo;
  tier: TierRequirement;
  /** Schema objects to start from (e.g. from --from); default one object with an `id` property. */
  schema?: OdcsObject[];
}

export function contractSkeleton(input: ContractSkeletonInput): OdcsContract {
  const { domain, tier } = input;
  const schema: OdcsObject[] = input.schema ?? [
    {
      name: input.name,
      physicalType: 'table',
      description: `${PLACEHOLDER}: what one row of ${input.name} is.`,
      properties: [{ name: 'id', logicalType: 'string', required: true, primaryKey: true, primaryKeyPosition: 1, description: `${PLACEHOLDER}: the key of one ${input.name} row.` }],
    },
  ];
  const base: OdcsContract = {
    apiVersion: ODCS_API_VERSION,
    kind: 'DataContract',
    id: input.id,
    name: input.name,
    version: '0.1.0',
    status: 'draft',
    domain: domain.name,
    description: {
      purpose: `${PLACEHOLDER}: why ${input.name} exists and what a consumer can rely on.`,
      usage: `${PLACEHOLDER}: how consumers should use it (keys to join on, filters).`,
    },
    schema,
  };
  const contract = withDomainOwnership(base, domain);
  contract.slaProperties = tier.requiredSla.map((property) => {
    const bound = tier.bounds[property];
    const hint = bound ? ` (tier ${tier.tier} ${bound.kind === 'floor' ? 'floor' : 'ceiling'}: ${bound.value})` : '';
    return { property, value: PLACEHOLDER, ...(SLA_UNITS[property] ? { unit: SLA_UNITS[property] } : {}), description: `${PLACEHOLDER}: the ${property} you promise${hint}.` };
  });
  contract.customProperties = [{ property: 'tier', value: Number.isNaN(Number(tier.tier)) ? tier.tier : Number(tier.tier) }];
  return contract;
}
