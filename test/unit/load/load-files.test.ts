// loadFiles (files and directories) and loadMesh (a contracts/ tree plus CODEOWNERS).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/load/load-files.js';
import { findRepoRoot, loadMesh } from '../../../src/load/load-mesh.js';

const fixtures = fileURLToPath(new URL('../../fixtures/load/', import.meta.url));

describe('loadFiles', () => {
  it('recurses into directories for *.yaml and *.yml, skipping node_modules and dot-directories', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mesh-dirs-'));
    cpSync(path.join(fixtures, 'dirs'), dir, { recursive: true });
    mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'pkg', 'skip.yaml'), 'c: 3\n');
    const result = await loadFiles(['.'], { root: dir, cwd: dir });
    expect(result.files).toBe(2);
    expect(result.documents.map((d) => d.file).sort()).toEqual(['one.yaml', 'sub/two.yml']);
    expect(result.findings).toEqual([]);
  });

  it('counts every file, keeps good documents and sorts the findings of bad ones', async () => {
    const bad = path.join(fixtures, 'bad');
    const result = await loadFiles([path.join(bad, 'sequence.yaml'), path.join(bad, 'small-alias.yaml'), path.join(bad, 'empty.yaml')], { root: fixtures, cwd: fixtures });
    expect(result.files).toBe(3);
    expect(result.documents.map((d) => d.file)).toEqual(['bad/small-alias.yaml']);
    expect(result.findings.map((f) => `${f.file}:${f.rule}`)).toEqual(['bad/empty.yaml:load/empty-file', 'bad/sequence.yaml:load/not-a-mapping']);
  });

  it('reports a path that does not exist', async () => {
    const result = await loadFiles(['no/such/dir'], { root: fixtures, cwd: fixtures });
    expect(result.findings).toEqual([expect.objectContaining({ file: 'no/such/dir', rule: 'load/unreadable' })]);
  });

  it('gives each document the sha256 of its bytes', async () => {
    const result = await loadFiles([path.join(fixtures, 'dirs', 'one.yaml')], { root: fixtures, cwd: fixtures });
    // `printf 'a: 1\n' | sha256sum`
    expect(result.documents[0].hash).toBe('37b128c59f1f5097f73f82691cb519f1f568667faab5ced1b4ab979d36837eae');
  });
});

describe('loadMesh', () => {
  it('sorts the documents of a contracts/ tree into policy, domains, contracts and products', async () => {
    const root = path.join(fixtures, 'mesh');
    const { mesh, result } = await loadMesh('contracts', { root, cwd: root });
    expect(mesh.policy?.file).toBe('contracts/mesh.yaml');
    expect([...mesh.domains.keys()].sort()).toEqual(['finance', 'sales']);
    expect(mesh.contracts.map((d) => d.file).sort()).toEqual(['contracts/finance/ledger.odcs.yaml', 'contracts/sales/orders.odcs.yaml']);
    expect(mesh.products.map((d) => d.file)).toEqual(['contracts/finance/revenue.odps.yaml']);
    expect(mesh.contracts.find((d) => d.data.id === 'orders')?.data.team).toEqual({ name: 'sales-team' });
    // broken.odcs.yaml is counted and reported; notes.yaml and _shared/ are not mesh documents.
    expect(result.files).toBe(7);
    expect(result.findings).toEqual([expect.objectContaining({ file: 'contracts/finance/broken.odcs.yaml', rule: 'load/yaml-syntax', line: 4, column: 1 })]);
    expect(result.findings[0].message).toContain('unexpected end of the stream within a flow collection');
  });

  it('reads CODEOWNERS from .github/ before the root, as GitHub does', async () => {
    const root = path.join(fixtures, 'mesh');
    const { mesh } = await loadMesh(path.join(root, 'contracts'), { root, cwd: root });
    expect(mesh.codeowners?.file).toBe('.github/CODEOWNERS');
    expect(mesh.codeowners?.text).toContain('@acme/sales');
  });

  it('reports a contracts directory that does not exist', async () => {
    const { mesh, result } = await loadMesh('nowhere', { root: fixtures, cwd: fixtures });
    expect(mesh.contracts).toEqual([]);
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'load/unreadable', file: 'nowhere' })]);
  });
});

describe('findRepoRoot', () => {
  it('finds the nearest ancestor that contains .git, else returns the start directory', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'mesh-root-'));
    mkdirSync(path.join(tmp, '.git'));
    mkdirSync(path.join(tmp, 'a', 'b'), { recursive: true });
    expect(findRepoRoot(path.join(tmp, 'a', 'b'))).toBe(tmp);
    const bare = mkdtempSync(path.join(os.tmpdir(), 'mesh-noroot-'));
    expect(findRepoRoot(bare)).toBe(bare);
  });
});
