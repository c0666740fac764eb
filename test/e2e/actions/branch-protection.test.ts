// scripts/apply-branch-protection.mjs against the emulator: creates the ruleset once, then
// updates the same one (found by name), with the rules docs/branch-protection.md describes.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../github-emulator/index.js';
import { REPO_ROOT } from './harness.js';

const exec = promisify(execFile);
const SCRIPT = path.join(REPO_ROOT, 'scripts/apply-branch-protection.mjs');
const TOKEN = 'ghp_admin';
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ validate: true, tokens: [TOKEN] });
});
afterAll(async () => {
  await emulator.close();
});

async function apply(args: string[], token = TOKEN) {
  try {
    const { stdout, stderr } = await exec(process.execPath, [SCRIPT, '--repo', 'acme/data-mesh', '--api-url', emulator.url, ...args], { env: { PATH: process.env.PATH ?? '', GITHUB_TOKEN: token } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

type Rule = { type: string; parameters?: Record<string, unknown> };

describe('scripts/apply-branch-protection.mjs', () => {
  it('creates a ruleset on the default branch requiring PRs, a Code Owners review and the contract checks', async () => {
    const run = await apply([]);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ruleset created \(id \d+\) on acme\/data-mesh/) });
    const [ruleset] = emulator.state.repo('acme', 'data-mesh').rulesets as { name: string; enforcement: string; conditions: unknown; rules: Rule[] }[];
    expect(ruleset).toMatchObject({ name: 'contracts-protection', enforcement: 'active', conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } } });
    const byType = Object.fromEntries(ruleset.rules.map((r) => [r.type, r.parameters ?? {}]));
    expect(byType.pull_request).toMatchObject({ require_code_owner_review: true, required_approving_review_count: 1, dismiss_stale_reviews_on_push: true });
    expect(byType.required_status_checks).toMatchObject({ required_status_checks: [{ context: 'lint' }, { context: 'breaking' }, { context: 'governance' }] });
    expect(Object.keys(byType)).toEqual(expect.arrayContaining(['deletion', 'non_fast_forward']));
    expect(emulator.violations).toEqual([]);
  });

  it('updates the same ruleset on a second run instead of adding one', async () => {
    const run = await apply(['--approvals', '2', '--checks', 'lint,governance']);
    expect(run.stdout).toMatch(/^ruleset updated/);
    const rulesets = emulator.state.repo('acme', 'data-mesh').rulesets as { rules: Rule[] }[];
    expect(rulesets).toHaveLength(1);
    expect(rulesets[0].rules.find((r) => r.type === 'pull_request')?.parameters).toMatchObject({ required_approving_review_count: 2 });
    expect(emulator.violations).toEqual([]);
  });

  it('reports a refused token with the HTTP status and exit code 1', async () => {
    const run = await apply([], 'not-a-valid-token');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('HTTP 401');
  });

  it('--dry-run prints the ruleset and calls nothing', async () => {
    const before = emulator.requests.length;
    const run = await apply(['--dry-run']);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'contracts-protection', target: 'branch' });
    expect(emulator.requests.length).toBe(before);
  });
});
