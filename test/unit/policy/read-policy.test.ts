// Reading the policy vocabulary: every malformed entry is reported where it is, with a suggestion.
import { describe, expect, it } from 'vitest';
import { readPolicyBlock } from '../../../src/policy/read-policy.js';

const read = (raw: Record<string, unknown>) => readPolicyBlock(raw, [], { knownRuleIds: ['naming/property-name', 'sla/tier-floor'], source: 'mesh.yaml' });
const messages = (raw: Record<string, unknown>) => read(raw).problems.map((p) => `${p.path.join('.')}: ${p.message}`);

describe('reading a policy block', () => {
  it('reads the documented vocabulary without problems', () => {
    const { block, problems } = read({
      classification: { levels: ['public', 'internal'], default: 'internal' },
      personalData: { tags: ['pii'], requiredTags: ['pii'], classifications: ['restricted'], minimumClassification: 'internal', maxRetention: 'P3Y' },
      requiredFields: ['description'],
      tiers: { 1: { description: 'critical', requiredSla: ['ly', 'availability'], floors: { av: 99.5 }, ceilings: { latency: '1h' } } },
      naming: { contractName: '^[a-z]+$', schemaObject: '^[a-z]+$', property: '^[a-z_]+$', team: '^@acme/' },
      rules: { 'naming/property-name': 'error', 'breaking/property-removed': 'dangerous' },
    });
    expect(problems).toEqual([]);
    expect(block.personalData?.maxRetention?.seconds).toBe(3 * 365 * 86400);
    expect(block.tiers?.get('1')?.requiredSla).toEqual(['latency', 'availability']);
    expect([...(block.tiers?.get('1')?.floors?.keys() ?? [])]).toEqual(['availability', 'latency']);
    expect(block.naming?.object?.regex.source).toBe('^[a-z]+$');
    expect(block.rules?.get('naming/property-name')).toBe('error');
  });

  it('reports unknown keys with the likely intended one', () => {
    expect(messages({ personalDta: {} })).toEqual(['personalDta: unknown policy key "personalDta" (did you mean "personalData"?)']);
  });

  it('reports unknown SLA properties, unusable floors and bad durations', () => {
    expect(messages({ tiers: { 1: { requiredSla: ['latncy'], floors: { availability: 'high', generalAvailability: '2026-01-01' } } }, personalData: { maxRetention: 'forever' } })).toEqual([
      'personalData.maxRetention: maxRetention "forever" is not a duration',
      'tiers.1.requiredSla.0: "latncy" is not an SLA property (did you mean "latency"?)',
      'tiers.1.floors.availability: bound "high" for availability cannot be evaluated',
      'tiers.1.floors.generalAvailability: generalAvailability has no better or worse values, so it cannot have a bound',
    ]);
  });

  it('reports a ceiling on a property that is better when higher', () => {
    expect(messages({ tiers: { 1: { ceilings: { availability: 99 } } } })).toEqual(['tiers.1.ceilings.availability: availability is better when higher, so its bound is a floor, not a ceiling']);
  });

  it('reports an invalid regular expression', () => {
    expect(messages({ naming: { property: '^[a-z' } })[0]).toMatch(/^naming\.property: naming\.property is not a valid regular expression/);
  });

  it('reports unknown lint rule ids and levels, but leaves other engines\' rule ids alone', () => {
    expect(messages({ rules: { 'naming/property-case': 'warning', 'sla/tier-floor': 'fatal', 'breaking/type-changed': 'breaking' } })).toEqual([
      'rules.naming/property-case: unknown rule id "naming/property-case" (did you mean "naming/property-name"?)',
      'rules.sla/tier-floor: level of sla/tier-floor must be one of off, info, warning, error, got "fatal"',
    ]);
  });
});
