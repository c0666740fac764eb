// docs/rules.md and `mesh rules --format json|markdown`, derived from the registry so the docs and
// the rules cannot drift (test/unit/rules/rules-doc.test.ts compares docs/rules.md with this output).
import { RULES } from './registry.js';
import { EXAMPLE_MESH, exampleChanges } from './example-mesh.js';
import type { Rule, RuleExample } from './rule.js';

export interface RuleSummary {
  id: string;
  severity: string;
  scope: string;
  summary: string;
  fix: string;
}

export function rulesAsJson(): { rules: RuleSummary[] } {
  return { rules: RULES.map((r) => ({ id: r.id, severity: r.severity, scope: r.scope, summary: r.summary, fix: r.fix })) };
}

const AREAS: Record<string, string> = {
  schema: 'Schema: identity and structure',
  quality: 'Quality rules',
  sla: 'SLAs and tiers',
  policy: 'Governance policy',
  naming: 'Naming conventions',
  ownership: 'Ownership (CODEOWNERS)',
  domain: 'Domains',
  lineage: 'Lineage',
};

export function renderRulesMarkdown(): string {
  const out: string[] = [];
  out.push(
    '# Lint rules',
    '',
    '<!-- Generated from src/rules/registry.ts by `mesh rules --format markdown`; do not edit by hand. -->',
    '',
    '`mesh lint` checks a whole mesh: first every contract against the official ODCS schema (rule ids',
    '`odcs/schema` and `odcs/api-version`, see [validate.md](validate.md)), then the rules below. Each rule has a',
    'stable id, a default severity and a fix hint. `contracts/mesh.yaml` can change any rule\'s level',
    '(`rules: { <id>: off | info | warning | error }`), and a domain\'s `domain.yaml` can only raise it',
    '(see [policy.md](policy.md)). Problems found while loading files are reported too, under the ids',
    '`load/…` (unreadable, too large, invalid YAML, duplicate keys, alias bombs, too deep) and `ref/…`',
    '(`$ref` not found, outside the repository, remote, cyclic, invalid); they cannot be turned off.',
    '',
    '`mesh rules` prints this list; `mesh lint --rule <id>` runs a single rule.',
    '',
    '| rule | severity | scope | summary |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| [\`${r.id}\`](#${anchor(r.id)}) | ${r.severity} | ${r.scope} | ${r.summary.replace(/\|/g, '\\|')} |`),
    '',
    '*Scope* `contract`: the rule looks at one contract and the policy of its domain; `mesh`: it compares',
    'files across the mesh (ids, ownership, lineage, policy files).',
    '',
    '## The example mesh',
    '',
    'Every example below runs in this small mesh (one domain, `sales`); an example shows only the files',
    'it changes. `test/unit/rules/docs-examples.test.ts` lints each one: a failing example must trigger',
    'its rule, a passing one must produce no finding at all.',
    '',
    ...Object.entries(EXAMPLE_MESH).flatMap(([file, text]) => fileBlock(file, text)),
  );
  let area = '';
  for (const rule of RULES) {
    const ruleArea = rule.id.split('/')[0];
    if (ruleArea !== area) {
      area = ruleArea;
      out.push(`## ${AREAS[area] ?? area}`, '');
    }
    out.push(...ruleSection(rule));
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function ruleSection(rule: Rule): string[] {
  return [
    `### ${rule.id}`,
    '',
    `**Default severity:** ${rule.severity} · **scope:** ${rule.scope}`,
    '',
    rule.summary,
    '',
    ...(rule.docs.details ? [rule.docs.details, ''] : []),
    `**Fix:** ${rule.fix}`,
    '',
    '**Fails:**',
    '',
    ...example(rule.docs.fail),
    '**Passes:**',
    '',
    ...example(rule.docs.pass),
  ];
}

function example(ex: RuleExample): string[] {
  return Object.entries(exampleChanges(ex)).flatMap(([file, text]) => fileBlock(file, text));
}

function fileBlock(file: string, text: string): string[] {
  const lang = file.endsWith('.yaml') || file.endsWith('.yml') ? 'yaml' : 'text';
  return [`\`${file}\`:`, '', '```' + lang, text.trimEnd(), '```', ''];
}

/** GitHub's heading anchor for a rule id (`sla/tier-floor` → `slatier-floor`). */
function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
