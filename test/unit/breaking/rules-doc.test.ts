// docs/breaking-rules.md is generated from the registry and must not drift from it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/breaking/registry.js';
import { renderRulesDoc } from '../../../src/breaking/rules-doc.js';

const file = join(import.meta.dirname, '..', '..', '..', 'docs', 'breaking-rules.md');

describe('docs/breaking-rules.md', () => {
  it('is exactly what the registry renders (regenerate with UPDATE_DOCS=1)', () => {
    const expected = renderRulesDoc();
    if (process.env.UPDATE_DOCS) writeFileSync(file, expected);
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('documents every rule with a section and its example pair', () => {
    const text = readFileSync(file, 'utf8');
    for (const rule of RULES) expect(text).toContain(`## ${rule.id.replace('breaking/', '')}\n\n\`${rule.id}\` — **${rule.severity}**`);
  });
});
