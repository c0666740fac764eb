// The changelog of a contract from its revisions: versions grouped by `version`, each compared with
// the previous one by the breaking-change engine, later commits under the same version, moves,
// revisions that do not load, and the three output formats (JSON checked against its schema).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import {
  buildChangelog,
  CHANGELOG_SCHEMA,
  formatChangelogMarkdown,
  formatChangelogText,
  groupReleases,
  publicChangelog,
  type LoadedRevision,
  type Revision,
} from '../../../src/changelog.js';

const FIXTURES = path.resolve('test/fixtures/changelog');
const SALES = 'contracts/sales/orders.odcs.yaml';
const COMMERCE = 'contracts/commerce/orders.odcs.yaml';

/** A fixture text parsed as the loader would, with the `$ref`'d audit fragment substituted. */
function loaded(revision: Revision, audit = 'audit.yaml'): LoadedRevision {
  const data = YAML.parse(revision.text);
  const fragment = YAML.parse(readFileSync(path.join(FIXTURES, audit), 'utf8')).loaded_at;
  for (const object of data.schema) object.properties = object.properties.map((p: Record<string, unknown>) => (p.$ref ? fragment : p));
  return { ...revision, data };
}

let n = 0;
function committed(fixture: string, author: string, date: string, subject: string, file = SALES): Revision {
  n += 1;
  return { commit: String(n).repeat(40).slice(0, 40), date, author, email: `${author.toLowerCase()}@example.com`, subject, path: file, text: readFileSync(path.join(FIXTURES, fixture), 'utf8') };
}

const history: LoadedRevision[] = [
  loaded(committed('orders-1.0.0.odcs.yaml', 'Ada', '2024-01-10T09:00:00Z', 'Add orders')),
  loaded(committed('orders-1.1.0.odcs.yaml', 'Bob', '2024-02-10T09:00:00Z', 'Add channel')),
  loaded(committed('orders-1.1.0-reworded.odcs.yaml', 'Bob', '2024-02-20T09:00:00Z', 'Reword')),
  loaded(committed('orders-2.0.0.odcs.yaml', 'Cy', '2024-03-10T09:00:00Z', 'Drop coupon')),
  loaded(committed('orders-2.1.0-commerce.odcs.yaml', 'Dee', '2024-04-10T09:00:00Z', 'Move to commerce', COMMERCE)),
];

describe('groupReleases', () => {
  it('starts a version whenever `version` changes and keeps later commits of the same version with it', () => {
    expect(groupReleases(history).map((r) => [r.version, r.revisions.map((x) => x.subject)])).toEqual([
      ['1.0.0', ['Add orders']],
      ['1.1.0', ['Add channel', 'Reword']],
      ['2.0.0', ['Drop coupon']],
      ['2.1.0', ['Move to commerce']],
    ]);
  });

  it('skips revisions without a version and starts a new entry when a version comes back', () => {
    const r = (text: string): Revision => ({ path: SALES, text });
    expect(groupReleases([r('version: 1.0.0\n'), r('id: x\n'), r('version: 2.0.0\n'), r('version: 1.0.0\n')]).map((x) => x.version)).toEqual(['1.0.0', '2.0.0', '1.0.0']);
  });
});

