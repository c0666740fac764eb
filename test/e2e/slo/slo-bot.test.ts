// The SLO breach bot end to end against the local GitHub emulator (real HTTP, real Octokit with
// its retry and throttling plugins; only their delays are shortened through options).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../github-emulator/index.js';
import { createGitHubClient } from '../../../src/github/client.js';
import { reportSloStatus, type SloReportOptions } from '../../../src/github/slo-issues.js';
import type { SloResult, SloStatus, SloStatusReport } from '../../../src/slo/status.js';

const OWNER = 'acme';
const REPO = 'mesh';

function result(status: SloStatus, observed: number | null = 5, extra: Partial<SloResult> = {}): SloResult {
  return {
    contract: 'sales-orders',
    property: 'latency',
    target: 4,
    unit: 'h',
    observed,
    status,
    observedAt: '2025-06-01T11:58:00.000Z',
    message: `latency is ${observed}h (${status})`,
    product: 'Sales Orders',
    file: 'contracts/sales/orders.odcs.yaml',
    domain: 'sales',
    team: 'sales-data',
    assignees: ['alice-sales'],
    owners: ['@acme/sales-data'],
    ...extra,
  };
}

function report(...results: SloResult[]): SloStatusReport {
  return { evaluatedAt: '2025-06-01T12:00:00.000Z', results };
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

let emu: Emulator;
let lines: string[];

beforeEach(async () => {
  emu = await startEmulator({ validate: true, collaborators: ['alice-sales', 'dave-fin', 'mesh-bot[bot]'] });
  lines = [];
});

afterEach(async () => {
  expect(emu.violations).toEqual([]);
  await emu.close();
});

function client(token = 'test-token') {
  return createGitHubClient({ token, baseUrl: emu.url, retries: 4, retryBaseMs: 2, rateLimitBaseMs: 2, writeIntervalMs: 0, timeoutMs: 2000, log: (m) => lines.push(m) });
}

function run(r: SloStatusReport, options: Partial<SloReportOptions> = {}, octokit = client()) {
  return reportSloStatus(octokit, r, { owner: OWNER, repo: REPO, siteUrl: 'https://acme.github.io/mesh/contracts/{contract}.html', log: (l) => lines.push(l), ...options });
}

const issues = () => emu.state.issues(OWNER, REPO);
const open = () => issues().filter((i) => i.state === 'open');
const writesSince = (n: number) => emu.requests.slice(n).filter((r) => WRITES.has(r.method));

describe('mesh slo report: issue lifecycle', () => {
  it('opens one labelled, assigned issue per breached SLO, with marker, target, observed, owners and links', async () => {
    const out = await run(report(result('breached'), result('met', 1, { property: 'availability' }), result('at-risk', 3.8, { property: 'errorRate' })));
    expect(out.ok).toBe(true);
    expect(issues()).toHaveLength(1);
    const [issue] = issues();
    expect(issue.title).toBe('SLO breach: Sales Orders – latency');
    expect(issue.body).toContain('<!-- mesh-slo: sales-orders/latency -->');
    expect(issue.body).toContain('| Target | 4 h |');
    expect(issue.body).toContain('| Observed | 5 h at 2025-06-01T11:58:00.000Z |');
    expect(issue.body).toContain('**breached** since 2025-06-01T11:58:00.000Z');
    expect(issue.body).toContain('https://acme.github.io/mesh/contracts/sales-orders.html');
    expect(issue.body).toContain('@acme/sales-data @alice-sales');
    expect(issue.labels.map((l) => l.name)).toEqual(['slo-breach']);
    expect(issue.assignees.map((a) => a.login)).toEqual(['alice-sales']);
    const labels = emu.state.repo(OWNER, REPO).labels.map((l) => l.name);
    expect(labels).toEqual(expect.arrayContaining(['slo-breach', 'slo-at-risk']));
  });

  it('does not duplicate or touch the issue when the same status is reported again', async () => {
    await run(report(result('breached')));
    const before = emu.requests.length;
    const out = await run(report(result('breached')));
    expect(out.outcomes[0].summary).toBe('none');
    expect(issues()).toHaveLength(1);
    expect(writesSince(before)).toEqual([]);
  });

  it('comments and updates the body only when the observed value changes', async () => {
    await run(report(result('breached', 5)));
    await run(report(result('breached', 7)));
    await run(report(result('breached', 7)));
    const comments = emu.state.commentsOf(OWNER, REPO, 1);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toMatch(/^Still breached: latency is 7h/);
    expect(issues()[0].body).toContain('| Observed | 7 h');
    expect(issues()[0].body).toContain('since 2025-06-01T11:58:00.000Z');
  });

  it('finds its issue by the marker even after people renamed it and edited the text around it', async () => {
    await run(report(result('breached')));
    const issue = issues()[0];
    issue.title = 'Orders are late again!!';
    issue.body = `Some notes from the team.\n\n${issue.body}`;
    await run(report(result('breached', 9)));
    expect(issues()).toHaveLength(1);
  });

  it('comments and closes on recovery, then reopens the same issue on the next breach', async () => {
    await run(report(result('breached')));
    await run(report(result('met', 2)));
    expect(issues()[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(emu.state.commentsOf(OWNER, REPO, 1).at(-1)?.body).toMatch(/^Recovered: /);

    await run(report(result('breached', 6)));
    expect(issues()).toHaveLength(1);
    expect(issues()[0]).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(emu.state.commentsOf(OWNER, REPO, 1).at(-1)?.body).toMatch(/^Breached again: /);
  });

  it('labels an open issue at-risk when it improves, and never opens an issue for at-risk alone', async () => {
    await run(report(result('at-risk', 3.8)));
    expect(issues()).toHaveLength(0);
    await run(report(result('breached')));
    await run(report(result('at-risk', 3.8)));
    expect(open()).toHaveLength(1);
    expect(issues()[0].labels.map((l) => l.name).sort()).toEqual(['slo-at-risk', 'slo-breach']);
    await run(report(result('met', 1)));
    expect(issues()[0].state).toBe('closed');
    expect(issues()[0].labels.map((l) => l.name)).toEqual(['slo-breach']);
  });

  it('does not label at-risk when the label is switched off', async () => {
    await run(report(result('breached')), { atRiskLabel: false });
    await run(report(result('at-risk', 3.8)), { atRiskLabel: false });
    expect(issues()[0].labels.map((l) => l.name)).toEqual(['slo-breach']);
  });

  it('keeps one issue per element of the same property', async () => {
    await run(report(result('breached', 5, { element: 'orders.a' }), result('breached', 5, { element: 'orders.b' })));
    expect(issues().map((i) => i.title)).toEqual(['SLO breach: Sales Orders – latency (orders.a)', 'SLO breach: Sales Orders – latency (orders.b)']);
  });
});

describe('mesh slo report: robustness', () => {
  it('creates the issue without an assignee GitHub rejects, and still mentions them', async () => {
    const out = await run(report(result('breached', 5, { assignees: ['alice-sales', 'ghost-user'] })));
    expect(out.ok).toBe(true);
    expect(issues()[0].assignees.map((a) => a.login)).toEqual(['alice-sales']);
    expect(issues()[0].body).toContain('@ghost-user');
    expect(emu.requests.filter((r) => r.method === 'POST' && r.operation === '/repos/{owner}/{repo}/issues').map((r) => r.status)).toEqual([422, 201]);
  });

  it('plans without writing in a dry run', async () => {
    await run(report(result('breached')));
    const before = emu.requests.length;
    const out = await run(report(result('met', 1), result('breached', 5, { contract: 'finance-invoices', product: 'Invoices' })), { dryRun: true });
    expect(writesSince(before)).toEqual([]);
    expect(out.outcomes.map((o) => o.summary)).toEqual(['close', 'open']);
    expect(lines).toContain('would close sales-orders/latency (#1): comment, close');
  });

  it('two runs at the same time leave exactly one open issue per SLO', async () => {
    const r = report(result('breached'), result('breached', 5, { contract: 'finance-invoices', product: 'Invoices' }));
    const [a, b] = await Promise.all([run(r, {}, client()), run(r, {}, client())]);
    expect(a.ok && b.ok).toBe(true);
    for (const key of ['sales-orders/latency', 'finance-invoices/latency']) {
      const mine = issues().filter((i) => i.body?.includes(`<!-- mesh-slo: ${key} -->`));
      expect(mine.filter((i) => i.state === 'open')).toHaveLength(1);
      for (const dup of mine.filter((i) => i.state === 'closed')) expect(dup.state_reason).toBe('duplicate');
    }
    // The next run finds no open duplicate left to clean up.
    await run(r);
    expect(open()).toHaveLength(2);
  });

  it('closes a newer open duplicate left by an earlier race, linking the older issue', async () => {
    await run(report(result('breached')));
    const body = issues()[0].body!;
    emu.state.createIssue(emu.state.repo(OWNER, REPO), { title: 'copy', body, labels: ['slo-breach'] });
    await run(report(result('breached')));
    expect(issues()[1]).toMatchObject({ state: 'closed', state_reason: 'duplicate' });
    expect(emu.state.commentsOf(OWNER, REPO, 2)[0].body).toMatch(/^Duplicate of #1/);
  });

  it('survives 5xx, rate limits (primary and secondary, 403 and 429), slow answers and dropped connections without losing or duplicating issues', async () => {
    emu.faults.add({ method: 'GET', path: '/repos/{owner}/{repo}/issues', fault: { kind: 'status', status: 502 } });
    emu.faults.add({ method: 'GET', path: '/repos/{owner}/{repo}/labels', fault: { kind: 'secondary-rate-limit', status: 403, retryAfter: 1 } });
    emu.faults.add({ method: 'POST', path: '/repos/{owner}/{repo}/labels', fault: { kind: 'status', status: 500 } });
    emu.faults.add({ method: 'POST', path: '/repos/{owner}/{repo}/issues', fault: { kind: 'drop-after-handling' } });
    emu.faults.add({ method: 'POST', path: '/repos/{owner}/{repo}/issues', fault: { kind: 'secondary-rate-limit', status: 429, retryAfter: 1 } });
    emu.faults.add({ method: 'GET', path: '/repos/{owner}/{repo}/issues', fault: { kind: 'primary-rate-limit', resetAfter: 1 }, times: 1 });
    emu.faults.add({ method: 'POST', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', fault: { kind: 'drop' } });
    emu.faults.add({ method: 'PATCH', fault: { kind: 'slow', delayMs: 50 } });
    const r = report(result('breached'), result('breached', 5, { contract: 'finance-invoices', product: 'Invoices' }));
    const out = await run(r);
    expect(out.ok).toBe(true);
    expect(emu.faults.pending()).toEqual([]);
    for (const key of ['sales-orders/latency', 'finance-invoices/latency']) {
      expect(open().filter((i) => i.body?.includes(`<!-- mesh-slo: ${key} -->`))).toHaveLength(1);
    }
    expect(lines.some((l) => /secondary rate limit/.test(l))).toBe(true);
    // The dropped answer to a create that went through made the retry create a second issue: closed as duplicate.
    expect(issues().filter((i) => i.state_reason === 'duplicate')).toHaveLength(1);

    emu.faults.add({ method: 'POST', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', fault: { kind: 'status', status: 500 }, times: 2 });
    await run(report(result('met', 1), result('met', 1, { contract: 'finance-invoices', product: 'Invoices' })));
    expect(open()).toHaveLength(0);
  });

  it('reports the SLOs it could not handle and carries on with the others', async () => {
    emu.faults.add({ method: 'POST', path: '/repos/{owner}/{repo}/issues', fault: { kind: 'status', status: 500 }, times: 5 });
    const out = await run(report(result('breached'), result('breached', 5, { contract: 'finance-invoices', product: 'Invoices' })));
    expect(out.ok).toBe(false);
    expect(out.outcomes[0].error).toMatch(/HTTP 500/);
    expect(out.outcomes[1].error).toBeUndefined();
    expect(open()).toHaveLength(1);
  });

  it('fails clearly, without crashing, with a read-only token (fork pull request)', async () => {
    await run(report(result('breached')));
    emu.state.readOnly = true;
    const out = await run(report(result('met', 1), result('breached', 5, { contract: 'finance-invoices', product: 'Invoices' })));
    expect(out.ok).toBe(false);
    expect(out.outcomes.map((o) => o.error)).toEqual([expect.stringMatching(/403: Resource not accessible by integration/), expect.stringMatching(/403/)]);
  });

  it('fails clearly with a bad token and never prints it', async () => {
    await emu.close();
    emu = await startEmulator({ validate: true, tokens: ['right-token'] });
    const out = await run(report(result('breached')), {}, client('wrong-secret-token'));
    expect(out.ok).toBe(false);
    expect(out.errors[0]).toMatch(/401: Bad credentials/);
    expect(JSON.stringify(out) + lines.join('\n')).not.toContain('wrong-secret-token');
  });

  it('finds its issues across pages of the issue list', async () => {
    await run(report(result('breached')));
    const repo = emu.state.repo(OWNER, REPO);
    for (let i = 0; i < 130; i++) emu.state.createIssue(repo, { title: `other ${i}`, body: `<!-- mesh-slo: other-${i}/latency -->`, labels: ['slo-breach'] });
    await run(report(result('breached', 8)));
    expect(issues().filter((i) => i.body?.includes('<!-- mesh-slo: sales-orders/latency -->'))).toHaveLength(1);
    expect(emu.requests.some((r) => r.url.includes('page=2'))).toBe(true);
  });
});
