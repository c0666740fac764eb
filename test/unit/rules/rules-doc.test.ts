// docs/rules.md and the registry never drift: same rule ids, and the file is exactly what the
// registry renders (regenerate: node bin/mesh.js rules --format markdown > docs/rules.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/rules/registry.js';
import { renderRulesMarkdown, rulesAsJson } from '../../../src/rules/rules-doc.js';

const docs = readFileSync(path.resolve(import.meta.dirname, '../../../docs/rules.md'), 'utf8');

describe('docs/rules.md', () => {
  it('documents exactly the rules of the registry, in registry order', () => {
    const documented = [...docs.matchAll(/^### (\S+)$/gm)].map((m) => m[1]);
    expect(documented).toEqual(RULES.map((r) => r.id));
  });

  it('is what `mesh rules --format markdown` renders from the registry', () => {
    expect(docs).toBe(renderRulesMarkdown());
  });
});

describe('the rule registry', () => {
  it('has unique ids of the form <area>/<name>', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
  });

  it('gives every rule a severity, a one-line summary and a one-line fix hint', () => {
    for (const rule of RULES) {
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.summary).toMatch(/\S/);
      expect(rule.fix).toMatch(/\S/);
      expect(rule.summary).not.toContain('\n');
      expect(rule.fix).not.toContain('\n');
    }
  });

  it('lists the same rules as JSON', () => {
    expect(rulesAsJson().rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  });
});
