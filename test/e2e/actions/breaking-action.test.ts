// actions/breaking, run as GitHub runs it: the PR head compared with its base, annotations on the
// changed contract's lines, outputs, the job summary, exit code, PR-body waivers, and its section
// of the sticky PR comment on the local GitHub emulator.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../github-emulator/index.js';
import { edit, prRepo, REPO_ROOT, runAction, type PrRepo } from './harness.js';

const TOKEN = 'ghs_workflow_token';
let emulator: Emulator;
const repos: PrRepo[] = [];
const temps: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ validate: true, tokens: [TOKEN], viewer: 'github-actions[bot]' });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  expect(emulator.violations).toEqual([]);
  while (repos.length) repos.pop()!.cleanup();
  while (temps.length) rmSync(temps.pop()!, { recursive: true, force: true });
});

const ORDERS = 'contracts/sales/orders.odcs.yaml';
const SHIPMENTS = 'contracts/logistics/shipments.odcs.yaml';
const CUSTOMER_ID = /^ {6}- id: customer_id\n[\s\S]*?(?=^ {6}- id: order_ts\n)/m;
const CONSUMER_TEAMS = ['@acme/finance-data', '@acme/logistics-data', '@acme/marketing-data'];

function openPr(): number {
  return emulator.state.createPullRequest(emulator.state.repo('acme', 'data-mesh'), { title: 'sales: change orders' }).issue.number;
}

function track(repo: PrRepo): PrRepo {
  repos.push(repo);
  return repo;
}

