// The versions list: one row per version from the contract's git history, newest first.
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { compareRevisions, type Revision } from '../../../src/changelog.js';
import { versionOfText, versionsOf, type HistoryEntry } from '../../../src/site/changelog.js';

const PATH = 'contracts/x/x.odcs.yaml';
const doc = (version: string, extra = '') => `apiVersion: v3.1.0\nid: x\nversion: ${version}\n${extra}`;
const at = (commit: string, date: string, text: string, subject = `commit ${commit}`): HistoryEntry => ({ commit, date, subject, text, path: PATH });
const working = (text: string): Revision => ({ path: PATH, text });

describe('versionOfText', () => {
  it('reads the top-level version, quoted or not, ignoring nested ones', () => {
    expect(versionOfText('id: a\nversion: "2.0.1" # bump\n')).toBe('2.0.1');
    expect(versionOfText('servers:\n  - version: 9\nversion: 1.0.0\n')).toBe('1.0.0');
    expect(versionOfText('id: a\n')).toBeUndefined();
  });
});

describe('versionsOf', () => {
  const history = [
    at('aaaaaaaaaaaaaaaa', '2024-01-02T10:00:00+01:00', doc('1.0.0'), 'Add contract'),
    at('bbbbbbbbbbbbbbbb', '2024-02-03T10:00:00+01:00', doc('1.0.0', 'tags: [a]'), 'Describe it better'),
    at('cccccccccccccccc', '2024-03-04T10:00:00+01:00', doc('2.0.0', 'schema: []'), 'Drop columns'),
    at('dddddddddddddddd', '2024-04-05T10:00:00+01:00', doc('2.1.0', 'schema: []\ntags: [b]'), 'Add tag'),
  ];

  it('gives one row per version, newest first, dated by the commit that introduced it', async () => {
    const rows = await versionsOf(history, working(doc('2.1.0')));
    expect(rows.map((r) => [r.version, r.date, r.commit, r.subject, r.current])).toEqual([
      ['2.1.0', '2024-04-05', 'dddddddddddd', 'Add tag', true],
      ['2.0.0', '2024-03-04', 'cccccccccccc', 'Drop columns', false],
      ['1.0.0', '2024-01-02', 'aaaaaaaaaaaa', 'Add contract', false],
    ]);
  });

  it('asks the breaking-change check about each version against the last text of the previous one', async () => {
    const calls: [string, string][] = [];
    const rows = await versionsOf(history, working(doc('2.1.0')), (previous, next) => {
      calls.push([previous.text, next.text]);
      return next.text.includes('schema: []') && !previous.text.includes('schema: []');
    });
    expect(rows.map((r) => [r.version, r.breaking, r.breakingLabel])).toEqual([
      ['2.1.0', false, 'Compatible'],
      ['2.0.0', true, 'Breaking'],
      ['1.0.0', undefined, 'First version'],
    ]);
    expect(calls[0]).toEqual([doc('1.0.0', 'tags: [a]'), doc('2.0.0', 'schema: []')]);
  });

  it('says "Not checked" when no breaking-change check is available', async () => {
    expect((await versionsOf(history, working(doc('2.1.0'))))[0].breakingLabel).toBe('Not checked');
  });

  it('adds a version that is not committed yet, without a date', async () => {
    const rows = await versionsOf(history, working(doc('3.0.0')));
    expect(rows[0]).toMatchObject({ version: '3.0.0', date: undefined, subject: 'not committed yet', current: true });
    expect(rows[1].current).toBe(false);
  });

  it('lists the working copy alone when there is no history', async () => {
    expect(await versionsOf([], working(doc('0.1.0')))).toEqual([{ version: '0.1.0', date: undefined, commit: undefined, subject: 'not committed yet', breaking: undefined, breakingLabel: 'First version', current: true }]);
  });

  it('marks a version that removes a property "Breaking" and an additive one "Compatible" with the breaking-change engine', async () => {
    const contract = (version: string, properties: string[]) =>
      `apiVersion: v3.1.0\nkind: DataContract\nid: x\nname: x\nversion: ${version}\nstatus: active\nschema:\n  - name: orders\n    properties:\n${properties.map((p) => `      - name: ${p}\n        logicalType: string\n`).join('')}`;
    const engine = (previous: Revision, next: Revision) => compareRevisions({ ...previous, data: YAML.parse(previous.text) }, { ...next, data: YAML.parse(next.text) }).report?.breaking;
    const rows = await versionsOf(
      [at('a1', '2024-01-01T00:00:00Z', contract('1.0.0', ['id', 'coupon'])), at('b2', '2024-02-01T00:00:00Z', contract('1.1.0', ['id', 'coupon', 'note'])), at('c3', '2024-03-01T00:00:00Z', contract('2.0.0', ['id', 'note']))],
      working(contract('2.0.0', ['id', 'note'])),
      engine,
    );
    expect(rows.map((r) => [r.version, r.breaking, r.breakingLabel])).toEqual([
      ['2.0.0', true, 'Breaking'],
      ['1.1.0', false, 'Compatible'],
      ['1.0.0', undefined, 'First version'],
    ]);
  });
});
