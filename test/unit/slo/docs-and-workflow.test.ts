// docs/slo.md examples are valid, and the workflow keeps its least-privilege, pinned shape.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validateSloStatusReport, compileValidator } from '../../../src/slo/status.js';
import { NATIVE_OBSERVATIONS_SCHEMA } from '../../../src/slo/observations.js';

function example(name: string): unknown {
  const docs = readFileSync('docs/slo.md', 'utf8');
  const m = new RegExp(`<!-- example: ${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``).exec(docs);
  if (!m) throw new Error(`docs/slo.md has no example "${name}"`);
  return JSON.parse(m[1]);
}

describe('docs/slo.md', () => {
  it('shows a status report example that validates against SLO_STATUS_SCHEMA', () => {
    expect(validateSloStatusReport(example('slo-status'))).toEqual([]);
  });

  it('shows an observations example that validates against the native observations schema', () => {
    expect(compileValidator(NATIVE_OBSERVATIONS_SCHEMA)(example('observations'))).toEqual([]);
  });

  it('the schema rejects a status the tool never writes', () => {
    const bad = example('slo-status') as { results: { status: string }[] };
    bad.results[0].status = 'red';
    expect(validateSloStatusReport(bad)).toEqual([expect.stringContaining('/results/0/status')]);
  });
});

describe('.github/workflows/slo-monitor.yml', () => {
  const text = readFileSync('.github/workflows/slo-monitor.yml', 'utf8');
  const wf = parseYaml(text) as { on: Record<string, unknown>; permissions: unknown; concurrency: { group: string }; jobs: { slo: { steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, string> }[] } } };

  it('runs on a schedule and by hand, with least privilege and a concurrency group', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(wf.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(wf.concurrency.group).toMatch(/slo-monitor/);
  });

  it('pins every action that is not in this repository to a full commit SHA with a version comment', () => {
    const uses = text.split('\n').filter((l) => /uses:/.test(l) && !/uses: \.\//.test(l));
    expect(uses.length).toBeGreaterThanOrEqual(2);
    for (const line of uses) expect(line).toMatch(/uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('evaluates and reports with the local slo-monitor action, then uploads the status file', () => {
    const steps = wf.jobs.slo.steps;
    const monitor = steps.findIndex((s) => s.uses === './actions/slo-monitor');
    const upload = steps.findIndex((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(monitor).toBeGreaterThan(-1);
    expect(upload).toBeGreaterThan(monitor);
  });

  it('fetches the observations first: from SLO_OBSERVATIONS_URL when set, the token only through env, the folder always present', () => {
    const steps = wf.jobs.slo.steps;
    const fetch = steps.findIndex((s) => s.run?.includes('curl'));
    const monitor = steps.findIndex((s) => s.uses === './actions/slo-monitor');
    expect(fetch).toBeGreaterThan(-1);
    expect(fetch).toBeLessThan(monitor);
    const step = steps[fetch];
    expect(step.env).toEqual({ OBSERVATIONS_URL: '${{ vars.SLO_OBSERVATIONS_URL }}', OBSERVATIONS_TOKEN: '${{ secrets.SLO_OBSERVATIONS_TOKEN }}' });
    expect(step.run).not.toContain('${{');
    expect(step.run).toContain('mkdir -p observations');
    expect(steps[monitor].with?.observations).toBe('observations');
  });
});