describe('buildChangelog', () => {
  const changelog = buildChangelog({ id: 'sales-orders', path: COMMERCE }, history);

  it('lists versions newest first with the commit, date and author that introduced them', () => {
    expect(changelog.contractId).toBe('sales-orders');
    expect(changelog.path).toBe(COMMERCE);
    expect(changelog.versions.map((v) => [v.version, v.date, v.author, v.subject, v.path])).toEqual([
      ['2.1.0', '2024-04-10T09:00:00Z', 'Dee', 'Move to commerce', COMMERCE],
      ['2.0.0', '2024-03-10T09:00:00Z', 'Cy', 'Drop coupon', SALES],
      ['1.1.0', '2024-02-10T09:00:00Z', 'Bob', 'Add channel', SALES],
      ['1.0.0', '2024-01-10T09:00:00Z', 'Ada', 'Add orders', SALES],
    ]);
  });

  it('marks a removed property with its major bump breaking, additions compatible, and the first version unknown', () => {
    expect(changelog.versions.map((v) => [v.version, v.previousVersion, v.breaking, v.report?.requiredBump, v.report?.versionOk])).toEqual([
      ['2.1.0', '2.0.0', false, 'minor', true],
      ['2.0.0', '1.1.0', true, 'major', true],
      ['1.1.0', '1.0.0', false, 'minor', true],
      ['1.0.0', undefined, undefined, undefined, undefined],
    ]);
    expect(changelog.versions[1].report?.changes.map((c) => [c.rule, c.path])).toEqual([['breaking/property-removed', 'schema[orders].properties[coupon]']]);
  });

  it('compares with the last commit of the previous version, and reports commits that changed a version without a new one', () => {
    const v110 = changelog.versions[2];
    expect(v110.commits.map((c) => c.subject)).toEqual(['Add channel', 'Reword']);
    expect(v110.laterChanges?.changes.map((c) => c.rule)).toEqual(['breaking/contract-metadata-changed']);
    // 2.0.0 is compared with the reworded 1.1.0: the purpose change is not reported again.
    expect(changelog.versions[1].report?.changes.some((c) => c.rule === 'breaking/contract-metadata-changed')).toBe(false);
    expect(changelog.versions[0].laterChanges).toBeUndefined();
  });

  it('says which path a version moved the contract from', () => {
    expect(changelog.versions[0].movedFrom).toBe(SALES);
    expect(changelog.versions[1].movedFrom).toBeUndefined();
  });

  it('flags a breaking change shipped under a minor version', () => {
    const next = loaded(committed('orders-2.2.0-commerce.odcs.yaml', 'Eve', '2024-05-10T09:00:00Z', 'loaded_at optional', COMMERCE), 'audit-optional.yaml');
    const v220 = buildChangelog({ id: 'sales-orders', path: COMMERCE }, [...history, next]).versions[0];
    expect(v220).toMatchObject({ version: '2.2.0', breaking: true, report: { versionOk: false, versionStatus: 'insufficient', suggestedVersion: '3.0.0' } });
    expect(v220.report?.changes.map((c) => c.rule)).toContain('breaking/required-removed');
  });

  it('keeps a version that does not load in the list, with the reason instead of a report', () => {
    const broken: LoadedRevision = { commit: 'f'.repeat(40), date: '2024-05-01T00:00:00Z', author: 'Eve', subject: 'oops', path: COMMERCE, text: 'version: 2.2.0\nschema: [\n', problem: 'YAML syntax error (load/yaml-syntax, line 2)' };
    const top = buildChangelog({ id: 'sales-orders', path: COMMERCE }, [...history, broken]).versions[0];
    expect(top.version).toBe('2.2.0');
    expect(top.breaking).toBeUndefined();
    expect(top.report).toBeUndefined();
    expect(top.problem).toBe(`${COMMERCE} at ffffffffffff does not load: YAML syntax error (load/yaml-syntax, line 2)`);
  });

  it('applies severity overrides from the mesh', () => {
    const relaxed = buildChangelog({ id: 'sales-orders', path: COMMERCE }, history, { overrides: { 'breaking/property-removed': 'info' } });
    expect(relaxed.versions[1]).toMatchObject({ version: '2.0.0', breaking: false });
  });
});

describe('output', () => {
  const working: LoadedRevision = { ...loaded({ path: COMMERCE, text: history[4].text.replace('version: 2.1.0', 'version: 3.0.0').replace(/      - name: channel\n(?:        .*\n)+/, '') }) };
  const changelog = buildChangelog({ id: 'sales-orders', path: COMMERCE }, [...history, working]);
  const ajv = new Ajv2019({ strict: false });

  it('prints JSON that matches its published schema, with the working copy as not committed', () => {
    const json = publicChangelog(changelog) as { versions: Record<string, unknown>[] };
    expect(ajv.validate(CHANGELOG_SCHEMA, json), ajv.errorsText()).toBe(true);
    expect(json.versions[0]).toMatchObject({ version: '3.0.0', committed: false, breaking: true, path: COMMERCE });
    expect(json.versions[0]).not.toHaveProperty('commit');
    expect(json.versions[json.versions.length - 1]).toMatchObject({ version: '1.0.0', breaking: null });
  });

  it('rejects JSON that breaks the schema (a breaking flag that is a string)', () => {
    const json = publicChangelog(changelog) as { versions: Record<string, unknown>[] };
    json.versions[0].breaking = 'yes';
    expect(ajv.validate(CHANGELOG_SCHEMA, json)).toBe(false);
  });

  it('keeps the JSON example of docs/changelog.md valid against the schema', () => {
    const doc = readFileSync('docs/changelog.md', 'utf8');
    const example = /## JSON[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const parsed = JSON.parse(example!);
    expect(ajv.validate(CHANGELOG_SCHEMA, parsed), ajv.errorsText()).toBe(true);
    expect(parsed.versions.map((v: { version: string; breaking: boolean | null }) => [v.version, v.breaking])).toEqual([
      ['2.0.0', true],
      ['1.0.0', null],
    ]);
  });

  it('prints a text line per version with date, author, short commit and verdict', () => {
    const text = formatChangelogText(changelog);
    expect(text.split('\n')[0]).toBe(`sales-orders  ${COMMERCE}  (5 versions)`);
    expect(text).toContain('3.0.0  not committed yet  breaking, with the major bump it needs');
    expect(text).toContain(`2.0.0  2024-03-10  Cy  ${'4'.repeat(12)}  breaking, with the major bump it needs`);
    expect(text).toContain('1.0.0  2024-01-10  Ada');
    expect(text).toContain(`  moved from ${SALES}`);
  });

  it('prints a Markdown table with a breaking yes/no column and a section per version', () => {
    const md = formatChangelogMarkdown(changelog);
    expect(md).toContain('| Version | Date | Author | Commit | Breaking | Summary |');
    expect(md).toContain(`| 2.0.0 | 2024-03-10 | Cy | \`${'4'.repeat(12)}\` | 🔴 yes | Drop coupon |`);
    expect(md).toContain(`| 1.1.0 | 2024-02-10 | Bob | \`${'2'.repeat(12)}\` | no | Add channel |`);
    expect(md).toContain('### 2.0.0 — 2024-03-10');
    expect(md).toContain('| breaking | `property-removed` | `schema[orders].properties[coupon]` |');
  });
});
