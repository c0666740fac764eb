// What counts as personal data under a policy: a property tagged with one of `personalData.tags`,
// or classified with one of `personalData.classifications`.
import type { EffectivePolicy } from '../../policy/policy.js';
import { allProperties, tagsOf, type PropertySite, type Raw } from '../contract-schema.js';

export function isPersonalData(property: Raw, policy: EffectivePolicy): boolean {
  const { tags, classifications } = policy.personalData;
  if (tags.length > 0 && tagsOf(property).some((t) => tags.includes(t))) return true;
  return typeof property.classification === 'string' && classifications.includes(property.classification);
}

export function personalDataProperties(contract: Raw, policy: EffectivePolicy): PropertySite[] {
  if (policy.personalData.tags.length === 0 && policy.personalData.classifications.length === 0) return [];
  return allProperties(contract).filter((site) => isPersonalData(site.property, policy));
}
