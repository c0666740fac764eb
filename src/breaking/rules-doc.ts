// docs/breaking-rules.md, rendered from the registry (a test keeps the file in sync).
import { EXAMPLE_HEADER, PRODUCT_EXAMPLE_HEADER } from './examples.js';
import { RULES } from './registry.js';
import type { BreakingRule } from './rule.js';

const ORDER = { breaking: 0, dangerous: 1, info: 2 } as const;

function fence(text: string, what: string): string {
  return text.trim() === '' ? `_(no ${what}: the file does not exist on this side)_` : '```yaml\n' + text.trim() + '\n```';
}

function header(h: Record<string, string>): string {
  return Object.entries(h).map(([k, v]) => `${k}: ${v}`).join(', ');
}

function bumpOf(rule: BreakingRule): string {
  return rule.severity === 'breaking' ? 'major' : rule.severity === 'dangerous' ? 'minor' : (rule.bump ?? 'patch');
}

export function renderRulesDoc(): string {
  const rules = [...RULES].sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.id.localeCompare(b.id));
  const out: string[] = [
    '# Breaking-change rules',
    '',
    '<!-- Generated from src/breaking/rules/*.ts by src/breaking/rules-doc.ts; test/unit/breaking/rules-doc.test.ts checks it.',
    '     Regenerate: UPDATE_DOCS=1 npx vitest run test/unit/breaking/rules-doc.test.ts -->',
    '',
    `Every rule \`mesh diff\` and \`mesh breaking\` apply, with its stable id, default severity, the version bump it`,
    'needs and an example pair. Severities can be changed in `contracts/mesh.yaml` and tightened in a',
    '`domain.yaml`; single changes can be waived. See [breaking.md](breaking.md) for what the severities mean and how',
    'to configure them.',
    '',
    `Examples are fragments: each is merged into \`${header(EXAMPLE_HEADER)}\`; diffing the`,
    'two sides reports that rule and no other (a test checks it).',
    '',
    'Rules about ODPS data products (`*.odps.yaml`, their output ports) run in `mesh breaking`; their examples are',
    `data-product fragments merged into \`${header(PRODUCT_EXAMPLE_HEADER)}\`.`,
    '',
    '| Rule | Severity | Bump | What it reports |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [\`${r.id}\`](#${r.id.replace('breaking/', '')}) | ${r.severity} | ${bumpOf(r)} | ${r.summary.replace(/\|/g, '\\|')} |`),
    '',
  ];
  for (const r of rules) {
    out.push(`## ${r.id.replace('breaking/', '')}`, '', `\`${r.id}\` — **${r.severity}** (${bumpOf(r)} bump${r.widensValues ? '; lets the new contract accept values the old one rejected' : ''})`, '', r.summary, '');
    if (r.docs.details) out.push(r.docs.details, '');
    const product = r.scope === 'product';
    if (product) out.push('Compares ODPS data products (`mesh breaking`).', '');
    if (r.docs.consumers?.length) out.push(`With the ${product ? 'product' : 'contract'} in domain \`${r.docs.domain ?? '?'}\` and consumers: ${r.docs.consumers.map((c) => `\`${c.product}\` (${c.domain})`).join(', ')}.`, '');
    const what = product ? 'data product' : 'contract';
    out.push('Old:', '', fence(r.docs.old, what), '', 'New:', '', fence(r.docs.new, what), '');
  }
  return out.join('\n');
}
