// The versions list: one row per version from the contract's git history, newest first.
import { describe, expect, it } from 'vitest';
import { versionOfText, versionsOf, type HistoryEntry } from '../../../src/site/changelog.js';

const doc = (version: string, extra = '') => `apiVersion: v3.1.0\nid: x\nversion: ${version}\n${extra}`;
const at = (commit: string, date: string, text: string, subject = `commit ${commit}`): HistoryEntry => ({ commit, date, subject, text });

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

  it('gives one row per version, newest first, dated by the commit that introduced it', () => {
    const rows = versionsOf(history, doc('2.1.0'));
    expect(rows.map((r) => [r.version, r.date, r.commit, r.subject, r.current])).toEqual([
      ['2.1.0', '2024-04-05', 'dddddddddddd', 'Add tag', true],
      ['2.0.0', '2024-03-04', 'cccccccccccc', 'Drop columns', false],
      ['1.0.0', '2024-01-02', 'aaaaaaaaaaaa', 'Add contract', false],
    ]);
  });

  it('asks the breaking-change check about each version against the last text of the previous one', () => {
    const calls: [string, string][] = [];
    const rows = versionsOf(history, doc('2.1.0'), (previous, next) => {
      calls.push([previous, next]);
      return next.includes('schema: []') && !previous.includes('schema: []');
    });
    expect(rows.map((r) => [r.version, r.breaking, r.breakingLabel])).toEqual([
      ['2.1.0', false, 'Compatible'],
      ['2.0.0', true, 'Breaking'],
      ['1.0.0', undefined, 'First version'],
    ]);
    expect(calls[0]).toEqual([doc('1.0.0', 'tags: [a]'), doc('2.0.0', 'schema: []')]);
  });

  it('says "Not checked" when no breaking-change check is available', () => {
    expect(versionsOf(history, doc('2.1.0'))[0].breakingLabel).toBe('Not checked');
  });

  it('adds a version that is not committed yet, without a date', () => {
    const rows = versionsOf(history, doc('3.0.0'));
    expect(rows[0]).toMatchObject({ version: '3.0.0', date: undefined, subject: 'not committed yet', current: true });
    expect(rows[1].current).toBe(false);
  });

  it('lists the working copy alone when there is no history', () => {
    expect(versionsOf([], doc('0.1.0'))).toEqual([{ version: '0.1.0', date: undefined, commit: undefined, subject: 'not committed yet', breaking: undefined, breakingLabel: 'First version', current: true }]);
  });
});
