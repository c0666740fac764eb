// Every rule's documented examples really behave as documented: the failing example triggers the
// rule, the passing one is clean (no finding from any rule), and the example mesh itself is clean.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MESH } from '../../../src/rules/example-mesh.js';
import { RULES } from '../../../src/rules/registry.js';
import { lintExample, lintFiles } from './lint-files.js';

describe('rule examples of docs/rules.md', () => {
  it('the example mesh they run in has no findings at all', async () => {
    const { findings, loadFindings } = await lintFiles({ ...EXAMPLE_MESH });
    expect(loadFindings).toEqual([]);
    expect(findings).toEqual([]);
  });

  for (const rule of RULES) {
    it(`${rule.id}: the failing example triggers it, at the rule's default severity`, async () => {
      const { findings, loadFindings } = await lintExample(rule.docs.fail);
      expect(loadFindings).toEqual([]);
      const own = findings.filter((f) => f.rule === rule.id);
      expect(own.length).toBeGreaterThan(0);
      for (const f of own) {
        expect(f.severity).toBe(rule.severity);
        expect(f.message).not.toBe('');
        expect(f.fix).toBeTruthy();
      }
    });

    it(`${rule.id}: the passing example is clean`, async () => {
      const { findings, loadFindings } = await lintExample(rule.docs.pass);
      expect(loadFindings).toEqual([]);
      expect(findings).toEqual([]);
    });
  }
});
