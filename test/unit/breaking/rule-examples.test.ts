// Every rule's documented example pair (docs/breaking-rules.md) triggers exactly that rule, at its
// default severity, and is valid ODCS v3.1.0.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { diffContractsChecked } from '../../../src/breaking/confirm.js';
import { exampleContract, exampleProduct } from '../../../src/breaking/examples.js';
import { diffProducts } from '../../../src/breaking/products.js';
import { RULES } from '../../../src/breaking/registry.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validOdcs = ajv.compile(JSON.parse(readFileSync(join(repo, 'schemas', 'odcs', 'odcs-json-schema-v3.1.0.json'), 'utf8')));
const validOdps = ajv.compile(JSON.parse(readFileSync(join(repo, 'schemas', 'odps.schema.json'), 'utf8')));

describe('documented rule examples', () => {
  it('rule ids are unique, stable-looking and documented', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^breaking\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.summary.length).toBeGreaterThan(10);
    }
  });

  for (const rule of RULES.filter((r) => r.scope === 'product')) {
    it(`${rule.id}: its data-product example pair triggers exactly this rule, at severity ${rule.severity}`, () => {
      const consumers = rule.docs.consumers ?? [];
      const report = diffProducts(exampleProduct(rule.docs.old), exampleProduct(rule.docs.new), { consumersOf: () => consumers, domain: rule.docs.domain });
      expect(report.changes.map((c) => c.rule)).toEqual(report.changes.map(() => rule.id));
      expect(report.changes.length).toBeGreaterThan(0);
      for (const c of report.changes) expect(c.severity).toBe(rule.severity);
    });

    it(`${rule.id}: both sides of its example are valid ODPS v1.0.0`, () => {
      for (const side of [rule.docs.old, rule.docs.new]) {
        const data = exampleProduct(side);
        if (!data) continue;
        const ok = validOdps(data);
        expect(ok ? [] : validOdps.errors).toEqual([]);
      }
    });
  }

  for (const rule of RULES.filter((r) => r.scope !== 'product')) {
    it(`${rule.id}: its example pair triggers exactly this rule, at severity ${rule.severity}`, async () => {
      const oldData = exampleContract(rule.docs.old);
      const newData = exampleContract(rule.docs.new);
      const report = await diffContractsChecked(oldData, newData, { consumers: rule.docs.consumers, domain: rule.docs.domain });
      expect(report.changes.map((c) => c.rule)).toEqual(report.changes.map(() => rule.id));
      expect(report.changes.length).toBeGreaterThan(0);
      for (const c of report.changes) expect(c.severity).toBe(rule.severity);
    });

    it(`${rule.id}: both sides of its example are valid ODCS v3.1.0`, () => {
      for (const side of [rule.docs.old, rule.docs.new]) {
        const data = exampleContract(side);
        if (!data) continue;
        const ok = validOdcs(data);
        expect(ok ? [] : validOdcs.errors).toEqual([]);
      }
    });
  }
});
