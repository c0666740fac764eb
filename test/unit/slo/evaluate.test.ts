import { describe, expect, it } from 'vitest';
import { evaluateSlos, unmatchedObservations } from '../../../src/slo/evaluate.js';
import { sloFindings, type SloContract } from '../../../src/slo/declared.js';
import type { Observation } from '../../../src/slo/observations.js';
import { validateSloStatusReport } from '../../../src/slo/status.js';

const NOW = '2025-06-01T12:00:00Z';

function contract(sla: Record<string, unknown>[], extra: Record<string, unknown> = {}): SloContract {
  return { id: 'c1', file: 'contracts/d/c1.odcs.yaml', data: { id: 'c1', slaProperties: sla, ...extra } };
}

function obs(o: Partial<Observation>): Observation {
  return { contract: 'c1', property: 'latency', observedAt: '2025-06-01T11:00:00Z', ...o } as Observation;
}

function statusOf(sla: Record<string, unknown>, observation: Partial<Observation>, options: { margin?: number } = {}) {
  const report = evaluateSlos([contract([sla])], [obs(observation)], { now: NOW, ...options });
  return report.results[0];
}

describe('evaluateSlos: lower is better (latency, errorRate)', () => {
  it('breaches when the observed latency exceeds the target after unit normalisation', () => {
    const r = statusOf({ property: 'latency', value: 4, unit: 'h' }, { value: 'PT5H' });
    expect(r.status).toBe('breached');
    expect(r.observed).toBe(5);
    expect(r.targetNormalised).toBe(14_400);
    expect(r.observedNormalised).toBe(18_000);
    expect(r.message).toMatch(/above the target/);
  });

  it('is at risk within the margin below the target and met below it', () => {
    expect(statusOf({ property: 'latency', value: 4, unit: 'h' }, { value: 230, unit: 'min' }).status).toBe('at-risk');
    expect(statusOf({ property: 'latency', value: 4, unit: 'h' }, { value: 200, unit: 'min' }).status).toBe('met');
  });

  it('honours a configured margin', () => {
    expect(statusOf({ property: 'latency', value: 4, unit: 'h' }, { value: 200, unit: 'min' }, { margin: 0.25 }).status).toBe('at-risk');
  });

  it('resolves ODCS synonyms on both sides (ly, freshness) and reports the canonical name', () => {
    const r = statusOf({ property: 'ly', value: 'PT30M' }, { property: 'freshness', value: '45 min' });
    expect(r.property).toBe('latency');
    expect(r.status).toBe('breached');
    expect(r.observed).toBe('45min');
  });

  it('reads a bare observed number in the unit of the target', () => {
    expect(statusOf({ property: 'latency', value: 2, unit: 'd' }, { value: 3 }).status).toBe('breached');
  });

  it('computes the age from lastUpdated against now', () => {
    const r = statusOf({ property: 'latency', value: 1, unit: 'h' }, { lastUpdated: '2025-06-01T10:30:00Z' });
    expect(r.status).toBe('breached');
    expect(r.observed).toBe(1.5);
  });

  it('treats errorRate as lower is better', () => {
    expect(statusOf({ property: 'errorRate', value: 1, unit: '%' }, { property: 'er', value: '2%' }).status).toBe('breached');
  });
});

describe('evaluateSlos: higher is better (availability, retention)', () => {
  it('breaches availability below the target', () => {
    expect(statusOf({ property: 'availability', value: 99.9, unit: '%' }, { property: 'availability', value: 99.5 }).status).toBe('breached');
  });

  it('is at risk when less than the margin of the error budget is left', () => {
    // target 99.5: budget 0.5, 10 % of it is 0.05
    expect(statusOf({ property: 'av', value: 99.5 }, { property: 'av', value: '99.52%' }).status).toBe('at-risk');
    expect(statusOf({ property: 'av', value: 99.5 }, { property: 'av', value: 99.9 }).status).toBe('met');
  });

  it('breaches retention shorter than promised, across ISO and word units', () => {
    expect(statusOf({ property: 'retention', value: 'P3Y' }, { property: 'rt', value: 2, unit: 'years' }).status).toBe('breached');
    expect(statusOf({ property: 'retention', value: 'P3Y' }, { property: 'rt', value: 5, unit: 'years' }).status).toBe('met');
  });
});

