// Every bad-input item of the Loading spec: reported as a finding with file, line, column and rule, never thrown.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFile, loadText } from '../../../src/load/load-files.js';
import type { LoadOptions } from '../../../src/load/options.js';

const fixtures = fileURLToPath(new URL('../../fixtures/load/', import.meta.url));
const bad = path.join(fixtures, 'bad');
const options: LoadOptions = { root: fixtures, cwd: fixtures };

async function load(name: string, extra: Partial<LoadOptions> = {}) {
  return loadFile(path.join(bad, name), { ...options, ...extra });
}

describe('loading bad input', () => {
  it('reports a duplicate key at the second occurrence and names the line of the first', async () => {
    const { document, findings } = await load('duplicate-key.yaml');
    expect(document).toBeUndefined();
    expect(findings).toEqual([
      expect.objectContaining({ file: 'bad/duplicate-key.yaml', line: 6, column: 1, rule: 'load/duplicate-key', severity: 'error' }),
    ]);
    expect(findings[0].message).toBe('duplicate key "name" (first defined at line 4): remove one of them');
  });

  it('stops an alias bomb (billion laughs) with load/alias-limit at the first alias', async () => {
    const { document, findings } = await load('alias-bomb.yaml');
    expect(document).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'load/alias-limit', line: 5, column: 8 });
  });

  it('accepts a few ordinary aliases', async () => {
    const { document, findings } = await load('small-alias.yaml');
    expect(findings).toEqual([]);
    expect(document?.data.customer_id).toEqual({ logicalType: 'string', required: true });
  });

  it('reports a file over the size limit without parsing it', async () => {
    const { document, findings } = await load('duplicate-key.yaml', { maxFileBytes: 20 });
    expect(document).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/file-too-large', line: 1, column: 1 })]);
    expect(findings[0].message).toMatch(/over the limit of 20 bytes/);
  });

  it('reports a file over the default limit of 5 MiB', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mesh-load-'));
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, `description: "${'x'.repeat(6 * 1024 * 1024)}"\n`);
    const { findings } = await loadFile(big, { root: dir, cwd: dir });
    expect(findings).toEqual([expect.objectContaining({ file: 'big.yaml', rule: 'load/file-too-large' })]);
    expect(findings[0].message).toContain(`over the limit of ${5 * 1024 * 1024} bytes`);
  });

  it('reports nesting deeper than the limit at the first node that is too deep', async () => {
    const { document, findings } = await load('too-deep.yaml');
    expect(document).toBeUndefined();
    expect(findings).toHaveLength(1);
    // Root mapping is level 1, so the mapping under level63 (line 65) is level 65.
    expect(findings[0]).toMatchObject({ rule: 'load/too-deep', line: 65, column: 127 });
    const relaxed = await load('too-deep.yaml', { maxDepth: 100 });
    expect(relaxed.findings).toEqual([]);
    expect(relaxed.document).toBeDefined();
  });

  it('reports 200,000 nested brackets as too deep instead of overflowing the stack', async () => {
    const { document, findings } = await loadText(`a: ${'['.repeat(200_000)}`, { absPath: path.join(bad, 'x.yaml'), file: 'x.yaml' }, options);
    expect(document).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/too-deep', line: 1 })]);
  });

  it('applies merge keys (<<) of anchored mappings', async () => {
    const { document, findings } = await loadText('base: &b {x: 1, y: 2}\nthing:\n  <<: *b\n  y: 3\n', { absPath: path.join(bad, 'x.yaml'), file: 'x.yaml' }, options);
    expect(findings).toEqual([]);
    expect(document?.data.thing).toEqual({ x: 1, y: 3 });
  });

  it('reports a __proto__ key and leaves Object.prototype untouched', async () => {
    const { document, findings } = await load('proto-key.yaml');
    expect(document).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/forbidden-key', line: 4, column: 3 })]);
    expect(findings[0].message).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports a __proto__ key in an aliased document too (yaml package path)', async () => {
    const { findings } = await loadText('base: &b {x: 1}\nother: *b\n__proto__: {polluted: true}\n', { absPath: path.join(bad, 'x.yaml'), file: 'x.yaml' }, options);
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/forbidden-key', line: 3, column: 1 })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports a constructor key inside a sequence item', async () => {
    const { findings } = await load('constructor-key.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/forbidden-key', line: 5, column: 5 })]);
  });

  it('reports invalid UTF-8 at the line and column of the bad byte', async () => {
    const { document, findings } = await load('invalid-utf8.yaml');
    expect(document).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/invalid-utf8', line: 3, column: 17 })]);
    expect(findings[0].message).toContain('0xe9');
  });

  it.each([
    ['empty.yaml', /empty/],
    ['whitespace-only.yaml', /empty/],
    ['comments-only.yaml', /only comments/],
  ])('reports %s as load/empty-file', async (name, message) => {
    const { document, findings } = await load(name);
    expect(document).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/empty-file', line: 1, column: 1 })]);
    expect(findings[0].message).toMatch(message);
  });

  it.each([
    ['scalar.yaml', 'a string'],
    ['sequence.yaml', 'a sequence'],
  ])('reports %s as load/not-a-mapping', async (name, what) => {
    const { document, findings } = await load(name);
    expect(document).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/not-a-mapping', line: 1, column: 1 })]);
    expect(findings[0].message).toContain(what);
  });

  it('reports a stream of several documents at the start of the second one', async () => {
    const { document, findings } = await load('multi-document.yaml');
    expect(document).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/multiple-documents', line: 4, column: 1 })]);
  });

  it('reports a YAML syntax error with its position', async () => {
    const { document, findings } = await load('bad-indent.yaml');
    expect(document).toBeUndefined();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/yaml-syntax', line: 5, column: 11 })]);
    expect(findings[0].message).toBe('YAML syntax error: bad indentation of a mapping entry');
  });

  it('reports an unterminated quoted string where the stream ends', async () => {
    const { findings } = await load('syntax-error.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/yaml-syntax', line: 6, column: 1 })]);
    expect(findings[0].message).toContain('double quoted scalar');
  });

  it('reports a missing file as load/unreadable instead of throwing', async () => {
    const { findings } = await load('does-not-exist.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/unreadable', file: 'bad/does-not-exist.yaml' })]);
  });

  it('reports a named pipe where a file should be as load/unreadable, without waiting for a writer', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mesh-fifo-'));
    const fifo = path.join(dir, 'pipe.odcs.yaml');
    execFileSync('mkfifo', [fifo]);
    const { document, findings } = await loadFile(fifo, { root: dir, cwd: dir });
    expect(document).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ rule: 'load/unreadable', file: 'pipe.odcs.yaml', message: 'cannot read pipe.odcs.yaml: it is not a regular file' })]);
  });

  it('loads text that is not on disk, with the given file name', async () => {
    const { document, findings } = await loadText('apiVersion: v3.1.0\nkind: DataContract\nid: x\n', { absPath: path.join(fixtures, 'blob.odcs.yaml'), file: 'blob.odcs.yaml' }, options);
    expect(findings).toEqual([]);
    expect(document).toMatchObject({ file: 'blob.odcs.yaml', kind: 'contract', data: { id: 'x' } });
    expect(document?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps dates as strings (YAML 1.2 core schema, like the JSON Schema expects)', async () => {
    const { document } = await loadText('contractCreatedTs: 2024-01-01T00:00:00Z\nday: 2024-01-01\n', { absPath: path.join(fixtures, 'x.yaml'), file: 'x.yaml' }, options);
    expect(document?.data).toEqual({ contractCreatedTs: '2024-01-01T00:00:00Z', day: '2024-01-01' });
  });
});
