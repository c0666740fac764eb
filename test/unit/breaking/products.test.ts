// Data products (ODPS v1.0.0): output ports compared between base and head. The labelled pairs under
// test/fixtures/breaking-products/<case>/ give the verdict, rule ids, required bump and version
// verdict of the product; the lifecycle rules (a product file added or deleted) need the consumers
// of the mesh and are specified here with failing and passing pairs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { exampleProduct } from '../../../src/breaking/examples.js';
import { diffProducts } from '../../../src/breaking/products.js';
import { pairPorts, outputPorts } from '../../../src/breaking/ports.js';
import { RULES } from '../../../src/breaking/registry.js';
import type { Consumer, DiffReport } from '../../../src/breaking/report.js';
import { root } from '../../../src/breaking/nodes.js';
import { loadFile } from '../../../src/load/load-files.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const corpus = join(repo, 'test', 'fixtures', 'breaking-products');
const cases = readdirSync(corpus).sort();
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validOdps = ajv.compile(JSON.parse(readFileSync(join(repo, 'schemas', 'odps.schema.json'), 'utf8')));

interface Expected {
  verdict: 'breaking' | 'dangerous' | 'compatible' | 'unchanged';
  rules: string[];
  requiredBump: DiffReport['requiredBump'];
  versionOk: boolean;
  suggestedVersion: string;
}

async function load(file: string) {
  const loaded = await loadFile(file, { root: repo, cwd: repo });
  expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return loaded.document!.data;
}

function verdictOf(report: DiffReport): Expected['verdict'] {
  if (report.breaking) return 'breaking';
  if (report.counts.dangerous > 0) return 'dangerous';
  return report.changes.filter((c) => !c.waived).length > 0 || report.counts.waived > 0 ? 'compatible' : 'unchanged';
}

const reader: Consumer = { product: 'marketing-customer-360', domain: 'marketing', port: 'orders', version: '1.0.0', owners: ['@acme/marketing-data'] };
const readersOf = (ids: string[]) => (contractId: string) => (ids.includes(contractId) ? [reader] : []);

