// `$ref` resolution: local files inside the repository only, every problem reported at the `$ref`.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFile, loadText } from '../../../src/load/load-files.js';
import type { LoadOptions } from '../../../src/load/options.js';

const root = fileURLToPath(new URL('../../fixtures/load/refs/', import.meta.url));
const sales = path.join(root, 'contracts', 'sales');
const options: LoadOptions = { root, cwd: root };

const load = (name: string) => loadFile(path.join(sales, name), options);

describe('$ref resolution', () => {
  it('resolves references into a shared fragment, internal pointers and chained fragment refs', async () => {
    const { document, findings } = await load('valid.odcs.yaml');
    expect(findings).toEqual([]);
    expect(document?.data.team).toEqual({
      name: 'sales-team',
      members: [
        { username: 'alice', role: 'owner' },
        { username: 'bob', role: 'data engineer' },
      ],
    });
    const schema = document?.data.schema as { quality: unknown; properties: unknown[] }[];
    expect(schema[0].quality).toEqual([{ type: 'library', metric: 'nullValues', mustBe: 0 }]);
    expect(schema[0].properties[0]).toEqual({ name: 'order_id', logicalType: 'string' });
  });

  it('gives every document its own copy of a shared fragment, and sees a fragment edited on disk', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mesh-refs-memo-'));
    mkdirSync(path.join(dir, 'contracts', '_shared'), { recursive: true });
    const fragment = path.join(dir, 'contracts', '_shared', 'columns.yaml');
    writeFileSync(fragment, 'created_at: { name: created_at, logicalType: timestamp }\n');
    const doc = (name: string) => {
      const file = path.join(dir, 'contracts', `${name}.odcs.yaml`);
      writeFileSync(file, `id: ${name}\nschema:\n  - name: t\n    properties:\n      - $ref: "_shared/columns.yaml#/created_at"\n`);
      return () => loadFile(file, { root: dir, cwd: dir });
    };
    const columnOf = (loaded: Awaited<ReturnType<typeof loadFile>>) => (loaded.document?.data.schema as { properties: Record<string, unknown>[] }[])[0].properties[0];
    const [a, b] = [doc('a'), doc('b')];
    const first = columnOf(await a());
    const second = columnOf(await b());
    expect(second).toEqual({ name: 'created_at', logicalType: 'timestamp' });
    first.logicalType = 'changed by a consumer of a';
    expect(second.logicalType).toBe('timestamp');
    second.logicalType = 'changed by a consumer of b';
    expect(columnOf(await b()).logicalType).toBe('timestamp');
    expect(columnOf(await a()).logicalType).toBe('timestamp');

    writeFileSync(fragment, 'created_at: { name: created_at, logicalType: date, description: now a date }\n');
    expect(columnOf(await a())).toEqual({ name: 'created_at', logicalType: 'date', description: 'now a date' });
  });

  it('refuses an http URL (ref/remote) at the position of the $ref', async () => {
    const { document, findings } = await load('remote.yaml');
    expect(findings).toEqual([expect.objectContaining({ file: 'contracts/sales/remote.yaml', rule: 'ref/remote', line: 3, column: 3 })]);
    // The document is still returned, with the refused reference left in place.
    expect(document?.data.team).toEqual({ $ref: 'https://example.com/team.yaml#/team' });
  });

  it('refuses an absolute path (ref/outside-repo)', async () => {
    const { findings } = await load('absolute.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/outside-repo', line: 3, column: 3 })]);
    expect(findings[0].message).toContain('absolute path');
  });

  it('refuses a relative path that leaves the repository root with ..', async () => {
    const { findings } = await load('escape.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/outside-repo', line: 3, column: 3 })]);
    expect(findings[0].message).toContain('leaves the repository root');
  });

  it('refuses a symbolic link whose real path is outside the root', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'mesh-refs-'));
    const repo = path.join(tmp, 'repo');
    mkdirSync(path.join(repo, 'contracts', '_shared'), { recursive: true });
    writeFileSync(path.join(tmp, 'secret.yaml'), 'team:\n  name: stolen\n');
    symlinkSync(path.join(tmp, 'secret.yaml'), path.join(repo, 'contracts', '_shared', 'team.yaml'));
    const contract = path.join(repo, 'contracts', 'orders.yaml');
    writeFileSync(contract, 'apiVersion: v3.1.0\nteam:\n  $ref: ./_shared/team.yaml#/team\n');
    const { document, findings } = await loadFile(contract, { root: repo, cwd: repo });
    expect(findings).toEqual([expect.objectContaining({ file: 'contracts/orders.yaml', rule: 'ref/outside-repo', line: 3, column: 3 })]);
    expect(findings[0].message).toContain('symbolic link');
    expect(document?.data.team).toEqual({ $ref: './_shared/team.yaml#/team' });
  });

  it('follows a symbolic link that stays inside the root', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'mesh-refs-'));
    mkdirSync(path.join(repo, 'shared'));
    writeFileSync(path.join(repo, 'shared', 'real.yaml'), 'team:\n  name: ok\n');
    symlinkSync(path.join(repo, 'shared', 'real.yaml'), path.join(repo, 'shared', 'link.yaml'));
    const contract = path.join(repo, 'c.yaml');
    writeFileSync(contract, 'team:\n  $ref: ./shared/link.yaml#/team\n');
    const { document, findings } = await loadFile(contract, { root: repo, cwd: repo });
    expect(findings).toEqual([]);
    expect(document?.data.team).toEqual({ name: 'ok' });
  });

  it('reports a missing file (ref/not-found)', async () => {
    const { findings } = await load('missing-file.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/not-found', line: 3, column: 3 })]);
    expect(findings[0].message).toContain('contracts/_shared/no-such-file.yaml does not exist');
  });

  it('reports a JSON pointer that names nothing (ref/not-found)', async () => {
    const { findings } = await load('missing-pointer.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/not-found', line: 3, column: 3 })]);
    expect(findings[0].message).toContain('has nothing at #/owners');
  });

  it('reports a reference to itself as a cycle', async () => {
    const { findings } = await load('cycle-self.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/cycle', line: 3, column: 3 })]);
  });

  it('reports a cycle across two files (a -> b -> a)', async () => {
    const { findings } = await load('cycle-a.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/cycle', line: 3, column: 3 })]);
    expect(findings[0].message).toContain('contracts/sales/cycle-b.yaml#/team');
    expect(findings[0].message).toContain('contracts/sales/cycle-a.yaml#/team');
  });

  it('reports a $ref that is not a string (ref/invalid)', async () => {
    const { findings } = await load('not-a-string.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/invalid', line: 3, column: 3 })]);
  });

  it('reports a forbidden reference inside a fragment at the $ref that pulled it in, naming the fragment line', async () => {
    const { findings } = await load('nested-remote.yaml');
    expect(findings).toEqual([expect.objectContaining({ file: 'contracts/sales/nested-remote.yaml', rule: 'ref/remote', line: 3, column: 3 })]);
    expect(findings[0].message).toContain('contracts/_shared/remote-chain.yaml:2:3');
  });

  it('resolves references of content that is not on disk relative to its absPath', async () => {
    const text = 'apiVersion: v3.1.0\nteam:\n  $ref: ../_shared/team.yaml#/team\n';
    const { document, findings } = await loadText(text, { absPath: path.join(sales, 'from-git.yaml'), file: 'from-git.yaml' }, options);
    expect(findings).toEqual([]);
    expect((document?.data.team as { name: string }).name).toBe('sales-team');
  });

  it('resolves the good references of a document even when another one is refused', async () => {
    const text = 'team:\n  $ref: ../_shared/team.yaml#/team\nother:\n  $ref: http://example.com/x\n';
    const { document, findings } = await loadText(text, { absPath: path.join(sales, 'mixed.yaml'), file: 'mixed.yaml' }, options);
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/remote', line: 4, column: 3 })]);
    expect((document?.data.team as { name: string }).name).toBe('sales-team');
    expect(document?.data.other).toEqual({ $ref: 'http://example.com/x' });
  });

  it('merges sibling keys over the referenced mapping', async () => {
    const text = 'team:\n  $ref: ../_shared/team.yaml#/team\n  name: overridden\n';
    const { document, findings } = await loadText(text, { absPath: path.join(sales, 'merge.yaml'), file: 'merge.yaml' }, options);
    expect(findings).toEqual([]);
    expect(document?.data.team).toMatchObject({ name: 'overridden', members: expect.any(Array) });
  });

  it('refuses a file: URL like any other URL', async () => {
    const text = 'team:\n  $ref: file:///etc/passwd\n';
    const { findings } = await loadText(text, { absPath: path.join(sales, 'f.yaml'), file: 'f.yaml' }, options);
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/remote', line: 2, column: 3 })]);
  });

  it('reports a fragment with its own YAML problem as ref/invalid, naming the fragment position', async () => {
    const text = 'team:\n  $ref: ../_shared/broken.yaml#/team\n';
    const { findings } = await loadText(text, { absPath: path.join(sales, 'b.yaml'), file: 'b.yaml' }, options);
    expect(findings).toEqual([expect.objectContaining({ rule: 'ref/invalid', line: 2, column: 3 })]);
    expect(findings[0].message).toContain('contracts/_shared/broken.yaml:3:3 duplicate key "name"');
  });
});
