// `mesh changelog` as a user runs it: the built binary on a temporary git repository where one
// contract goes through a compatible change, a reworded commit without a new version, a breaking
// change with its major bump, a move to another domain folder, and a `$ref`'d fragment that changes
// under a minor bump — plus the history reader and the site's versions list on the same repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGELOG_SCHEMA } from '../../../src/changelog.js';
import { readContractHistory } from '../../../src/git/file-history.js';

const project = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(project, 'test', 'fixtures', 'changelog');
let dir: string;

function mesh(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [join(project, 'bin', 'mesh.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function git(args: string[], author = 'Ada Lovelace', date = '2024-01-10T09:00:00Z') {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: `${author.split(' ')[0].toLowerCase()}@example.com`, GIT_COMMITTER_NAME: author, GIT_COMMITTER_EMAIL: 'c@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}
function put(fixture: string, rel: string) {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  copyFileSync(join(FIXTURES, fixture), join(dir, rel));
}
function commit(message: string, author: string, date: string) {
  git(['add', '-A'], author, date);
  git(['commit', '-q', '-m', message], author, date);
}

const SALES = 'contracts/sales/orders.odcs.yaml';
const COMMERCE = 'contracts/commerce/orders.odcs.yaml';

beforeAll(() => {
  if (!readFileSync(join(project, 'dist', 'cli.js'), 'utf8')) throw new Error('build first: node scripts/build.mjs');
  dir = mkdtempSync(join(tmpdir(), 'mesh-changelog-e2e-'));
  git(['init', '-q', '-b', 'main']);
  put('mesh.yaml', 'contracts/mesh.yaml');
  put('audit.yaml', 'contracts/_shared/audit.yaml');
  put('orders-1.0.0.odcs.yaml', SALES);
  commit('Add the orders contract', 'Ada Lovelace', '2024-01-10T09:00:00Z');
  put('orders-1.1.0.odcs.yaml', SALES);
  commit('Orders: add channel', 'Bob Builder', '2024-02-10T09:00:00Z');
  put('orders-1.1.0-reworded.odcs.yaml', SALES);
  commit('Orders: reword the purpose', 'Bob Builder', '2024-02-20T09:00:00Z');
  put('orders-2.0.0.odcs.yaml', SALES);
  commit('Orders: drop coupon', 'Cy Young', '2024-03-10T09:00:00Z');
  rmSync(join(dir, SALES));
  put('orders-2.1.0-commerce.odcs.yaml', COMMERCE);
  commit('Move orders to the commerce domain', 'Dee Dee', '2024-04-10T09:00:00Z');
  put('orders-2.2.0-commerce.odcs.yaml', COMMERCE);
  put('audit-optional.yaml', 'contracts/_shared/audit.yaml');
  commit('loaded_at may be empty for replayed rows', 'Eve Online', '2024-05-10T09:00:00Z');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('readContractHistory', () => {
  it('follows the contract across its move by id, one revision per commit that changed it, oldest first', async () => {
    const history = await readContractHistory(dir, { path: COMMERCE, id: 'sales-orders', dirRel: 'contracts' });
    expect(history.map((r) => [r.author, r.date.slice(0, 10), r.path, r.subject])).toEqual([
      ['Ada Lovelace', '2024-01-10', SALES, 'Add the orders contract'],
      ['Bob Builder', '2024-02-10', SALES, 'Orders: add channel'],
      ['Bob Builder', '2024-02-20', SALES, 'Orders: reword the purpose'],
      ['Cy Young', '2024-03-10', SALES, 'Orders: drop coupon'],
      ['Dee Dee', '2024-04-10', COMMERCE, 'Move orders to the commerce domain'],
      ['Eve Online', '2024-05-10', COMMERCE, 'loaded_at may be empty for replayed rows'],
    ]);
    expect(history[0].text).toBe(readFileSync(join(FIXTURES, 'orders-1.0.0.odcs.yaml'), 'utf8'));
    expect(history.every((r) => /^[0-9a-f]{40}$/.test(r.commit))).toBe(true);
  });

  it('finds the history by id alone, and nothing for an id that never existed', async () => {
    expect((await readContractHistory(dir, { id: 'sales-orders', dirRel: 'contracts' })).length).toBe(6);
    expect(await readContractHistory(dir, { id: 'sales-invoices', dirRel: 'contracts' })).toEqual([]);
  });
});

describe('mesh changelog', () => {
  it('lists every version with date, author and whether it broke the previous one (JSON)', () => {
    const { code, stdout, stderr } = mesh(['changelog', 'sales-orders', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    const ajv = new Ajv2019({ strict: false });
    expect(ajv.validate(CHANGELOG_SCHEMA, json), ajv.errorsText()).toBe(true);
    expect(json).toMatchObject({ contractId: 'sales-orders', path: COMMERCE });
    expect(json.versions.map((v: Record<string, unknown>) => [v.version, String(v.date).slice(0, 10), v.author, v.path, v.breaking])).toEqual([
      ['2.2.0', '2024-05-10', 'Eve Online', COMMERCE, true],
      ['2.1.0', '2024-04-10', 'Dee Dee', COMMERCE, false],
      ['2.0.0', '2024-03-10', 'Cy Young', SALES, true],
      ['1.1.0', '2024-02-10', 'Bob Builder', SALES, false],
      ['1.0.0', '2024-01-10', 'Ada Lovelace', SALES, null],
    ]);
  });

  it('gives each version the diff report against the previous version: rules, required bump and whether the version provides it', () => {
    const json = JSON.parse(mesh(['changelog', 'sales-orders', '--format', 'json']).stdout);
    const [v220, v210, v200, v110] = json.versions;
    expect(v200.report).toMatchObject({ breaking: true, requiredBump: 'major', oldVersion: '1.1.0', newVersion: '2.0.0', versionOk: true });
    expect(v200.report.changes.map((c: { rule: string }) => c.rule)).toEqual(['breaking/property-removed']);
    expect(v210).toMatchObject({ movedFrom: SALES, previousVersion: '2.0.0', report: { breaking: false, versionOk: true } });
    expect(v210.report.changes.map((c: { rule: string }) => c.rule)).toContain('breaking/property-added');
    // The fragment behind `$ref` changed in the same commit: compared as it was at each commit.
    expect(v220.report).toMatchObject({ breaking: true, versionOk: false, suggestedVersion: '3.0.0' });
    expect(v220.report.changes.map((c: { rule: string }) => c.rule)).toContain('breaking/required-removed');
    // A commit that changed 1.1.0 without a new version is listed under it.
    expect(v110.commits.map((c: { subject: string }) => c.subject)).toEqual(['Orders: add channel', 'Orders: reword the purpose']);
    expect(v110.laterChanges.changes.map((c: { rule: string }) => c.rule)).toEqual(['breaking/contract-metadata-changed']);
  });

  it('accepts the contract file instead of its id, and prints text and Markdown', () => {
    const text = mesh(['changelog', COMMERCE]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('sales-orders  contracts/commerce/orders.odcs.yaml  (5 versions)');
    expect(text.stdout).toMatch(/^2\.0\.0 {2}2024-03-10 {2}Cy Young {2}[0-9a-f]{12} {2}breaking, with the major bump it needs$/m);
    expect(text.stdout).toMatch(/^2\.2\.0 {2}2024-05-10 {2}Eve Online {2}[0-9a-f]{12} {2}breaking without the major bump it needs \(use 3\.0\.0\)$/m);
    expect(text.stdout).toContain(`  moved from ${SALES}`);
    const md = mesh(['changelog', COMMERCE, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^\| 2\.0\.0 \| 2024-03-10 \| Cy Young \| `[0-9a-f]{12}` \| 🔴 yes \| Orders: drop coupon \|$/m);
    expect(md.stdout).toMatch(/^\| 1\.1\.0 \| 2024-02-10 \| Bob Builder \| `[0-9a-f]{12}` \| no \| Orders: add channel \|$/m);
  });

  it('shows an uncommitted version as not committed yet, compared with the last commit', () => {
    const file = join(dir, COMMERCE);
    const before = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, before.replace('version: 2.2.0', 'version: 3.0.0').replace(/      - name: gift_note\n        logicalType: string\n/, ''));
      const json = JSON.parse(mesh(['changelog', 'sales-orders', '--format', 'json']).stdout);
      expect(json.versions[0]).toMatchObject({ version: '3.0.0', committed: false, breaking: true, previousVersion: '2.2.0', path: COMMERCE });
      expect(json.versions[0].commit).toBeUndefined();
      expect(mesh(['changelog', 'sales-orders']).stdout).toMatch(/^3\.0\.0 {2}not committed yet {2}breaking/m);
    } finally {
      writeFileSync(file, before);
    }
  });

  it('refuses an unknown contract, a missing contracts folder and an unknown format (exit 2)', () => {
    expect(mesh(['changelog', 'sales-invoices'])).toMatchObject({ code: 2, stderr: expect.stringContaining('no contract with the id or file "sales-invoices"') });
    expect(mesh(['changelog', 'sales-orders', '--contracts', 'nope'])).toMatchObject({ code: 2, stderr: expect.stringContaining('the contracts folder nope does not exist') });
    expect(mesh(['changelog', 'sales-orders', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown format "xml"') });
  });

  it('refuses a contracts folder outside any git repository', () => {
    const bare = mkdtempSync(join(tmpdir(), 'mesh-changelog-nogit-'));
    try {
      mkdirSync(join(bare, 'contracts'));
      expect(mesh(['changelog', 'sales-orders'], bare)).toMatchObject({ code: 2, stderr: expect.stringContaining('is not inside a git repository') });
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe('the site on the same repository', () => {
  it('lists the versions from before the move and marks the breaking ones, as mesh changelog does', () => {
    const { code } = mesh(['site', 'build', '--out', '_site']);
    expect(code).toBe(0);
    const html = readFileSync(join(dir, '_site/contracts/sales-orders.html'), 'utf8');
    const rows = [...html.matchAll(/<tr><th scope="row">([^<]+?)(?: <span[^>]*>current<\/span>)?<\/th><td>(?:<time datetime="([^"]+)">[^<]*<\/time>|—)<\/td><td><span[^>]*>([^<]+)<\/span>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual([
      ['2.2.0', '2024-05-10', 'Breaking'],
      ['2.1.0', '2024-04-10', 'Compatible'],
      ['2.0.0', '2024-03-10', 'Breaking'],
      ['1.1.0', '2024-02-10', 'Compatible'],
      ['1.0.0', '2024-01-10', 'First version'],
    ]);
  });
});
