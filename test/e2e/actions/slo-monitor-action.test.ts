// actions/slo-monitor, run as GitHub runs it on a schedule: evaluates the fixture mesh's SLOs,
// writes the status file, opens one issue per breached SLO on the emulator, never a duplicate.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../github-emulator/index.js';
import { REPO_ROOT, runAction } from './harness.js';

const TOKEN = 'ghs_workflow_token';
const NOW = '2025-06-01T12:00:00Z';
let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ validate: true, tokens: [TOKEN], viewer: 'github-actions[bot]' });
  dir = mkdtempSync(path.join(tmpdir(), 'mesh-slo-action-'));
  cpSync(path.join(REPO_ROOT, 'test/fixtures/slo/mesh'), dir, { recursive: true });
  cpSync(path.join(REPO_ROOT, 'test/fixtures/slo/observations'), path.join(dir, 'observations'), { recursive: true });
});
afterAll(async () => {
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('actions/slo-monitor', () => {
  it('evaluates, writes the status file and outputs, and opens one issue per breached SLO', async () => {
    const run = await runAction('slo-monitor', { cwd: dir, event: 'none', inputs: { now: NOW }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(0);
    expect(existsSync(path.join(dir, 'slo-status.json'))).toBe(true);
    const status = JSON.parse(readFileSync(path.join(dir, 'slo-status.json'), 'utf8')) as { results: { status: string }[] };
    const breached = status.results.filter((r) => r.status === 'breached').length;
    expect(breached).toBeGreaterThan(0);
    expect(run.outputs).toMatchObject({ 'status-file': 'slo-status.json', breached: String(breached) });
    expect(run.summary).toContain(`## SLO status: ${breached} breached`);
    const open = emulator.state.issues('acme', 'data-mesh').filter((i) => i.state === 'open');
    expect(open).toHaveLength(breached);
    expect(open.every((i) => i.labels.some((l) => l.name === 'slo-breach'))).toBe(true);
    expect(emulator.violations).toEqual([]);
  });

  it('a second run updates instead of duplicating, and fail-on: breached fails the step', async () => {
    const before = emulator.state.issues('acme', 'data-mesh').length;
    const run = await runAction('slo-monitor', { cwd: dir, event: 'none', inputs: { now: NOW, 'fail-on': 'breached' }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(1);
    expect(run.annotations).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringMatching(/^SLOs breached: \d+$/) }));
    expect(emulator.state.issues('acme', 'data-mesh')).toHaveLength(before);
  });

  it('dry-run writes nothing to GitHub', async () => {
    const before = emulator.requests.length;
    const run = await runAction('slo-monitor', { cwd: dir, event: 'none', inputs: { now: NOW, 'dry-run': 'true' }, apiUrl: emulator.url, token: TOKEN });
    expect(run.code).toBe(0);
    expect(emulator.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
