// The cache file: written atomically next to a .gitignore, read back only under the same key, and
// a missing or corrupt file is an empty cache rather than an error.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintCacheFile, readLintCache, writeLintCache, type LintCacheEntry } from '../../../src/cache/lint-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'mesh-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry: LintCacheEntry = {
  hash: 'abc',
  findings: [{ file: 'contracts/a.odcs.yaml', line: 1, column: 1, rule: 'load/yaml-syntax', severity: 'error', message: 'x' }],
  document: { file: 'contracts/a.odcs.yaml', kind: 'contract', data: { id: 'a' } },
  checks: [],
  policyKey: 'p',
};

describe('lint cache file', () => {
  it('round-trips entries under the same key and keeps the directory out of git', () => {
    const file = lintCacheFile(join(dir, '.mesh-cache'), dir, join(dir, 'contracts'));
    expect(writeLintCache(file, 'k1', new Map([['contracts/a.odcs.yaml', entry]]))).toBe(true);
    expect(readLintCache(file, 'k1').get('contracts/a.odcs.yaml')).toEqual(entry);
    expect(readFileSync(join(dir, '.mesh-cache', '.gitignore'), 'utf8')).toBe('*\n');
    expect(readdirSync(join(dir, '.mesh-cache')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is empty under another key (other tool version, limits or paths)', () => {
    const file = lintCacheFile(join(dir, '.mesh-cache'), dir, join(dir, 'contracts'));
    writeLintCache(file, 'k1', new Map([['contracts/a.odcs.yaml', entry]]));
    expect(readLintCache(file, 'k2').size).toBe(0);
  });

  it('is empty when the file is missing, truncated or not a cache', () => {
    expect(readLintCache(join(dir, 'nope.json'), 'k').size).toBe(0);
    const bad = join(dir, 'bad.json');
    for (const text of ['{"format":1,', '[]', '{"format":1,"key":"k","entries":null}', '\u0000\u0001']) {
      writeFileSync(bad, text);
      expect(readLintCache(bad, 'k').size).toBe(0);
    }
  });

  it('gives each contracts directory its own file', () => {
    expect(lintCacheFile('/c', '/repo', '/repo/contracts')).not.toBe(lintCacheFile('/c', '/repo', '/repo/other'));
    expect(existsSync(dir)).toBe(true);
  });
});