/** The pull_request event fixture with another description (the runner's GITHUB_EVENT_PATH). */
function eventWithBody(pr: { number: number; baseSha: string; headSha: string }, body: string): string {
  const raw = readFileSync(path.join(REPO_ROOT, 'test/fixtures/actions/pull_request.synchronize.json'), 'utf8').replaceAll('BASE_SHA', pr.baseSha).replaceAll('HEAD_SHA', pr.headSha);
  const payload = JSON.parse(raw) as { number: number; pull_request: { number: number; body: string } };
  payload.number = payload.pull_request.number = pr.number;
  payload.pull_request.body = body;
  const dir = mkdtempSync(path.join(tmpdir(), 'mesh-event-'));
  temps.push(dir);
  const file = path.join(dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return file;
}

describe('actions/breaking on a pull request', () => {
  it('fails on a removed property without a major bump: annotations on the head file, version suggested, consumers and their teams named', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, CUSTOMER_ID, '')));
    const number = openPr();
    const run = await runAction('breaking', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });

    expect(run.code).toBe(1);
    // The removed property is annotated at the `properties:` list it was removed from, in the head file.
    const removed = run.annotations.find((a) => a.title === 'breaking/property-removed');
    expect(removed).toMatchObject({ level: 'error', file: ORDERS, line: 49, col: 5 });
    expect(repo.read(ORDERS).split('\n')[48]).toBe('    properties:');
    const version = run.annotations.find((a) => a.title === 'breaking/version-check');
    expect(version).toMatchObject({ level: 'error', file: ORDERS, line: 5 });
    expect(version!.message).toContain('set version: 3.0.0');
    for (const team of CONSUMER_TEAMS) expect(version!.message).toContain(team);
    expect(run.annotations.some((a) => a.level === 'error' && !a.file && a.message === 'breaking changes (1 unwaived): sales-orders needs version 3.0.0')).toBe(true);

    expect(run.outputs).toMatchObject({
      verdict: 'fail',
      'required-bump': 'major',
      'breaking-count': '1',
      'dangerous-count': '0',
      'changed-contracts': '1',
      failing: 'sales-orders',
      consumers: 'finance-revenue-product logistics-fulfilment-product marketing-customer-360-product',
      'consumer-owners': CONSUMER_TEAMS.join(' '),
      'base-sha': repo.baseSha,
      comment: 'created',
    });
    expect(JSON.parse(run.outputs['suggested-versions'])).toEqual({ 'sales-orders': '3.0.0' });

    expect(run.summary).toContain('## Breaking changes: :x: failed');
    expect(run.summary).toContain('| `sales-orders` | 2.3.0 → 2.3.0 | major | 3.0.0 |');
    expect(run.summary).toContain('`schema[orders].properties[customer_id]`');
    expect(run.summary).toContain('| `finance-revenue-product` | finance | orders | 2.3.0 | @acme/finance-data |');

    const comments = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('## :x: Contract checks: changes needed');
    expect(comments[0].body).toContain('### :x: Breaking changes');
    expect(comments[0].body).toContain('Suggested: **3.0.0**');
    expect(comments[0].body).toContain(`**Consumers to notify:** ${CONSUMER_TEAMS.join(' ')}`);
  });

  it('passes a compatible change (a new optional property with a minor bump) and says so', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 2.4.0');
        edit(r, ORDERS, /^ {6}- id: order_ts\n/m, '      - id: gift_wrap\n        name: gift_wrap\n        logicalType: boolean\n        description: The buyer asked for gift wrapping.\n      - id: order_ts\n');
      }),
    );
    const number = openPr();
    const run = await runAction('breaking', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(0);
    expect(run.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    expect(run.outputs).toMatchObject({ verdict: 'pass', 'required-bump': 'minor', 'breaking-count': '0', failing: '', consumers: '', 'suggested-versions': '{}', comment: 'created' });
    expect(run.summary).toContain('## Breaking changes: :white_check_mark: passed');
    expect(run.summary).toContain('### ✅ No breaking changes');
    const [comment] = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comment.body).toContain('## :white_check_mark: Contract checks pass');
    expect(comment.body).toContain('compatible (minor bump needed)');
  });

  it('passes a breaking change shipped with the major version, with a warning naming the consumers to tell', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, CUSTOMER_ID, '');
        edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 3.0.0');
      }),
    );
    const number = openPr();
    const run = await runAction('breaking', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(0);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.annotations.find((a) => a.title === 'breaking/property-removed')).toMatchObject({ level: 'warning', file: ORDERS, line: 49 });
    const version = run.annotations.find((a) => a.title === 'breaking/version-check');
    expect(version).toMatchObject({ level: 'warning', file: ORDERS, line: 5 });
    expect(version!.message).toContain('breaking changes shipped as 3.0.0 (from 2.3.0); tell its consumers: finance-revenue-product (@acme/finance-data)');
    expect(run.outputs).toMatchObject({ verdict: 'warn', 'required-bump': 'major', 'breaking-count': '1', failing: '', 'consumer-owners': CONSUMER_TEAMS.join(' ') });
    expect(run.summary).toContain('## Breaking changes: :warning: passed with warnings');
    const [comment] = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comment.body).toContain('## :warning: Contract checks pass, with warnings');
    expect(comment.body).toContain('Breaking changes in 1 contract, with the required major version');
    expect(comment.body).toContain(`**Consumers to notify:** ${CONSUMER_TEAMS.join(' ')}`);
  });

  it('fails on any breaking change with fail-on: breaking, even with the major version', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, CUSTOMER_ID, '');
        edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 3.0.0');
      }),
    );
    const run = await runAction('breaking', { cwd: repo.dir, inputs: { 'fail-on': 'breaking', comment: 'false' }, pr: { number: openPr(), baseSha: repo.baseSha, headSha: repo.headSha } });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', failing: '', comment: 'skipped' });
    expect(run.annotations.some((a) => a.level === 'error' && a.message === 'breaking changes (1 unwaived): sales-orders breaks its consumers')).toBe(true);
  });

  it('honours a mesh-waive line of the pull request body: the change is reported as waived and a minor bump passes', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, CUSTOMER_ID, '');
        edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 2.4.0');
      }),
    );
    const number = openPr();
    const pr = { number, baseSha: repo.baseSha, headSha: repo.headSha };
    const body = 'Drops customer_id.\n\nmesh-waive: property-removed schema[orders].properties[customer_id] — never populated; agreed with every consumer\n';
    const run = await runAction('breaking', { cwd: repo.dir, pr, apiUrl: emulator.url, token: TOKEN, env: { GITHUB_EVENT_PATH: eventWithBody(pr, body) } });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: 'pass', 'breaking-count': '0', 'waived-count': '1', 'required-bump': 'minor', consumers: '' });
    expect(run.annotations.find((a) => a.title === 'breaking/property-removed')).toMatchObject({ level: 'notice', file: ORDERS });
    expect(run.annotations.find((a) => a.title === 'breaking/property-removed')!.message).toContain('waived (pull request body): never populated; agreed with every consumer');
    expect(run.summary).toContain('1 waiver(s) from the pull request body.');
    expect(run.summary).toContain('_(waived: never populated; agreed with every consumer)_');

    // The same change without the waiver line fails.
    const unwaived = await runAction('breaking', { cwd: repo.dir, pr, inputs: { 'pr-body-waivers': 'false', comment: 'false' } });
    expect(unwaived.code).toBe(1);
    expect(unwaived.outputs).toMatchObject({ verdict: 'fail', 'waived-count': '0' });
  });

  it('compares with the merge base: commits the base branch got after the branch point are not the PR\'s changes', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 2.3.1')));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Lee', GIT_AUTHOR_EMAIL: 'lee@example.com', GIT_COMMITTER_NAME: 'Lee', GIT_COMMITTER_EMAIL: 'lee@example.com' } }).trim();
    git('checkout', '-q', 'main');
    edit(repo, SHIPMENTS, /^version: 2\.1\.0$/m, 'version: 3.0.0');
    git('commit', '-q', '-am', 'logistics: shipments 3.0.0');
    const mainTip = git('rev-parse', 'HEAD');
    git('checkout', '-q', 'change');
    const run = await runAction('breaking', { cwd: repo.dir, inputs: { comment: 'false' }, pr: { number: openPr(), baseSha: mainTip, headSha: repo.headSha } });
    expect(run.code).toBe(0);
    expect(run.outputs['base-sha']).toBe(repo.baseSha);
    expect(run.outputs['changed-contracts']).toBe('1');
    expect(run.summary).toContain('`sales-orders`');
    expect(run.summary).not.toContain('logistics-shipments');
  });

  it('updates its section of the one comment after the owner bumps the version (never a second comment)', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, CUSTOMER_ID, '')));
    const number = openPr();
    const first = await runAction('breaking', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(first.code).toBe(1);
    const [created] = emulator.state.commentsOf('acme', 'data-mesh', number);

    edit(repo, ORDERS, /^version: 2\.3\.0$/m, 'version: 3.0.0');
    repo.commit('major version');
    const second = await runAction('breaking', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(second.code).toBe(0);
    expect(second.outputs.comment).toBe('updated');
    const comments = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comments.map((c) => c.id)).toEqual([created.id]);
    expect(comments[0].body).toContain('### :warning: Breaking changes');
    expect(comments[0].body).not.toContain('Suggested: **3.0.0**');
  });

  it('on a fork pull request writes no comment and reports through annotations and the summary', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, CUSTOMER_ID, '')));
    const number = openPr();
    const before = emulator.requests.length;
    const run = await runAction('breaking', { cwd: repo.dir, event: 'fork', pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(1); // the unbumped breaking change fails the check, the missing comment does not
    expect(run.outputs).toMatchObject({ verdict: 'fail', comment: 'skipped' });
    expect(run.summary).toContain('PR comment not written: pull request from a fork');
    expect(run.annotations.some((a) => a.file === ORDERS && a.title === 'breaking/property-removed')).toBe(true);
    expect(emulator.requests.slice(before)).toEqual([]);
    expect(emulator.state.commentsOf('acme', 'data-mesh', number)).toEqual([]);
  });

  it('passes with summary only when the API answers 403 to the comment (read-only token)', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 2.3.1')));
    const number = openPr();
    emulator.state.readOnly = true;
    try {
      const run = await runAction('breaking', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ verdict: 'pass', comment: 'skipped' });
      expect(run.annotations.some((a) => a.level === 'warning' && /read-only/.test(a.message))).toBe(true);
      expect(run.summary).toContain('## Breaking changes: :white_check_mark: passed');
      expect(run.summary).toContain('read-only token (HTTP 403)');
      expect(emulator.requests.some((r) => r.method === 'POST' && r.status === 403)).toBe(true);
    } finally {
      emulator.state.readOnly = false;
    }
  });

  it('outside a pull request compares the checked-out commit with its merge base with main, and writes no comment', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, CUSTOMER_ID, '')));
    const run = await runAction('breaking', { cwd: repo.dir, event: 'none' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: 'fail', 'base-sha': repo.baseSha, comment: 'skipped' });
    expect(run.summary).toContain('merge-base with main');
  });

  it('rejects bad inputs with a message naming the input', async () => {
    const repo = track(prRepo(() => {}));
    const bad = await runAction('breaking', { cwd: repo.dir, event: 'none', inputs: { 'fail-on': 'sometimes' } });
    expect(bad.code).toBe(1);
    expect(bad.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: 'input "fail-on" is "sometimes": use one of unbumped, breaking, never' }));
    const noBase = await runAction('breaking', { cwd: repo.dir, event: 'none', inputs: { base: 'no-such-branch' } });
    expect(noBase.code).toBe(1);
    expect(noBase.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('input "base" is "no-such-branch": not a commit') }));
    const noDir = await runAction('breaking', { cwd: repo.dir, event: 'none', inputs: { contracts: 'nowhere' } });
    expect(noDir.code).toBe(1);
    expect(noDir.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: 'input "contracts" is "nowhere": there is no nowhere/ directory at the base nor at the head' }));
  });
});
