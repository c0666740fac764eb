// The workflow files, parsed: the security properties every workflow must have, and what
// contracts-pr.yml and site.yml promise (triggers, local actions, least permissions, full history).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script without type declarations
import { actionFiles, workflowFiles, workflowSecurityProblems } from '../../../scripts/validate-workflows.mjs';
import { REPO_ROOT } from './harness.js';

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; if?: string };
type Job = { permissions?: Record<string, string>; steps: Step[]; needs?: string | string[]; if?: string; environment?: unknown };
type Workflow = { on: Record<string, { paths?: string[]; branches?: string[] } | null>; permissions?: unknown; jobs: Record<string, Job> };

const check = workflowSecurityProblems as (text: string, file: string) => string[];
const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const load = (file: string) => parse(read(file)) as Workflow;

describe('every workflow', () => {
  const files = (workflowFiles as () => string[])();

  it('exists for pull requests, the site, the SLO bot and CI', () => {
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['contracts-pr.yml', 'site.yml', 'slo-monitor.yml', 'ci.yml']));
  });

  it.each(files.map((f) => [path.relative(REPO_ROOT, f)]))('%s: no pull_request_target, permissions declared, every remote action pinned by SHA with its version', (file) => {
    expect(check(read(file), file)).toEqual([]);
  });

  it('the security check catches each violation it is meant to', () => {
    const bad = `on: pull_request_target
jobs:
  a:
    runs-on: ubuntu-latest
    permissions: { pages: write, contents: read }
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
      - uses: ./actions/lint
`;
    const problems = check(bad, 'bad.yml');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('uses pull_request_target'),
        expect.stringContaining('no top-level permissions'),
        expect.stringContaining('bad.yml:7: actions/checkout@v4 is not pinned'),
        expect.stringContaining('bad.yml:8: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 has no "# vX.Y.Z" comment'),
        expect.stringContaining('job a has pages: write but does not deploy to Pages'),
        expect.stringContaining('checks out code in a pull_request_target workflow'),
      ]),
    );
    expect(problems.some((p) => p.includes('./actions/lint'))).toBe(false);
  });
});

describe('contracts-pr.yml', () => {
  const wf = load('.github/workflows/contracts-pr.yml');

  it('runs on pull requests that touch contracts or CODEOWNERS', () => {
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    expect(wf.on.pull_request?.paths).toEqual(expect.arrayContaining(['contracts/**', 'CODEOWNERS']));
  });

  it('has the jobs lint, breaking and governance, each using its local action on the full history', () => {
    for (const name of ['lint', 'breaking', 'governance']) {
      const job = wf.jobs[name];
      expect(job.steps.some((s) => s.uses === `./actions/${name}`)).toBe(true);
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
      expect(checkout?.with?.['fetch-depth']).toBe(0);
      expect(checkout?.with?.['persist-credentials']).toBe(false);
    }
  });

  it('grants nothing at the top level and each job only contents: read and pull-requests: write', () => {
    expect(wf.permissions).toEqual({});
    for (const job of Object.values(wf.jobs)) expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
  });

  it('orders the jobs so that they do not write the shared comment at the same time, and a failing check does not skip the others', () => {
    expect(wf.jobs.breaking.needs).toBe('lint');
    expect(wf.jobs.governance.needs).toBe('breaking');
    expect(wf.jobs.breaking.if).toContain('!cancelled()');
    expect(wf.jobs.governance.if).toContain('!cancelled()');
  });
});

describe('site.yml', () => {
  const wf = load('.github/workflows/site.yml');

  it('runs on pushes to main and after each completed slo-monitor run, taking the newest completed run\'s status', () => {
    expect(wf.on.push?.branches).toEqual(['main']);
    expect(wf.on.workflow_run).toEqual({ workflows: ['slo-monitor'], types: ['completed'] });
    expect(wf.jobs.build.steps.find((s) => s.run?.includes('gh run list'))?.run).toContain('--status completed');
  });

  it('builds with the latest SLO status when there is one and deploys with the official Pages actions', () => {
    const build = wf.jobs.build.steps;
    expect(build.some((s) => s.uses?.startsWith('actions/download-artifact@') && s.with?.name === 'slo-status')).toBe(true);
    expect(build.some((s) => s.run?.includes('mesh site build'))).toBe(true);
    expect(build.some((s) => s.uses?.startsWith('actions/configure-pages@'))).toBe(true);
    expect(build.some((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))).toBe(true);
    expect(wf.jobs.deploy.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('gives pages: write and id-token: write to the deploy job only', () => {
    expect(wf.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    for (const [name, job] of Object.entries(wf.jobs)) {
      if (name === 'deploy') continue;
      expect(job.permissions?.pages).toBeUndefined();
      expect(job.permissions?.['id-token']).toBeUndefined();
    }
  });
});

describe('ci.yml', () => {
  const wf = load('.github/workflows/ci.yml');

  it('runs every local action on the example mesh after the tests, with read-only permissions', () => {
    const steps = wf.jobs.test.steps;
    const test = steps.findIndex((s) => s.run === 'npm test');
    for (const name of ['lint', 'breaking', 'governance', 'slo-monitor']) {
      const at = steps.findIndex((s) => s.uses === `./actions/${name}`);
      expect(at, name).toBeGreaterThan(test);
    }
    expect(steps.find((s) => s.uses === './actions/slo-monitor')?.with).toMatchObject({ observations: 'docs/examples/observations', report: 'false' });
    expect(wf.permissions).toEqual({ contents: 'read' });
  });
});

describe('every action.yml', () => {
  const files = (actionFiles as () => string[])();

  it.each(files.map((f) => [path.relative(REPO_ROOT, f)]))('%s runs dist/index.js on node20, documents every input and output, and has branding', (file) => {
    const action = parse(read(file)) as { name: string; description: string; runs: { using: string; main: string }; branding: { icon: string; color: string }; inputs: Record<string, { description: string; default?: string }>; outputs: Record<string, { description: string }> };
    expect(action.runs).toEqual({ using: 'node20', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(input.default, `${name} has a default`).toBeTypeOf('string');
    }
    for (const output of Object.values(action.outputs)) expect(output.description).toBeTruthy();
  });
});
