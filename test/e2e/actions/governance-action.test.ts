// actions/governance, run as GitHub runs it: policy and SLO findings on the changed contracts,
// the CODEOWNERS owners each touched domain needs, and its section of the shared sticky comment.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../github-emulator/index.js';
import { edit, prRepo, runAction, type PrRepo } from './harness.js';

const TOKEN = 'ghs_workflow_token';
let emulator: Emulator;
const repos: PrRepo[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ validate: true, tokens: [TOKEN], viewer: 'github-actions[bot]' });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  expect(emulator.violations).toEqual([]);
  while (repos.length) repos.pop()!.cleanup();
});

const ORDERS = 'contracts/sales/orders.odcs.yaml';
const SHIPMENTS = 'contracts/logistics/shipments.odcs.yaml';
const PII_COLUMN = `    properties:
      - id: buyer_email
        name: buyer_email
        logicalType: string
        description: E-mail address the buyer gave at checkout.
        tags: [gdpr]
`;

function openPr(requestedTeams: string[] = []): number {
  return emulator.state.createPullRequest(emulator.state.repo('acme', 'data-mesh'), { title: 'contract change', requestedTeams }).issue.number;
}

function track(repo: PrRepo): PrRepo {
  repos.push(repo);
  return repo;
}

describe('actions/governance on a pull request', () => {
  it('fails when an owner adds a personal-data column without the pii tag and classification', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, /^ {4}properties:\n/m, PII_COLUMN)));
    const number = openPr(['sales-data']);
    const run = await runAction('governance', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });

    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    const rules = run.annotations.filter((a) => a.file === ORDERS).map((a) => a.title);
    expect(rules).toContain('policy/pii-tag-required');
    expect(rules).toContain('policy/pii-minimum-classification');
    expect(run.annotations.find((a) => a.title === 'policy/pii-tag-required')?.line).toBe(54); // the property's tags
    expect(run.summary).toContain('policy/pii-tag-required');
    const [comment] = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comment.body).toContain(':x: Governance');
    expect(comment.body).toContain('pii');
  });

  it('lists the owners of both domains when a pull request touches two, and which are not requested', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, 'One row per order, whatever the channel.', 'One row per order, whatever the sales channel.');
        edit(r, SHIPMENTS, /^description:\n/m, 'description:\n  # reviewed\n');
      }),
    );
    const number = openPr(['sales-data']);
    const run = await runAction('governance', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });

    expect(run.code).toBe(0);
    expect(run.outputs.domains).toBe('logistics sales');
    expect(run.outputs['required-approvers']).toBe('@acme/logistics-data @acme/sales-data');
    expect(run.outputs['missing-reviewers']).toBe('@acme/logistics-data');
    expect(run.outputs.verdict).toBe('warn');
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'warning', title: 'governance/reviewer-missing', message: expect.stringContaining('@acme/logistics-data owns logistics') }));
    const [comment] = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comment.body).toContain('@acme/sales-data (review requested)');
    expect(comment.body).toContain('@acme/logistics-data (**not requested**)');
    expect(comment.body).toContain('the owners of 2 domains');
  });

  it('fails on an owner who was not asked when require-reviewers is true, and passes once the team is requested', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, 'One row per order, whatever the channel.', 'One row per order, any channel.')));
    const { issue, pull } = emulator.state.createPullRequest(emulator.state.repo('acme', 'data-mesh'), { title: 'orders', requestedTeams: [] });
    const opts = { cwd: repo.dir, pr: { number: issue.number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN, inputs: { 'require-reviewers': 'true' } };
    const before = await runAction('governance', opts);
    expect(before.code).toBe(1);
    expect(before.outputs['missing-reviewers']).toBe('@acme/sales-data');

    pull.requestedTeams.push('sales-data');
    const after = await runAction('governance', opts);
    expect(after.code).toBe(0);
    expect(after.outputs).toMatchObject({ verdict: 'pass', 'missing-reviewers': '', comment: 'updated' });
    expect(emulator.state.commentsOf('acme', 'data-mesh', issue.number)).toHaveLength(1);
  });

  it('shares one comment with actions/lint: each writes its own section, neither erases the other', async () => {
    // As contracts-pr.yml runs them: one job after the other (needs:).
    const repo = track(prRepo((r) => edit(r, ORDERS, /^ {4}properties:\n/m, PII_COLUMN)));
    const number = openPr(['sales-data']);
    const pr = { number, baseSha: repo.baseSha, headSha: repo.headSha };
    await runAction('governance', { cwd: repo.dir, pr, apiUrl: emulator.url, token: TOKEN });
    await runAction('lint', { cwd: repo.dir, pr, apiUrl: emulator.url, token: TOKEN });
    const comments = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('### :x: Lint');
    expect(comments[0].body).toContain('### :x: Governance');
    expect(comments[0].body.indexOf('### :x: Lint')).toBeLessThan(comments[0].body.indexOf('### :x: Governance'));
  });
});
