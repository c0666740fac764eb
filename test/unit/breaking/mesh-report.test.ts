// What `mesh breaking` and actions/breaking say about a whole change: deleted and unreadable
// contracts, `@` mentions coming from contract text, and consumers in the changed contract's own
// domain. Meshes are built in memory (diffMeshes is pure) and rendered as the PR comment shows them.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { affectedConsumers, breakingOutputs, breakingVerdict, changeFindings, ownersToNotify, sectionMarkdown } from '../../../actions/breaking/src/report.js';
import { diffMeshes, UNREADABLE_RULE, type UnreadableFile } from '../../../src/breaking/diff-meshes.js';
import { formatBreaking, formatBreakingMarkdown, neutraliseMentions, runFails } from '../../../src/breaking/format-report.js';
import type { LoadedDocument } from '../../../src/model/document.js';
import type { Mesh } from '../../../src/model/mesh.js';

const ROOT = path.resolve('/repo');
const ZWJ = '\u200D';

function doc(rel: string, data: Record<string, unknown>): LoadedDocument {
  return { file: rel, absPath: path.join(ROOT, rel), kind: rel.endsWith('.odps.yaml') ? 'product' : 'contract', data, hash: rel, locate: () => ({ line: 1, column: 1 }) };
}

function mesh(docs: LoadedDocument[], codeowners?: string): Mesh {
  const m: Mesh = { root: ROOT, contractsDir: path.join(ROOT, 'contracts'), domains: new Map(), contracts: [], products: [] };
  for (const d of docs) (d.kind === 'product' ? m.products : m.contracts).push(d);
  if (codeowners) m.codeowners = { file: 'CODEOWNERS', absPath: path.join(ROOT, 'CODEOWNERS'), text: codeowners };
  return m;
}

function contract(id: string, version: string, properties: string[], description = 'Orders.'): Record<string, unknown> {
  return {
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id,
    version,
    status: 'active',
    description: { purpose: description },
    schema: [{ id: 'main', name: 'orders', properties: properties.map((p) => ({ id: p, name: p, logicalType: 'string', required: true })) }],
  };
}

function product(id: string, name: string, contractId: string): Record<string, unknown> {
  return { apiVersion: 'v1.0.0', kind: 'DataProduct', id, name, status: 'active', inputPorts: [{ name: 'in', version: '1.0.0', contractId }] };
}

const CODEOWNERS = '/contracts/sales/ @acme/sales-data\n/contracts/marketing/ @acme/marketing-data\n';
const orders = (version: string, properties: string[], description?: string) => doc('contracts/sales/orders.odcs.yaml', contract('sales-orders', version, properties, description));
const marketing = doc('contracts/marketing/c360.odps.yaml', product('marketing-c360', 'Customer 360', 'sales-orders'));
const salesReport = doc('contracts/sales/report.odps.yaml', product('sales-report', 'Sales report', 'sales-orders'));

describe('a deleted contract in the PR comment', () => {
  it('says what to do instead of an empty suggested version', async () => {
    const { run } = await diffMeshes(mesh([orders('1.0.0', ['id']), marketing]), mesh([marketing], CODEOWNERS), { check: false });
    const md = formatBreakingMarkdown(run);
    expect(run.contracts[0].report.lifecycle).toBe('removed');
    expect(md).not.toContain('****');
    expect(md).not.toMatch(/Suggested: \*\*\s*\*\*/);
    expect(md).toContain('Version: a deleted contract cannot be bumped: mark it deprecated, then retired');
  });

  it('still shows the suggested version when there is one', async () => {
    const { run } = await diffMeshes(mesh([orders('1.0.0', ['id', 'amount'])]), mesh([orders('1.0.1', ['id'])]), { check: false });
    expect(formatBreakingMarkdown(run)).toContain('Suggested: **2.0.0**.');
  });
});