describe('evaluateSlos: unknown', () => {
  it('is unknown without any observation', () => {
    const report = evaluateSlos([contract([{ property: 'latency', value: 1, unit: 'h' }])], [], { now: NOW });
    expect(report.results[0]).toMatchObject({ status: 'unknown', observed: null, observedAt: null, message: 'no observation of latency' });
  });

  it('is unknown when the newest observation is older than the staleness limit', () => {
    const report = evaluateSlos([contract([{ property: 'latency', value: 1, unit: 'h' }])], [obs({ value: 1, unit: 'min', observedAt: '2025-05-01T00:00:00Z' })], { now: NOW, staleAfter: 'P2D' });
    expect(report.results[0].status).toBe('unknown');
    expect(report.results[0].message).toMatch(/older than the staleness limit of 2d/);
  });

  it('uses the newest observation, not the first', () => {
    const report = evaluateSlos(
      [contract([{ property: 'latency', value: 1, unit: 'h' }])],
      [obs({ value: 10, unit: 'min', observedAt: '2025-06-01T11:00:00Z' }), obs({ value: 3, unit: 'h', observedAt: '2025-06-01T09:00:00Z' })],
      { now: NOW },
    );
    expect(report.results[0].status).toBe('met');
  });

  it('reports an SLO that cannot be evaluated as unknown and as a lint finding, without throwing', () => {
    const c = contract([{ property: 'latency', value: 'soon' }, { property: 'happiness', value: 3 }]);
    const report = evaluateSlos([c], [], { now: NOW });
    expect(report.results.map((r) => r.status)).toEqual(['unknown', 'unknown']);
    expect(report.results[0].message).toMatch(/latency value "soon" is not a duration/);
    expect(sloFindings(c).map((f) => f.rule)).toEqual(['slo/not-evaluable', 'slo/unknown-property']);
  });

  it('skips date and time-of-day SLA properties: they are promises, not measurements', () => {
    const report = evaluateSlos([contract([{ property: 'timeOfAvailability', value: '06:00' }, { property: 'endOfSupport', value: '2030-01-01' }])], [], { now: NOW });
    expect(report.results).toEqual([]);
  });

  it('turns a tool verdict without a value into a status', () => {
    const sla = { property: 'availability', value: 99 };
    expect(statusOf(sla, { property: 'availability', verdict: 'fail' }).status).toBe('breached');
    expect(statusOf(sla, { property: 'availability', verdict: 'warn' }).status).toBe('at-risk');
    expect(statusOf(sla, { property: 'availability', verdict: 'error', note: 'boom' }).message).toMatch(/error: boom/);
  });
});

describe('evaluateSlos: elements, owners and the public shape', () => {
  it('matches observations to the SLO of their element', () => {
    const c = contract([
      { property: 'latency', value: 1, unit: 'h', element: 'orders.ts' },
      { property: 'latency', value: 1, unit: 'd' },
    ]);
    const report = evaluateSlos([c], [obs({ element: 'orders.ts', value: 2, unit: 'h' })], { now: NOW });
    expect(report.results.map((r) => [r.element ?? null, r.status])).toEqual([['orders.ts', 'breached'], [null, 'unknown']]);
  });

  it('carries product, team, current GitHub-login members and CODEOWNERS owners', () => {
    const c: SloContract = {
      ...contract([{ property: 'latency', value: 1, unit: 'h' }], {
        dataProduct: 'Orders',
        team: { name: 'sales', members: [{ username: 'alice' }, { username: 'bob@example.com' }, { username: 'old-timer', dateOut: '2020-01-01' }] },
      }),
      owners: ['@acme/sales'],
      domain: 'sales',
    };
    const r = evaluateSlos([c], [], { now: NOW }).results[0];
    expect(r).toMatchObject({ product: 'Orders', team: 'sales', assignees: ['alice'], owners: ['@acme/sales'], domain: 'sales', file: 'contracts/d/c1.odcs.yaml' });
  });

  it('produces a report that validates against the published JSON Schema', () => {
    const report = evaluateSlos([contract([{ property: 'latency', value: 1, unit: 'h' }, { property: 'av', value: 99 }])], [obs({ value: 2, unit: 'h' })], { now: NOW });
    expect(validateSloStatusReport(report)).toEqual([]);
    expect(report.evaluatedAt).toBe('2025-06-01T12:00:00.000Z');
  });

  it('lists observations that match no declared SLO', () => {
    const c = contract([{ property: 'latency', value: 1, unit: 'h' }]);
    expect(unmatchedObservations([c], [obs({ value: 1 }), obs({ contract: 'other', value: 1 }), obs({ property: 'availability', value: 1 })]).map((o) => `${o.contract}/${o.property}`)).toEqual(['other/latency', 'c1/availability']);
  });
});
