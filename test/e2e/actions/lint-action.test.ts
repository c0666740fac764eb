// actions/lint, run as GitHub runs it: annotations on file and line (capped), the job summary,
// outputs, exit code, and the one sticky PR comment on the local GitHub emulator.
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
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

function openPr(title = 'sales: change orders'): number {
  return emulator.state.createPullRequest(emulator.state.repo('acme', 'data-mesh'), { title }).issue.number;
}

function track(repo: PrRepo): PrRepo {
  repos.push(repo);
  return repo;
}

const ORDERS = 'contracts/sales/orders.odcs.yaml';

describe('actions/lint on a pull request', () => {
  it('annotates an unknown ODCS key on its file and line, fails, and writes summary, outputs and one comment', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, /^status: active$/m, 'status: active\ncolour: red')));
    const number = openPr();
    const run = await runAction('lint', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });

    expect(run.code).toBe(1);
    const onOrders = run.annotations.filter((a) => a.file === ORDERS && a.level === 'error');
    expect(onOrders.length).toBeGreaterThan(0);
    expect(onOrders.some((a) => a.line === 7 && /colour/.test(a.message))).toBe(true);
    expect(run.outputs.verdict).toBe('fail');
    expect(Number(run.outputs.errors)).toBeGreaterThan(0);
    expect(run.outputs.comment).toBe('created');
    expect(run.summary).toContain('## Contract lint: :x: failed');
    expect(run.summary).toContain(`${ORDERS}:7:1`);

    const comments = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('<!-- mesh-sticky: contracts-pr -->');
    expect(comments[0].body).toContain('Contract checks: changes needed');
    expect(comments[0].body).toContain('colour');
  });

  it('updates the same comment after a fix and marks it resolved (never a second comment)', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, /^status: active$/m, 'status: active\ncolour: red')));
    const number = openPr();
    const first = await runAction('lint', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(first.code).toBe(1);
    const [created] = emulator.state.commentsOf('acme', 'data-mesh', number);

    edit(repo, ORDERS, 'colour: red\n', '');
    repo.commit('fix');
    const second = await runAction('lint', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });

    expect(second.code).toBe(0);
    expect(second.outputs.verdict).toBe('pass');
    expect(second.outputs.comment).toBe('updated');
    const comments = emulator.state.commentsOf('acme', 'data-mesh', number);
    expect(comments.map((c) => c.id)).toEqual([created.id]);
    expect(comments[0].body).toContain('Resolved: all contract checks pass');
    expect(comments[0].body).not.toContain('colour');
  });

  it('reports only the changed files: a clean change in one contract is green', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, 'One row per order, whatever the channel.', 'One row per order, whatever the sales channel.')));
    const number = openPr();
    const run = await runAction('lint', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(0);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
    expect(run.outputs).toMatchObject({ verdict: 'pass', errors: '0', comment: 'created' });
    expect(run.summary).toContain('1 changed file(s)');
  });

  it('annotates at most 10 errors and lists every finding in the summary', async () => {
    const keys = Array.from({ length: 14 }, (_, i) => `unknownKey${i}: x`).join('\n');
    const repo = track(prRepo((r) => edit(r, ORDERS, /^status: active$/m, `status: active\n${keys}`)));
    const number = openPr();
    const run = await runAction('lint', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(1);
    const errors = Number(run.outputs.errors);
    expect(errors).toBeGreaterThan(10);
    // GitHub displays 10 error annotations per step: 9 findings + the step's failure message.
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(run.annotations.filter((a) => a.level === 'error' && a.file === ORDERS)).toHaveLength(9);
    expect(run.summary).toContain('are not annotated inline');
    for (let i = 0; i < 14; i++) expect(run.summary).toContain(`unknownKey${i}`);
  });

  it('on a fork pull request writes no comment, keeps annotations and summary, and still reports the verdict', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, /^status: active$/m, 'status: active\ncolour: red')));
    const number = openPr();
    const before = emulator.requests.length;
    const run = await runAction('lint', { cwd: repo.dir, event: 'fork', pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(1); // the lint errors fail the check, the missing comment does not
    expect(run.outputs.comment).toBe('skipped');
    expect(run.summary).toContain('PR comment not written: pull request from a fork');
    expect(run.annotations.some((a) => a.file === ORDERS)).toBe(true);
    expect(emulator.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(emulator.state.commentsOf('acme', 'data-mesh', number)).toEqual([]);
  });

  it('passes with summary only when the API answers 403 to the comment (read-only token)', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, 'One row per order, whatever the channel.', 'One row per order.')));
    const number = openPr();
    emulator.state.readOnly = true;
    try {
      const run = await runAction('lint', { cwd: repo.dir, pr: { number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN });
      expect(run.code).toBe(0);
      expect(run.outputs).toMatchObject({ verdict: 'pass', comment: 'skipped' });
      expect(run.annotations.some((a) => a.level === 'warning' && /read-only/.test(a.message))).toBe(true);
      expect(run.summary).toContain('## Contract lint: :white_check_mark: passed');
      expect(run.summary).toContain('read-only token (HTTP 403)');
      expect(emulator.requests.some((r) => r.method === 'POST' && r.status === 403)).toBe(true);
    } finally {
      emulator.state.readOnly = false;
    }
  });

  it('outside a pull request lints every file and writes no comment', async () => {
    const repo = track(prRepo(() => {}));
    const run = await runAction('lint', { cwd: repo.dir, event: 'none', inputs: { scope: 'changed' } });
    expect(run.code).toBe(0);
    expect(run.summary).toMatch(/in all \d+ files/);
    expect(run.outputs.comment).toBe('skipped');
  });

  it('reuses the lint cache of an earlier run for unchanged files, with the same findings; cache: none writes none', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, /^status: active$/m, 'status: active\ncolour: red')));
    const first = await runAction('lint', { cwd: repo.dir, event: 'none' });
    const files = Number(first.outputs.files);
    expect(first.stdout).toContain(`${files} mesh files: 0 reused from the lint cache, ${files} loaded and checked; cache updated`);
    expect(existsSync(path.join(repo.dir, '.mesh-cache'))).toBe(true);

    // Another contract changes: only that file is loaded again; the finding of the unchanged one stays.
    edit(repo, 'contracts/sales/returns.odcs.yaml', /^status: active$/m, 'status: active\nshade: blue');
    const second = await runAction('lint', { cwd: repo.dir, event: 'none' });
    expect(second.stdout).toContain(`${files} mesh files: ${files - 1} reused from the lint cache, 1 loaded and checked; cache updated`);
    const shown = (run: typeof first) => run.annotations.filter((a) => a.file).map((a) => `${a.file}:${a.line} ${a.message}`).sort();
    expect(shown(first)).toEqual([expect.stringMatching(/^contracts\/sales\/orders\.odcs\.yaml:7 .*colour/)]);
    expect(shown(second)).toEqual(expect.arrayContaining(shown(first)));
    expect(shown(second).some((a) => a.startsWith('contracts/sales/returns.odcs.yaml') && /shade/.test(a))).toBe(true);

    rmSync(path.join(repo.dir, '.mesh-cache'), { recursive: true });
    const uncached = await runAction('lint', { cwd: repo.dir, event: 'none', inputs: { cache: 'none' } });
    expect(shown(uncached)).toEqual(shown(second));
    expect(existsSync(path.join(repo.dir, '.mesh-cache'))).toBe(false);
  });

  it('loads on worker threads from its bundled worker script (workers: 2), with the same findings as one thread', async () => {
    // 150 more contracts (over the 50 files a thread must get), every 10th with a finding.
    const repo = track(
      prRepo((r) => {
        const orders = r.read(ORDERS);
        for (let i = 0; i < 150; i++) {
          const copy = orders.replace(/^id: sales-orders$/m, `id: sales-orders-copy-${i}`).replace(/^status: active$/m, i % 10 === 0 ? 'status: active\ncolour: red' : 'status: active');
          r.write(`contracts/sales/orders-copy-${i}.odcs.yaml`, copy);
        }
      }),
    );
    const threaded = await runAction('lint', { cwd: repo.dir, event: 'none', inputs: { workers: '2', cache: 'none' } });
    const single = await runAction('lint', { cwd: repo.dir, event: 'none', inputs: { workers: '1', cache: 'none' } });
    const files = Number(threaded.outputs.files);
    expect(files).toBeGreaterThan(150);
    expect(threaded.stdout).toContain(`${files} loaded and checked on 2 threads`);
    expect(single.stdout).toContain(`${files} loaded and checked\n`);
    expect(threaded.summary).toBe(single.summary);
    expect(threaded.annotations).toEqual(single.annotations);
    expect(threaded.summary.match(/orders-copy-\d+\.odcs\.yaml[^\n]*colour/g)).toHaveLength(15);
    expect(threaded.code).toBe(1);
  });

  it('rejects a workers value that is not auto or a whole number from 1 to 64', async () => {
    const repo = track(prRepo(() => {}));
    const run = await runAction('lint', { cwd: repo.dir, event: 'none', inputs: { workers: '0' } });
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: 'input "workers" is "0": use auto or a whole number from 1 to 64' }));
  });

  it('rejects a bad input value with a message naming the input', async () => {
    const repo = track(prRepo(() => {}));
    const run = await runAction('lint', { cwd: repo.dir, event: 'none', inputs: { 'fail-on': 'sometimes' } });
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: 'input "fail-on" is "sometimes": use one of error, warning, never' }));
  });
});
