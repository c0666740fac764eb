// Version verdicts, type widening tables, waivers and severity settings, as users meet them.
import { describe, expect, it } from 'vitest';
import { diffContracts } from '../../../src/breaking/diff-contracts.js';
import { exampleContract } from '../../../src/breaking/examples.js';
import { breakingConfig } from '../../../src/breaking/settings.js';
import { comparePhysicalTypes, compareLogicalTypes } from '../../../src/breaking/type-widening.js';
import { prWaivers } from '../../../src/breaking/waivers.js';
import { checkVersion, incrementVersion } from '../../../src/semver.js';

const withColumns = (version: string, columns: string[], extra: Record<string, unknown> = {}) => ({
  ...exampleContract(`schema:\n  - name: orders\n    properties:\n${columns.map((c) => `      - name: ${c}\n        logicalType: string`).join('\n')}`)!,
  version,
  ...extra,
});

describe('semver', () => {
  it.each([
    ['1.2.3', '2.0.0', 'major', true],
    ['1.2.3', '1.3.0', 'major', false],
    ['0.3.1', '0.4.0', 'major', true],
    ['0.3.1', '0.3.2', 'major', false],
    ['0.3.1', '0.3.2', 'minor', true],
    ['1.2.3', '1.2.4', 'minor', false],
    ['1.2.3', '1.2.3', 'none', true],
    ['1.2.3', '1.2.3', 'patch', false],
  ] as const)('%s → %s satisfies a %s bump: %s', (from, to, bump, ok) => {
    expect(checkVersion(from, to, bump).ok).toBe(ok);
  });

  it('rejects a version that went down or is not semver, whatever the changes', () => {
    expect(checkVersion('1.2.3', '1.2.2', 'none')).toMatchObject({ ok: false, status: 'decreased' });
    expect(checkVersion('1.2.3', 'v2', 'major')).toMatchObject({ ok: false, status: 'invalid', suggested: '2.0.0' });
  });

  it('suggests the smallest version that satisfies the bump (0.x aware)', () => {
    expect(incrementVersion('2.3.1', 'major')).toBe('3.0.0');
    expect(incrementVersion('0.3.1', 'major')).toBe('0.4.0');
    expect(incrementVersion('2.3.1', 'minor')).toBe('2.4.0');
  });
});

describe('type widening tables', () => {
  it.each([
    ['INT', 'BIGINT', 'widened'], ['BIGINT', 'int', 'narrowed'], ['int', 'INTEGER', 'same'], ['VARCHAR(36)', 'varchar( 36 )', 'same'],
    ['VARCHAR(36)', 'VARCHAR(64)', 'widened'], ['VARCHAR(36)', 'STRING', 'widened'], ['TEXT', 'VARCHAR(10)', 'narrowed'],
    ['DECIMAL(10,2)', 'NUMERIC(12,2)', 'widened'], ['DECIMAL(12,2)', 'DECIMAL(12,0)', 'narrowed'], ['DECIMAL(12,2)', 'DOUBLE', 'narrowed'],
    ['INT', 'DECIMAL(10,0)', 'widened'], ['INT', 'DECIMAL(5,0)', 'narrowed'], ['TIMESTAMP_NTZ', 'TIMESTAMP_TZ', 'changed'], ['table', 'view', 'changed'],
  ])('physicalType %s → %s is %s', (a, b, verdict) => expect(comparePhysicalTypes(a, b)).toBe(verdict));

  it.each([['integer', 'number', 'widened'], ['number', 'integer', 'narrowed'], ['timestamp', 'date', 'narrowed'], ['string', 'integer', 'changed'], ['date', 'timestamp', 'changed']])(
    'logicalType %s → %s is %s',
    (a, b, verdict) => expect(compareLogicalTypes(a, b)).toBe(verdict),
  );
});

describe('waivers', () => {
  it('reads `mesh-waive:` lines of a PR body with any dash', () => {
    expect(prWaivers('Intro\n- mesh-waive: property-removed schema[orders].properties[x] — agreed\nmesh-waive: breaking/sla-weakened slaProperties[latency] -- night batch')).toEqual([
      { rule: 'property-removed', path: 'schema[orders].properties[x]', reason: 'agreed', source: 'pr' },
      { rule: 'breaking/sla-weakened', path: 'slaProperties[latency]', reason: 'night batch', source: 'pr' },
    ]);
  });

  it('a contract waiver marks the change waived with its reason; an expired one does not', () => {
    const waiver = (until: string) => ({ customProperties: [{ property: 'meshBreakingWaivers', value: [{ rule: 'property-removed', path: 'schema[orders].properties[b]', reason: 'unused', until }] }] });
    const live = diffContracts(withColumns('1.0.0', ['a', 'b']), withColumns('1.1.0', ['a'], waiver('2030-01-01')), { today: '2025-01-01' });
    expect(live).toMatchObject({ breaking: false, requiredBump: 'minor', versionOk: true, counts: { waived: 1 } });
    expect(live.changes[0].waived).toEqual({ reason: 'unused', source: 'contract', until: '2030-01-01' });
    const expired = diffContracts(withColumns('1.0.0', ['a', 'b']), withColumns('1.1.0', ['a'], waiver('2024-12-31')), { today: '2025-01-01' });
    expect(expired).toMatchObject({ breaking: true, requiredBump: 'major', versionOk: false });
  });
});

describe('severity settings from mesh.yaml and domain.yaml', () => {
  const mesh = { file: 'contracts/mesh.yaml', data: { rules: { 'naming/property-name': 'warning', 'breaking/server-added': 'info' }, breaking: { rules: { 'enum-value-added': 'off', 'breaking/no-such-rule': 'info' } }, classification: { levels: ['open', 'secret'] } } };

  it('applies overrides by id or short name, leaves lint ids alone and names unknown ids', () => {
    const config = breakingConfig(mesh);
    expect(config.overrides).toEqual({ 'breaking/server-added': 'info', 'breaking/enum-value-added': 'off' });
    expect(config.settings.classificationLevels).toEqual(['open', 'secret']);
    expect(config.problems).toEqual([expect.objectContaining({ path: 'breaking.rules.breaking/no-such-rule', message: expect.stringContaining('unknown breaking-change rule') })]);
  });

  it('lets a domain tighten a level but not loosen one', () => {
    const config = breakingConfig(mesh, { file: 'contracts/sales/domain.yaml', data: { policy: { rules: { 'breaking/server-added': 'breaking', 'breaking/property-removed': 'info' } } } });
    expect(config.overrides['breaking/server-added']).toBe('breaking');
    expect(config.overrides['breaking/property-removed']).toBeUndefined();
    expect(config.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('may only tighten'));
  });

  it('an override changes the reported severity and keeps the default visible', () => {
    const report = diffContracts(withColumns('1.0.0', ['a', 'b']), withColumns('1.0.1', ['a']), { overrides: { 'property-removed': 'dangerous' } });
    expect(report.changes[0]).toMatchObject({ rule: 'breaking/property-removed', severity: 'dangerous', defaultSeverity: 'breaking' });
    expect(report).toMatchObject({ breaking: false, requiredBump: 'minor', versionOk: false });
  });
});
