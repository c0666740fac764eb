// Our verdict must be exactly the official ODCS v3.1.0 JSON Schema's (as the standard's CI runs it:
// Ajv in draft 2019-09 mode, strict off, all errors, ajv-formats), on valid documents and on a
// deterministic corpus of mutants of them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { validateContract } from '../../../src/odcs/validate.js';
import { mutate, type Json } from './mutations.js';
import { yamlDocument } from './yaml-document.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const sharedSchema = join(repo, '..', 'shared', 'odcs', 'odcs-json-schema-v3.1.0.json');
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const oracleFile = existsSync(sharedSchema) ? sharedSchema : join(repo, 'schemas', 'odcs', 'odcs-json-schema-v3.1.0.json');

function freshOracle() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(oracleFile, 'utf8')));
}
const oracle = freshOracle();

function walk(dir: string, match: RegExp, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, match, out);
    else if (match.test(name)) out.push(path);
  }
  return out;
}

const baseFiles = [
  ...walk(join(repo, 'test', 'fixtures', 'odcs', 'valid'), /\.ya?ml$/),
  ...walk(join(repo, 'contracts'), /\.odcs\.ya?ml$/),
];
const bases = baseFiles
  .map((file) => ({ name: relative(repo, file), doc: YAML.parse(readFileSync(file, 'utf8')) as Json }))
  .filter((b) => typeof b.doc === 'object' && b.doc !== null && !Array.isArray(b.doc));

const RAW_AJV_WORDING = /must match|must NOT|must have required|must be equal to one of|must be (string|number|integer|boolean|object|array|null)\b|must pass/;

function check(name: string, doc: Json) {
  const text = YAML.stringify(doc, { aliasDuplicateObjects: false });
  const loaded = yamlDocument(text, `${name}.yaml`, YAML.parse(text) as Record<string, unknown>);
  const findings = validateContract(loaded);
  const officialVerdict = oracle(loaded.data);
  return { loaded, findings, officialVerdict, lines: text.split('\n').length };
}

describe('conformance with the official ODCS v3.1.0 schema', () => {
  it('has valid fixtures to start from', () => {
    expect(bases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(baseFiles.map((f) => [relative(repo, f)]))('accepts %s exactly when the official schema does', (file) => {
    const text = readFileSync(join(repo, file), 'utf8');
    const loaded = yamlDocument(text, file);
    expect(validateContract(loaded).length === 0).toBe(oracle(loaded.data));
  });

  const mutants = mutate(bases, 700, 20240531);
  const results = mutants.map((m) => ({ name: m.name, ...check(m.name, m.doc) }));

  it('generates a corpus of at least 500 documents with both verdicts well represented', () => {
    const invalid = results.filter((r) => !r.officialVerdict).length;
    expect(results.length).toBeGreaterThanOrEqual(500);
    expect(invalid).toBeGreaterThan(300);
    expect(results.length - invalid).toBeGreaterThan(20);
  });

  it('agrees with the official schema on every mutated document', () => {
    const disagreements = results
      .filter((r) => (r.findings.length === 0) !== r.officialVerdict)
      .map((r) => `${r.name}: official ${r.officialVerdict ? 'accepts' : 'rejects'}, we ${r.findings.length ? 'reject' : 'accept'}`);
    expect(disagreements).toEqual([]);
  });

  it('reports every rejected document with positioned, human findings', () => {
    const bad: string[] = [];
    for (const r of results.filter((x) => !x.officialVerdict)) {
      if (r.findings.length === 0) bad.push(`${r.name}: no finding`);
      for (const f of r.findings) {
        if (f.line < 1 || f.line > r.lines || f.column < 1) bad.push(`${r.name}: position ${f.line}:${f.column} outside the file`);
        if (RAW_AJV_WORDING.test(f.message)) bad.push(`${r.name}: raw Ajv wording in "${f.message}"`);
        if (!['odcs/schema', 'odcs/api-version'].includes(f.rule)) bad.push(`${r.name}: rule ${f.rule}`);
        if (f.file !== r.loaded.file) bad.push(`${r.name}: file ${f.file}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('uses a fresh compile of the official file as oracle, not our precompiled code', () => {
    expect(oracle).not.toBe(freshOracle());
    expect(oracleFile).toMatch(/odcs-json-schema-v3\.1\.0\.json$/);
  });
});
