// CODEOWNERS with GitHub semantics, on a real CODEOWNERS file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ownersOf, parseCodeowners } from '../../../src/ownership/codeowners.js';

const file = fileURLToPath(new URL('../../fixtures/ownership/CODEOWNERS', import.meta.url));
const codeowners = parseCodeowners(readFileSync(file, 'utf8'), 'CODEOWNERS');
const owners = (p: string) => ownersOf(codeowners, p).owners;

describe('parseCodeowners', () => {
  it('skips comments and blank lines and keeps the line number of every rule', () => {
    expect(codeowners.rules[0]).toEqual({ pattern: '*', owners: ['@acme/platform'], line: 2 });
    expect(codeowners.rules.map((r) => r.pattern)).not.toContain('#');
  });

  it('keeps several owners, including e-mail addresses', () => {
    expect(owners('contracts/finance/ledger.odcs.yaml')).toEqual(['@acme/finance', 'jane@example.com']);
  });

  it('drops a trailing comment but keeps an escaped # in the pattern', () => {
    const rule = codeowners.rules.find((r) => r.pattern.includes('ideas'));
    expect(rule).toMatchObject({ pattern: '/notes/\\#ideas.md', owners: ['@acme/notes'] });
    expect(owners('notes/#ideas.md')).toEqual(['@acme/notes']);
  });

  it('reports invalid lines with their line numbers and skips them', () => {
    expect(codeowners.errors.map((e) => e.line)).toEqual([29, 30, 31, 32]);
    expect(codeowners.errors[0].message).toContain('negation');
    expect(codeowners.errors[1].message).toContain('character range');
    expect(codeowners.errors[2].message).toContain('"not-an-owner"');
    expect(codeowners.errors[3].message).toContain('starts with an owner');
    // The skipped rules do not apply: the default owners stay.
    expect(owners('contracts/legacy/a.odcs.yaml')).toEqual(['@acme/platform']);
    expect(owners('contracts/marketing/a.odcs.yaml')).toEqual(['@acme/platform']);
  });
});

describe('ownersOf', () => {
  it('gives "*" owners to every file not matched later', () => {
    expect(owners('README.md')).toEqual(['@acme/platform']);
    expect(owners('src/deep/nested/file.ts')).toEqual(['@acme/platform']);
  });

  it('lets the last matching rule win', () => {
    expect(owners('src/app.js')).toEqual(['@acme/frontend']);
    expect(owners('contracts/sales/app.js')).toEqual(['@acme/sales-js']);
    expect(ownersOf(codeowners, 'contracts/sales/app.js').rule?.line).toBe(26);
  });

  it('anchors a pattern with a leading slash at the repository root', () => {
    expect(owners('contracts/sales/orders.odcs.yaml')).toEqual(['@acme/sales']);
    expect(owners('contracts/sales/sub/deep.yaml')).toEqual(['@acme/sales']);
    expect(owners('archive/contracts/sales/orders.odcs.yaml')).toEqual(['@acme/platform']);
  });

  it('anchors a pattern with a slash in the middle, and matches files below a named directory', () => {
    expect(owners('contracts/finance/_drafts/x.yaml')).toEqual(['@acme/finance-drafts']);
    expect(owners('other/contracts/finance/_drafts/x.yaml')).toEqual(['@acme/platform']);
  });

  it('matches "docs/*" for direct children only, not nested files', () => {
    expect(owners('docs/loading.md')).toEqual(['@acme/docs']);
    expect(owners('docs/guides/setup.md')).toEqual(['@acme/platform']);
  });

  it('matches a directory pattern with a trailing slash at any depth, but not a file of that name', () => {
    expect(owners('build/out.txt')).toEqual(['@acme/build']);
    // A later rule still wins inside the directory:
    expect(owners('build/out.js')).toEqual(['@acme/frontend']);
    expect(owners('packages/web/build/index.html')).toEqual(['@acme/build']);
    expect(owners('tools/build')).toEqual(['@acme/platform']);
  });

  it('matches "**" across any number of directories', () => {
    expect(owners('logs/today.txt')).toEqual(['@acme/ops']);
    expect(owners('a/b/c/logs/today.txt')).toEqual(['@acme/ops']);
    expect(owners('scripts/release.sh')).toEqual(['@acme/tooling']);
    expect(owners('scripts/ci/deep/run.sh')).toEqual(['@acme/tooling']);
    expect(owners('scripts/ci/run.py')).toEqual(['@acme/platform']);
  });

  it('un-owns the files matched by a rule without owners', () => {
    const result = ownersOf(codeowners, 'contracts/generated/x.odcs.yaml');
    expect(result.owners).toEqual([]);
    expect(result.rule?.line).toBe(20);
  });

  it('is case-sensitive and accepts ./ or / before the path', () => {
    expect(owners('Contracts/Sales/orders.yaml')).toEqual(['@acme/platform']);
    expect(owners('./contracts/sales/orders.yaml')).toEqual(['@acme/sales']);
    expect(owners('/contracts/sales/orders.yaml')).toEqual(['@acme/sales']);
  });

  it('returns no owners and no rule when nothing matches', () => {
    const empty = parseCodeowners('/only/this @x\n', 'CODEOWNERS');
    expect(ownersOf(empty, 'other/file')).toEqual({ owners: [] });
  });

  it('treats "?" as one character of a segment and escapes regular-expression characters', () => {
    const co = parseCodeowners('/data/file?.csv @x\n/a+b(c).yaml @y\n', 'CODEOWNERS');
    expect(ownersOf(co, 'data/file1.csv').owners).toEqual(['@x']);
    expect(ownersOf(co, 'data/file12.csv').owners).toEqual([]);
    expect(ownersOf(co, 'a+b(c).yaml').owners).toEqual(['@y']);
    expect(ownersOf(co, 'aab(c).yaml').owners).toEqual([]);
  });
});
