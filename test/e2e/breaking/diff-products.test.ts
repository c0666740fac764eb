// `mesh diff <old.odps.yaml> <new.odps.yaml>`: two data product files compared like two contracts —
// the output-port rules, the product version verdict, the exit code; mixing a product and a contract
// is a usage error. Runs the built CLI.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const pairs = join('test', 'fixtures', 'breaking-products');
const mesh = (...args: string[]) => spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), 'diff', ...args], { cwd: repo, encoding: 'utf8' });
const pair = (name: string) => [join(pairs, name, 'old.odps.yaml'), join(pairs, name, 'new.odps.yaml')];

describe('mesh diff on two data products', () => {
  it('an unbumped port removal exits 1 and the JSON keeps the public diff shape, with the product id and the port located', () => {
    const out = mesh(...pair('port-removed-without-bump'), '--format', 'json');
    expect(out.status).toBe(1);
    const json = JSON.parse(out.stdout);
    expect([json.breaking, json.requiredBump, json.oldVersion, json.newVersion, json.versionOk, json.suggestedVersion, json.productId]).toEqual([true, 'major', '1.0.0', '1.1.0', false, '2.0.0', 'sales-orders-product']);
    expect(json.changes.map((c: { rule: string; path: string; line: number }) => [c.rule, c.path, c.line])).toEqual([['breaking/output-port-removed', 'outputPorts[orders-export@1.0.0]', 13]]);
  });

  it('a compatible change exits 0, in text and markdown too', () => {
    const text = mesh(...pair('port-added'));
    expect([text.status, text.stderr]).toEqual([0, '']);
    expect(text.stdout).toContain('data product sales-orders-product 1.0.0 → 1.1.0');
    expect(text.stdout).toContain('1 data product changed: 0 breaking, 0 failing the version check');
    expect(mesh(...pair('port-added'), '--format', 'markdown').stdout).toContain('| `sales-orders-product` | 1.0.0 → 1.1.0 | minor |');
  });

  it('a product and a contract cannot be compared (exit 2)', () => {
    const out = mesh(pair('port-added')[0], join('test', 'fixtures', 'breaking', 'anchors-vs-expanded', 'new.odcs.yaml'));
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('mesh diff compares two contracts or two data products');
  });

  it('two contracts still compare as before', () => {
    const out = mesh(join('test', 'fixtures', 'breaking', 'anchors-vs-expanded', 'old.odcs.yaml'), join('test', 'fixtures', 'breaking', 'anchors-vs-expanded', 'new.odcs.yaml'), '--format', 'json');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ breaking: false, changes: [] });
  });
});
