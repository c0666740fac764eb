// Federated governance: a domain.yaml policy block may add and tighten, never loosen mesh.yaml.
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/finding.js';
import { emptyPolicy, type EffectivePolicy } from '../../../src/policy/policy.js';
import { readPolicyBlock } from '../../../src/policy/read-policy.js';
import { applyPolicyBlock } from '../../../src/policy/tighten.js';

const DEFAULTS: Record<string, Severity> = { 'schema/primary-key-required': 'error', 'naming/property-name': 'warning' };
const knownRuleIds = Object.keys(DEFAULTS);
const defaultSeverity = (id: string) => DEFAULTS[id];

const GLOBAL = {
  classification: { levels: ['public', 'internal', 'confidential', 'restricted'], default: 'internal' },
  personalData: { tags: ['pii'], requiredTags: ['pii'], minimumClassification: 'confidential', maxRetention: 'P3Y' },
  requiredFields: ['description', 'team'],
  tiers: { '1': { requiredSla: ['latency'], floors: { availability: 99.5, latency: 'PT1H' } } },
  naming: { property: '^[a-z_]+$' },
  rules: { 'naming/property-name': 'warning' },
};

function global(): EffectivePolicy {
  const { block, problems } = readPolicyBlock(GLOBAL, [], { knownRuleIds, source: 'mesh.yaml' });
  expect(problems).toEqual([]);
  return applyPolicyBlock(emptyPolicy(), block, 'global', defaultSeverity).policy;
}

function domain(raw: Record<string, unknown>) {
  const read = readPolicyBlock(raw, ['policy'], { knownRuleIds, source: 'sales/domain.yaml' });
  const applied = applyPolicyBlock(global(), read.block, 'domain', defaultSeverity);
  return { policy: applied.policy, problems: [...read.problems, ...applied.problems] };
}

describe('tightening a global policy from domain.yaml', () => {
  it('accepts a higher minimum classification and a shorter retention cap', () => {
    const { policy, problems } = domain({ personalData: { minimumClassification: 'restricted', maxRetention: 'P1Y' } });
    expect(problems).toEqual([]);
    expect(policy.personalData.minimumClassification).toBe('restricted');
    expect(policy.personalData.maxRetention?.text).toBe('P1Y');
  });

  it('rejects a lower minimum classification and keeps the global one', () => {
    const { policy, problems } = domain({ personalData: { minimumClassification: 'internal' } });
    expect(problems).toEqual([expect.objectContaining({ kind: 'loosening', path: ['policy', 'personalData', 'minimumClassification'] })]);
    expect(problems[0].message).toContain('lower than the global "confidential"');
    expect(policy.personalData.minimumClassification).toBe('confidential');
  });

  it('rejects a longer retention cap, whatever unit it is written in', () => {
    const { policy, problems } = domain({ personalData: { maxRetention: '48 months' } });
    expect(problems.map((p) => p.kind)).toEqual(['loosening']);
    expect(policy.personalData.maxRetention?.text).toBe('P3Y');
  });

  it('compares floors in the direction of the SLA property', () => {
    const stronger = domain({ tiers: { '1': { floors: { availability: 99.9, latency: '30m' } } } });
    expect(stronger.problems).toEqual([]);
    expect(stronger.policy.tiers.get('1')?.floors.get('availability')?.value).toBe(99.9);
    expect(stronger.policy.tiers.get('1')?.floors.get('latency')?.value).toBe(1800);

    const weaker = domain({ tiers: { '1': { floors: { availability: 99, latency: 'P1D' } } } });
    expect(weaker.problems.map((p) => [p.kind, p.path.join('.')])).toEqual([
      ['loosening', 'policy.tiers.1.floors.availability'],
      ['loosening', 'policy.tiers.1.floors.latency'],
    ]);
    expect(weaker.policy.tiers.get('1')?.floors.get('availability')?.value).toBe(99.5);
  });

  it('adds to lists instead of replacing them', () => {
    const { policy, problems } = domain({ requiredFields: ['servers'], personalData: { requiredTags: ['gdpr'] }, tiers: { '1': { requiredSla: ['retention'] } } });
    expect(problems).toEqual([]);
    expect(policy.requiredFields).toEqual(['description', 'team', 'servers']);
    expect(policy.personalData.requiredTags).toEqual(['pii', 'gdpr']);
    expect(policy.tiers.get('1')?.requiredSla).toEqual(['latency', 'retention']);
  });

  it('adds naming patterns: both the global and the domain pattern must match', () => {
    const { policy } = domain({ naming: { property: '^[a-z]{2,}' } });
    expect(policy.naming.property.map((p) => p.regex.source)).toEqual(['^[a-z_]+$', '^[a-z]{2,}']);
  });

  it('lets a domain raise a rule level but not lower it below the global level or default', () => {
    expect(domain({ rules: { 'naming/property-name': 'error' } }).policy.rules.get('naming/property-name')).toBe('error');
    const off = domain({ rules: { 'schema/primary-key-required': 'off', 'naming/property-name': 'info' } });
    expect(off.problems.map((p) => p.path.join('.'))).toEqual(['policy.rules.schema/primary-key-required', 'policy.rules.naming/property-name']);
    expect(off.policy.rules.get('schema/primary-key-required')).toBeUndefined();
    expect(off.policy.rules.get('naming/property-name')).toBe('warning');
  });

  it('does not let a domain redefine the classification taxonomy', () => {
    const { policy, problems } = domain({ classification: { levels: ['public', 'secret'] } });
    expect(problems.map((p) => p.kind)).toEqual(['loosening']);
    expect(policy.classification.levels).toEqual(GLOBAL.classification.levels);
  });

  it('reports a classification outside the taxonomy as invalid, not as a tightening', () => {
    const { policy, problems } = domain({ personalData: { minimumClassification: 'secret' } });
    expect(problems).toEqual([expect.objectContaining({ kind: 'invalid', path: ['policy', 'personalData', 'minimumClassification'] })]);
    expect(policy.personalData.minimumClassification).toBe('confidential');
  });
});
