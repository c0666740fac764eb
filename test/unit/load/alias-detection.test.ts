// The loader looks for aliases only in texts that may hold one (a `*` where a node can start), so
// that the common `COUNT(*)` does not cost the shared-object bookkeeping. An alias in any position
// YAML allows must still be noticed: a "billion laughs" is stopped wherever its aliases stand.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../../src/load/parse-yaml.js';
import { limitsOf } from '../../../src/load/options.js';

const limits = { ...limitsOf({ root: '/', cwd: '/' }), maxAliases: 20 };
const parse = (text: string) => parseYaml(text, limits, { requireMapping: true });

/** Nine-fold nesting, three levels deep, with the aliases written as `use` puts them. */
function bomb(use: (alias: string) => string): string {
  const nine = (alias: string) => Array(9).fill(use(alias)).join(',');
  return `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [${nine('*a')}]\nc: &c [${nine('*b')}]\nd: [${nine('*c')}]\n`;
}

describe('alias detection', () => {
  it.each([
    ['after a flow indicator', (a: string) => a],
    ['after a space', (a: string) => ` ${a}`],
    ['in a flow mapping after a quoted key', (a: string) => `{"k":${a}}`],
    ['in a flow mapping after a space', (a: string) => `{k: ${a}}`],
    ['on a line of their own', (a: string) => `\n  ${a}`],
    ['after a tab', (a: string) => `\t${a}`],
  ])('stops a billion laughs with its aliases %s', (_where, use) => {
    const outcome = parse(bomb(use));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => p.rule)).toEqual(['load/alias-limit']);
  });

  it('stops a billion laughs written in block style', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b', ...Array(9).fill('  - *a'), 'c: &c', ...Array(9).fill('  - *b'), 'd:', ...Array(9).fill('  - *c')];
    const outcome = parse(lines.join('\n') + '\n');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.map((p) => p.rule)).toEqual(['load/alias-limit']);
  });

  it('reads a `*` inside a scalar as text, not as an alias', () => {
    const outcome = parse('quality:\n  - query: SELECT COUNT(*) FROM orders\n    note: a*b and 2*3\n');
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.value).toEqual({ quality: [{ query: 'SELECT COUNT(*) FROM orders', note: 'a*b and 2*3' }] });
  });

  it('expands a few ordinary aliases', () => {
    const outcome = parse('base: &base { a: 1 }\ncopy: *base\nlist: [*base]\n');
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.value).toEqual({ base: { a: 1 }, copy: { a: 1 }, list: [{ a: 1 }] });
  });
});