describe('labelled data-product pairs', () => {
  it('every data-product rule but the lifecycle ones appears in some pair', () => {
    const used = new Set(cases.flatMap((c) => (yaml.load(readFileSync(join(corpus, c, 'expected.yaml'), 'utf8')) as Expected).rules));
    const lifecycle = ['product-added', 'product-removed', 'product-removed-while-consumed'];
    const missing = RULES.filter((r) => r.scope === 'product')
      .map((r) => r.id.slice('breaking/'.length))
      .filter((id) => !used.has(id) && !lifecycle.includes(id));
    expect(missing).toEqual([]);
  });

  for (const name of cases) {
    it(`${name}: verdict, rules, bump and version as labelled`, async () => {
      const expected = yaml.load(readFileSync(join(corpus, name, 'expected.yaml'), 'utf8')) as Expected;
      const report = diffProducts(await load(join(corpus, name, 'old.odps.yaml')), await load(join(corpus, name, 'new.odps.yaml')), { today: '2026-01-01' });
      const rules = [...new Set(report.changes.map((c) => c.rule.replace(/^breaking\//, '')))].sort();
      expect({ verdict: verdictOf(report), rules, requiredBump: report.requiredBump, versionOk: report.versionOk, suggestedVersion: report.suggestedVersion }).toEqual({
        verdict: expected.verdict,
        rules: [...expected.rules].sort(),
        requiredBump: expected.requiredBump,
        versionOk: expected.versionOk,
        suggestedVersion: expected.suggestedVersion,
      });
      for (const change of report.changes) expect(change.message).toMatch(/`[^`]+`|"[^"]+"/);
    });

    it(`${name}: both sides are valid ODPS v1.0.0`, async () => {
      for (const side of ['old.odps.yaml', 'new.odps.yaml']) {
        const data = await load(join(corpus, name, side));
        const ok = validOdps(JSON.parse(JSON.stringify(data)));
        expect(ok ? [] : validOdps.errors, `${name}/${side}`).toEqual([]);
      }
    });
  }
});

const ORDERS = `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake`;

describe('output ports', () => {
  it('are paired by name and version, then by name alone when each side has one port of that name', () => {
    const oldP = outputPorts(root(exampleProduct(`outputPorts: [{name: a, version: 1.0.0}, {name: b, version: 1.0.0}, {name: b, version: 2.0.0}]`)!));
    const newP = outputPorts(root(exampleProduct(`outputPorts: [{name: a, version: 1.1.0}, {name: b, version: 2.0.0}, {name: c, version: 1.0.0}]`)!));
    const m = pairPorts(oldP, newP);
    expect(m.pairs.map((p) => [p.old.path, p.new.path])).toEqual([
      ['outputPorts[b@2.0.0]', 'outputPorts[b@2.0.0]'],
      ['outputPorts[a@1.0.0]', 'outputPorts[a@1.1.0]'],
    ]);
    expect(m.removed.map((n) => n.path)).toEqual(['outputPorts[b@1.0.0]']);
    expect(m.added.map((n) => n.path)).toEqual(['outputPorts[c@1.0.0]']);
  });

  it('a removed port names the products reading its contract, and the product report lists them as consumers', () => {
    const report = diffProducts(exampleProduct(ORDERS), exampleProduct('outputPorts: []'), { consumersOf: readersOf(['sales-orders']) });
    expect(report.changes.map((c) => [c.rule, c.severity, c.path])).toEqual([['breaking/output-port-removed', 'breaking', 'outputPorts[orders@1.0.0]']]);
    expect(report.changes[0].message).toContain('marketing-customer-360 (marketing) read "sales-orders"');
    expect(report.consumers).toEqual([{ ...reader, contractId: 'sales-orders' }]);
    expect(report.productId).toBe('sales-orders-product');
  });

  it('a severity override in mesh.yaml applies to product rules like to contract rules', () => {
    const report = diffProducts(exampleProduct(ORDERS), exampleProduct('outputPorts: []'), { overrides: { 'output-port-removed': 'dangerous' } });
    expect(report.breaking).toBe(false);
    expect(report.changes[0]).toMatchObject({ severity: 'dangerous', defaultSeverity: 'breaking' });
  });

  it('a PR waiver of a port removal keeps the report from breaking and needs only a minor bump', () => {
    const report = diffProducts(exampleProduct(ORDERS), { ...exampleProduct('outputPorts: []')!, version: '1.1.0' }, { waivers: [{ rule: 'output-port-removed', path: 'outputPorts[orders@1.0.0]', reason: 'moved', source: 'pr' }] });
    expect([report.breaking, report.requiredBump, report.versionOk, report.changes[0].waived?.reason]).toEqual([false, 'minor', true, 'moved']);
  });
});

describe('a data product file added or deleted', () => {
  it('deleted while another product reads a contract only it published: breaking, and no version can fix it', () => {
    const report = diffProducts(exampleProduct(ORDERS), undefined, { consumersOf: readersOf(['sales-orders']), domain: 'sales' });
    expect(report.changes.map((c) => c.rule)).toEqual(['breaking/product-removed-while-consumed']);
    expect([report.breaking, report.lifecycle, report.versionOk, report.suggestedVersion]).toEqual([true, 'removed', false, '']);
    expect(report.versionProblem).toContain('deleted data product');
  });

  it('deleted while another product still publishes the contract its readers read: dangerous only', () => {
    const report = diffProducts(exampleProduct(ORDERS), undefined, { consumersOf: readersOf(['sales-orders']), publishedElsewhere: (id) => id === 'sales-orders' });
    expect(report.changes.map((c) => [c.rule, c.severity])).toEqual([['breaking/product-removed', 'dangerous']]);
    expect(report.versionOk).toBe(true);
  });

  it('deleted with nobody in the mesh reading its contracts: dangerous only', () => {
    const report = diffProducts(exampleProduct(ORDERS), undefined, { consumersOf: readersOf([]) });
    expect(report.changes.map((c) => c.rule)).toEqual(['breaking/product-removed']);
    expect(report.breaking).toBe(false);
  });

  it('added: informational, and its version must be semver', () => {
    const ok = diffProducts(undefined, exampleProduct(ORDERS));
    expect([ok.changes.map((c) => c.rule), ok.lifecycle, ok.versionOk]).toEqual([['breaking/product-added'], 'added', true]);
    const bad = diffProducts(undefined, { ...exampleProduct(ORDERS)!, version: 'v1' });
    expect([bad.versionOk, bad.versionStatus, bad.suggestedVersion]).toEqual([false, 'invalid', '1.0.0']);
  });

  it('a product without a version on either side passes compatible changes but fails a breaking one', () => {
    const noVersion = (fragment: string) => {
      const { version: _v, ...rest } = exampleProduct(fragment)!;
      return rest;
    };
    expect(diffProducts(noVersion(ORDERS), noVersion(`${ORDERS}\n    description: Orders.`)).versionOk).toBe(true);
    const breaking = diffProducts(noVersion(ORDERS), noVersion('outputPorts: []'));
    expect([breaking.breaking, breaking.versionOk, breaking.versionStatus]).toEqual([true, false, 'invalid']);
  });
});
