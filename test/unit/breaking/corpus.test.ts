// The labelled corpus: every pair under test/fixtures/breaking/<case>/ is diffed the way `mesh diff`
// does it (loader with $ref resolution, rules, json-schema-diff cross-check) and must give the
// verdict, the rule ids, the required bump and the version verdict its expected.yaml states.
// Every fixture is also valid ODCS v3.1.0 for the official schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { diffContractsChecked } from '../../../src/breaking/confirm.js';
import type { DiffReport } from '../../../src/breaking/report.js';
import { RULES } from '../../../src/breaking/registry.js';
import { loadFile } from '../../../src/load/load-files.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const corpus = join(repo, 'test', 'fixtures', 'breaking');
const cases = readdirSync(corpus).sort();
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
const validOdcs = ajv.compile(JSON.parse(readFileSync(join(repo, 'schemas', 'odcs', 'odcs-json-schema-v3.1.0.json'), 'utf8')));

interface Expected {
  verdict: 'breaking' | 'dangerous' | 'compatible' | 'unchanged';
  rules: string[];
  requiredBump: DiffReport['requiredBump'];
  versionOk: boolean;
}

async function load(file: string) {
  const loaded = await loadFile(file, { root: repo, cwd: repo });
  expect(loaded.findings).toEqual([]);
  return loaded.document!.data;
}

function verdictOf(report: DiffReport): Expected['verdict'] {
  if (report.breaking) return 'breaking';
  if (report.counts.dangerous > 0) return 'dangerous';
  return report.changes.length > 0 ? 'compatible' : 'unchanged';
}

describe('labelled corpus of old/new contract pairs', () => {
  it('has at least 60 pairs, and every rule but the cross-check appears in some pair', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const used = new Set(cases.flatMap((c) => (yaml.load(readFileSync(join(corpus, c, 'expected.yaml'), 'utf8')) as Expected).rules));
    const lifecycle = ['contract-added', 'contract-removed', 'contract-removed-while-consumed', 'value-set-widened']; // need a missing side, the mesh or a gap in the rules: tested in rule-examples.test.ts (data-product rules: products.test.ts)
    const missing = RULES.filter((r) => r.scope !== 'product').map((r) => r.id.slice('breaking/'.length)).filter((id) => !used.has(id) && !lifecycle.includes(id));
    expect(missing).toEqual([]);
  });

  for (const name of cases) {
    it(`${name}: verdict, rules, bump and version as labelled`, async () => {
      const expected = yaml.load(readFileSync(join(corpus, name, 'expected.yaml'), 'utf8')) as Expected;
      const oldData = await load(join(corpus, name, 'old.odcs.yaml'));
      const newData = await load(join(corpus, name, 'new.odcs.yaml'));
      const report = await diffContractsChecked(oldData, newData, { today: '2025-01-01' });
      const rules = [...new Set(report.changes.map((c) => c.rule.replace(/^breaking\//, '')))].sort();
      expect({ verdict: verdictOf(report), rules, requiredBump: report.requiredBump, versionOk: report.versionOk }).toEqual({
        verdict: expected.verdict,
        rules: [...expected.rules].sort(),
        requiredBump: expected.requiredBump,
        versionOk: expected.versionOk,
      });
      for (const change of report.changes) expect(change.message).toMatch(/`[^`]+`/); // names the path
    });

    it(`${name}: both sides are valid ODCS v3.1.0`, async () => {
      for (const side of ['old.odcs.yaml', 'new.odcs.yaml']) {
        const data = await load(join(corpus, name, side));
        const ok = validOdcs(JSON.parse(JSON.stringify(data)));
        expect(ok ? [] : validOdcs.errors, `${name}/${side}`).toEqual([]);
      }
    });
  }
});
