import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { detectObservationFormat, parseObservations } from '../../../src/slo/parse-observations.js';
import { dbtSourceMapping } from '../../../src/slo/dbt-mapping.js';

const fixture = (name: string) => JSON.parse(readFileSync(`test/fixtures/slo/observations/${name}`, 'utf8'));
const yaml = (file: string) => parseYaml(readFileSync(`test/fixtures/slo/mesh/${file}`, 'utf8')) as Record<string, unknown>;

const orders = { id: 'sales-orders', file: 'contracts/sales/orders.odcs.yaml', data: yaml('contracts/sales/orders.odcs.yaml') };
const policy = { file: 'contracts/mesh.yaml', data: yaml('contracts/mesh.yaml') };

describe('detectObservationFormat', () => {
  it('recognises the three supported formats and nothing else', () => {
    expect(detectObservationFormat(fixture('native.json'))).toBe('native');
    expect(detectObservationFormat(fixture('dbt-sources.json'))).toBe('dbt');
    expect(detectObservationFormat(fixture('observability-results.json'))).toBe('observability-results');
    expect(detectObservationFormat({ results: [] })).toBe('unknown');
    expect(parseObservations([1, 2], 'x.json').problems[0]).toMatch(/x\.json: not an observations document/);
  });
});

describe('native observations', () => {
  it('keeps valid entries and names the invalid ones by JSON pointer', () => {
    const parsed = parseObservations(
      { observations: [{ contract: 'a', property: 'latency', value: 1, unit: 'h', observedAt: '2025-01-01T00:00:00Z' }, { contract: 'a', property: 'latency', observedAt: 'yesterday' }] },
      'obs.json',
    );
    expect(parsed.observations).toHaveLength(1);
    expect(parsed.observations[0].source).toBe('obs.json#/observations/0');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatch(/^obs\.json#\/observations\/1: /);
    expect(parsed.problems[0]).toMatch(/date-time|value|lastUpdated/);
  });
});

describe('dbt sources.json', () => {
  const { mapping, problems } = dbtSourceMapping([orders], policy);

  it('maps sources through the contract custom property and mesh.yaml slo.dbt', () => {
    expect(problems).toEqual([]);
    expect(mapping.get('source.jaffle_shop.raw.orders')).toEqual([{ contract: 'sales-orders', property: 'latency', element: 'orders.loaded_at' }]);
    expect(mapping.get('source.jaffle_shop.raw.invoices')).toEqual([{ contract: 'finance-invoices', property: 'latency' }]);
  });

  it('turns max_loaded_at into lastUpdated and snapshotted_at into observedAt, zone-less times as UTC', () => {
    const parsed = parseObservations(fixture('dbt-sources.json'), 'sources.json', mapping);
    expect(parsed.observations.slice(0, 2)).toEqual([
      { contract: 'sales-orders', property: 'latency', element: 'orders.loaded_at', lastUpdated: '2025-06-01T06:30:00.000Z', observedAt: '2025-06-01T11:58:00.000Z', source: 'sources.json#/results/0' },
      { contract: 'finance-invoices', property: 'latency', lastUpdated: '2025-06-01T11:40:00.000Z', observedAt: '2025-06-01T11:58:00.000Z', source: 'sources.json#/results/1' },
    ]);
    expect(parsed.problems).toEqual([expect.stringMatching(/results\/2: dbt source source\.jaffle_shop\.raw\.customers is not mapped/)]);
  });

  it('reports a runtime error of a mapped source as an error verdict', () => {
    const parsed = parseObservations(
      { metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/sources/v3.json', generated_at: '2025-06-01T11:58:00Z' }, results: [{ unique_id: 'source.jaffle_shop.raw.orders', status: 'runtime error', error: 'relation does not exist' }] },
      'sources.json',
      mapping,
    );
    expect(parsed.observations[0]).toMatchObject({ verdict: 'error', observedAt: '2025-06-01T11:58:00.000Z', note: expect.stringContaining('relation does not exist') });
  });

  it('reports unreadable mapping entries instead of throwing', () => {
    const bad = { ...orders, data: { customProperties: [{ property: 'dbtSources', value: [42] }] } };
    expect(dbtSourceMapping([bad]).problems[0].message).toMatch(/expected a dbt source id/);
  });
});

describe('Bitol ObservabilityResults (RFC-0018)', () => {
  it('maps SLA metrics with values, status-only checks to verdicts, and skips non-SLA metrics', () => {
    const parsed = parseObservations(fixture('observability-results.json'), 'oors.json');
    expect(parsed.observations).toEqual([
      { contract: 'sales-orders', property: 'errorRate', element: 'orders', observedAt: '2025-06-01T11:30:00.000Z', source: 'oors.json#/results/0', note: 'Too many rejected rows', value: 2.5, unit: '%' },
      { contract: 'sales-orders', property: 'availability', observedAt: '2025-06-01T11:30:00.000Z', source: 'oors.json#/results/1', verdict: 'pass' },
    ]);
    expect(parsed.problems).toEqual([expect.stringMatching(/results\/2: measure.metric "rowCount" is not an SLA property/)]);
  });

  it('maps a timeliness age metric to latency', () => {
    const parsed = parseObservations(
      { kind: 'ObservabilityResults', observedAt: '2025-06-01T11:30:00Z', contract: { contractID: 'c' }, results: [{ status: 'fail', dimension: 'timeliness', measure: { metric: 'age', value: 4192, unit: 'seconds' } }] },
      'o.json',
    );
    expect(parsed.observations[0]).toMatchObject({ property: 'latency', value: 4192, unit: 'seconds' });
  });

  it('cannot use results without a contract id', () => {
    const parsed = parseObservations({ kind: 'ObservabilityResults', observedAt: '2025-06-01T11:30:00Z', results: [] }, 'o.json');
    expect(parsed.problems[0]).toMatch(/without contract\.contractID/);
  });
});