describe('@ mentions in the PR comment', () => {
  it('neutralises mentions coming from contract and product text, and keeps the CODEOWNERS teams of consumers', async () => {
    const waived = { ...contract('sales-orders', '1.0.1', ['id']), customProperties: [{ property: 'meshBreakingWaivers', value: [{ rule: 'property-removed', path: '*', reason: 'Agreed with @alice and @acme/everyone.' }] }] };
    const base = mesh([orders('1.0.0', ['id', 'amount']), marketing]);
    const head = mesh([doc('contracts/sales/orders.odcs.yaml', waived), { ...marketing, data: { ...marketing.data, inputPorts: [{ name: '@team-port', version: '1.0.0', contractId: 'sales-orders' }] } }], CODEOWNERS);
    const { run } = await diffMeshes(base, head, { check: false });
    run.problems.push({ file: 'contracts/x.odcs.yaml', line: 1, column: 1, rule: 'load/yaml-syntax', message: 'bad value "@bob"' });
    const md = formatBreakingMarkdown(run);
    expect(md).toContain('waived: Agreed with');
    for (const name of ['alice', 'acme/everyone', 'bob', 'team-port']) {
      expect(md).not.toMatch(new RegExp(`(^|[^\\w${ZWJ}])@${name}`));
      expect(md).toContain(`@${ZWJ}${name}`);
    }
    expect(md).toMatch(/\| @acme\/marketing-data \|/);
  });

  it('leaves e-mail addresses alone and changes nothing else of the text', () => {
    expect(neutraliseMentions('mail data@acme.example, ping @ops')).toBe(`mail data@acme.example, ping @${ZWJ}ops`);
  });

  it('neutralises product ids in the action section and keeps the owners to notify', async () => {
    const base = mesh([orders('1.0.0', ['id', 'amount']), doc('contracts/marketing/c360.odps.yaml', product('@mallory', 'x', 'sales-orders'))]);
    const head = mesh([orders('1.0.1', ['id']), base.products[0]], CODEOWNERS);
    const { run } = await diffMeshes(base, head, { check: false });
    const section = sectionMarkdown(run, { maxChars: 30_000 });
    expect(section).toContain(`**Consumers to notify:** @acme/marketing-data (@${ZWJ}mallory).`);
  });
});

describe('a head contract that cannot be read', () => {
  const problem: UnreadableFile = { file: 'contracts/sales/orders.odcs.yaml', line: 4, column: 1, rule: 'load/yaml-syntax', message: 'unexpected end of the stream' };

  it('is reported as unreadable with its own rule, not as deleted, and fails the check', async () => {
    const { run } = await diffMeshes(mesh([orders('1.0.0', ['id']), marketing]), mesh([marketing], CODEOWNERS), { check: false, unreadable: new Map([[problem.file, problem]]) });
    expect(run.contracts).toHaveLength(1);
    const [c] = run.contracts;
    expect(c.report.lifecycle).toBeUndefined();
    expect(c.report.changes.map((x) => x.rule)).toEqual([UNREADABLE_RULE]);
    expect(c.report.changes.map((x) => x.rule)).not.toContain('breaking/contract-removed-while-consumed');
    expect(c.report.unreadable).toEqual(problem);
    expect(c.report.consumers?.map((x) => x.product)).toEqual(['marketing-c360']);
    expect(runFails(run)).toBe(true);
    const md = formatBreakingMarkdown(run);
    expect(md).toContain('1.0.0 → unreadable');
    expect(md).not.toContain('deleted');
    const json = JSON.parse(formatBreaking(run, 'json'));
    expect(json.failing).toBe(true);
    expect(json.contracts[0].unreadable.rule).toBe('load/yaml-syntax');
  });

  it('follows a rename to the unreadable file, and a new file that cannot be read is reported too', async () => {
    const moved = { ...problem, file: 'contracts/sales/v2/orders.odcs.yaml' };
    const broken = { ...problem, file: 'contracts/sales/new.odcs.yaml' };
    const { run } = await diffMeshes(mesh([orders('1.0.0', ['id'])]), mesh([]), {
      check: false,
      renames: new Map([['contracts/sales/orders.odcs.yaml', moved.file]]),
      unreadable: new Map([
        [moved.file, moved],
        [broken.file, broken],
      ]),
    });
    expect(run.contracts.map((c) => [c.contractId, c.oldFile, c.newFile, c.report.changes[0].rule])).toEqual([
      ['contracts/sales/new.odcs.yaml', undefined, broken.file, UNREADABLE_RULE],
      ['sales-orders', 'contracts/sales/orders.odcs.yaml', moved.file, UNREADABLE_RULE],
    ]);
    expect(run.contracts.every((c) => c.report.versionStatus === 'invalid')).toBe(true);
  });
});

describe('consumers in the changed contract’s own domain', () => {
  it('are listed as affected consumers, marked as the same domain, but their owners are not asked', async () => {
    const base = mesh([orders('1.0.0', ['id', 'amount']), marketing, salesReport]);
    const head = mesh([orders('1.0.1', ['id']), marketing, salesReport], CODEOWNERS);
    const { run } = await diffMeshes(base, head, { check: false });
    expect(run.contracts[0].report.consumers?.map((x) => x.product).sort()).toEqual(['marketing-c360', 'sales-report']);
    const md = formatBreakingMarkdown(run);
    expect(md).toContain('| `sales-report` | sales |');
    expect(md).toContain(`@${ZWJ}acme/sales-data _(same domain)_`);
    expect(affectedConsumers(run).map((x) => [x.product, x.sameDomain])).toEqual([
      ['marketing-c360', false],
      ['sales-report', true],
    ]);
    expect(ownersToNotify(affectedConsumers(run))).toEqual(['@acme/marketing-data']);
    const outputs = breakingOutputs(run, 'fail');
    expect(outputs.consumers).toBe('marketing-c360 sales-report');
    expect(outputs['consumer-owners']).toBe('@acme/marketing-data');
  });

  it('a contract read only in its own domain asks nobody extra', async () => {
    const base = mesh([orders('1.0.0', ['id', 'amount']), salesReport]);
    const head = mesh([orders('1.0.1', ['id']), salesReport], CODEOWNERS);
    const { run } = await diffMeshes(base, head, { check: false });
    expect(breakingOutputs(run, 'fail')['consumer-owners']).toBe('');
    expect(sectionMarkdown(run, { maxChars: 30_000 })).not.toContain('Consumers to notify');
  });
});

