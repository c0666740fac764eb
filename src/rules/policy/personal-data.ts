// What counts as personal data under a policy: a property tagged with one of `personalData.tags`,
// or classified with one of `personalData.classifications`.
import type { EffectivePolicy } from '../../policy/policy.js';
import { allProperties, type PropertySite, type Raw } from '../contract-schema.js';

export function isPersonalData(property: Raw, policy: EffectivePolicy): boolean {
  const { tags, classifications } = policy.personalData;
  if (tags.length > 0 && Array.isArray(property.tags) && property.tags.some((t) => typeof t === 'string' && tags.includes(t))) return true;
  return typeof property.classification === 'string' && classifications.includes(property.classification);
}

// One entry, as allProperties keeps (see there): three rules ask in a row for the same contract's.
let found: { contract: Raw; policy: EffectivePolicy; sites: readonly PropertySite[] } | undefined;

export function personalDataProperties(contract: Raw, policy: EffectivePolicy): readonly PropertySite[] {
  if (policy.personalData.tags.length === 0 && policy.personalData.classifications.length === 0) return [];
  if (found?.contract === contract && found.policy === policy) return found.sites;
  const sites = allProperties(contract).filter((site) => isPersonalData(site.property, policy));
  found = { contract, policy, sites };
  return sites;
}