describe('data products in the run (what actions/breaking makes of them)', () => {
  const publisher = (version: string, ports: { name: string; contractId: string; type: string }[]) =>
    doc('contracts/sales/orders.odps.yaml', { apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'sales-orders-product', version, status: 'active', outputPorts: ports.map((p) => ({ version: '1.0.0', ...p })) });
  const ports = [
    { name: 'orders', contractId: 'sales-orders', type: 'snowflake' },
    { name: 'orders-export', contractId: 'sales-orders-export', type: 's3' },
  ];
  const exportReader = doc('contracts/marketing/c360.odps.yaml', product('marketing-c360', 'Customer 360', 'sales-orders-export'));

  it('an unbumped port removal fails the run; outputs, annotations and the comment name the product, its version and its readers', async () => {
    const base = mesh([publisher('1.0.0', ports), exportReader, salesReport]);
    const head = mesh([publisher('1.1.0', ports.slice(0, 1)), exportReader, salesReport], CODEOWNERS);
    const { run } = await diffMeshes(base, head, { check: false });
    expect(run.contracts).toEqual([]);
    expect(run.products?.map((p) => [p.productId, p.report.changes.map((c) => c.rule)])).toEqual([['sales-orders-product', ['breaking/output-port-removed']]]);
    expect(runFails(run)).toBe(true);
    const outputs = breakingOutputs(run, 'fail');
    expect([outputs.failing, outputs['changed-products'], outputs['required-bump'], outputs['suggested-versions'], outputs.consumers, outputs['consumer-owners']]).toEqual([
      'sales-orders-product',
      1,
      'major',
      '{"sales-orders-product":"2.0.0"}',
      'marketing-c360',
      '@acme/marketing-data',
    ]);
    expect(affectedConsumers(run)).toMatchObject([{ product: 'marketing-c360', contractId: 'sales-orders-export', productId: 'sales-orders-product', sameDomain: false }]);
    const findings = changeFindings(run, () => undefined);
    expect(findings.map((f) => [f.rule, f.severity, f.message.split(':')[0]])).toEqual([
      ['breaking/output-port-removed', 'error', 'data product sales-orders-product'],
      ['breaking/version-check', 'error', 'data product sales-orders-product'],
    ]);
    expect(findings[1].fix).toBe('set version: 2.0.0');
    const section = sectionMarkdown(run, { maxChars: 30_000 });
    expect(section).toContain('**❌ 1 data product with breaking changes');
    expect(section).toContain('| `marketing-c360` | marketing | in | `sales-orders-export` | 1.0.0 | @acme/marketing-data |');
    expect(section).toContain('**Consumers to notify:** @acme/marketing-data (marketing-c360).');
  });

  it('with the major bump the run passes with a warning, and an identical product is not listed', async () => {
    const base = mesh([publisher('1.0.0', ports), exportReader]);
    const head = mesh([publisher('2.0.0', ports.slice(0, 1)), exportReader], CODEOWNERS);
    const { run } = await diffMeshes(base, head, { check: false });
    expect([runFails(run), breakingVerdict(run, 'unbumped'), breakingVerdict(run, 'breaking')]).toEqual([false, 'warn', 'fail']);
    const same = await diffMeshes(base, mesh([publisher('1.0.0', ports), exportReader]), { check: false });
    expect(same.run.products).toEqual([]);
    expect(JSON.parse(formatBreaking(same.run, 'json')).products).toEqual([]);
  });

  it('a mesh.yaml severity override applies to product rules in the product’s domain', async () => {
    const policy = doc('contracts/mesh.yaml', { apiVersion: 'mesh/v1', kind: 'MeshPolicy', name: 't', breaking: { rules: { 'output-port-removed': 'dangerous' } } });
    const base = mesh([publisher('1.0.0', ports)]);
    const head = mesh([publisher('1.0.0', ports.slice(0, 1))]);
    head.policy = policy;
    const { run } = await diffMeshes(base, head, { check: false });
    expect(run.products?.[0].report.changes.map((c) => [c.severity, c.defaultSeverity])).toEqual([['dangerous', 'breaking']]);
    expect(runFails(run)).toBe(false);
  });
});
