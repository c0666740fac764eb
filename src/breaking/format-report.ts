// Renders breaking-change results: text for terminals, JSON (public), Markdown for the PR comment
// and job summary (the GitHub Action reuses `formatBreakingMarkdown`), SARIF 2.1.0 for code scanning.
import pc from 'picocolors';
import { foreignConsumers } from './consumers.js';
import { failsCheck, publicReport, SEVERITY_RANK, type Change, type ChangeSeverity, type Consumer, type DiffReport } from './report.js';

/** What a contract diff and a data-product diff share. */
export interface SubjectDiff {
  /** Repository-relative files on each side (absent when added / deleted). */
  oldFile?: string;
  newFile?: string;
  domain?: string;
  report: DiffReport;
}

export interface ContractDiff extends SubjectDiff {
  contractId: string;
}

/** An ODPS data product (`*.odps.yaml`) whose output ports changed, or that was added / deleted. */
export interface ProductDiff extends SubjectDiff {
  productId: string;
}

export type AnyDiff = ContractDiff | ProductDiff;

export function isProductDiff(d: AnyDiff): d is ProductDiff {
  return 'productId' in d;
}

/** The id a diff is known by (contract id or product id). */
export function subjectId(d: AnyDiff): string {
  return isProductDiff(d) ? d.productId : d.contractId;
}

/** Contracts, then data products: every diff of a run. */
export function allDiffs(run: BreakingRun): AnyDiff[] {
  return [...run.contracts, ...(run.products ?? [])];
}

export interface BreakingRun {
  base?: { ref: string; sha?: string; how?: string };
  head?: { ref: string };
  /** Contracts with at least one change, or added/deleted. */
  contracts: ContractDiff[];
  /** Contracts present on both sides without any change. */
  unchanged: number;
  /** Data products whose output ports changed, or that were added / deleted (`mesh breaking`). */
  products?: ProductDiff[];
  /** Files that could not be loaded (they are skipped). */
  problems: { file: string; line: number; column: number; rule: string; message: string }[];
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

export type Locator = (diff: AnyDiff, change: Change) => Location | undefined;

export const BREAKING_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type BreakingFormat = (typeof BREAKING_FORMATS)[number];

export function runFails(run: BreakingRun): boolean {
  return allDiffs(run).some((c) => failsCheck(c.report));
}

export function formatBreaking(run: BreakingRun, format: BreakingFormat, options: { color?: boolean; locate?: Locator; toolVersion?: string } = {}): string {
  switch (format) {
    case 'json':
      return JSON.stringify(breakingJson(run, options.locate), null, 2) + '\n';
    case 'markdown':
      return formatBreakingMarkdown(run);
    case 'sarif':
      return JSON.stringify(breakingSarif(run, options.locate, options.toolVersion ?? '0.0.0'), null, 2) + '\n';
    case 'text':
      return formatBreakingText(run, options);
  }
}

function breakingJson(run: BreakingRun, locate?: Locator): Record<string, unknown> {
  const out: Record<string, unknown> = {
    breaking: allDiffs(run).some((c) => c.report.breaking),
    failing: runFails(run),
  };
  if (run.base) out.base = run.base;
  if (run.head) out.head = run.head;
  out.unchanged = run.unchanged;
  out.contracts = run.contracts.map((c) => ({
    contractId: c.contractId,
    ...(c.oldFile ? { oldFile: c.oldFile } : {}),
    ...(c.newFile ? { newFile: c.newFile } : {}),
    ...(c.domain ? { domain: c.domain } : {}),
    ...publicReport(c.report, locate ? (change) => locate(c, change) : undefined),
  }));
  out.products = (run.products ?? []).map((p) => ({
    productId: p.productId,
    ...(p.oldFile ? { oldFile: p.oldFile } : {}),
    ...(p.newFile ? { newFile: p.newFile } : {}),
    ...(p.domain ? { domain: p.domain } : {}),
    ...publicReport(p.report, locate ? (change) => locate(p, change) : undefined),
  }));
  out.problems = run.problems;
  return out;
}

// ---------------------------------------------------------------- text

function verdict(report: DiffReport, what = 'contract'): { text: string; level: 'fail' | 'warn' | 'ok' } {
  if (report.unreadable) return { text: 'unreadable: the new file cannot be loaded, fix it', level: 'fail' };
  if (report.lifecycle === 'removed') return { text: report.breaking ? 'deleted while consumed: breaking' : 'deleted', level: report.breaking ? 'fail' : 'warn' };
  if (failsCheck(report)) {
    if (report.versionStatus === 'decreased' || report.versionStatus === 'invalid') return { text: `version error: ${report.versionProblem}`, level: 'fail' };
    return { text: `breaking, needs a ${report.requiredBump} bump: use ${report.suggestedVersion}`, level: 'fail' };
  }
  if (report.breaking) return { text: `breaking, version bumped (${report.oldVersion} → ${report.newVersion})`, level: 'warn' };
  if (!report.versionOk) return { text: `not breaking; version: ${report.versionProblem} (suggested ${report.suggestedVersion})`, level: 'warn' };
  if (report.lifecycle === 'added') return { text: `new ${what}`, level: 'ok' };
  return { text: report.changes.length ? `compatible (${report.requiredBump} bump needed)` : 'no changes', level: 'ok' };
}

function formatBreakingText(run: BreakingRun, options: { color?: boolean; locate?: Locator }): string {
  const c = pc.createColors(options.color ?? false);
  const paint: Record<ChangeSeverity, (s: string) => string> = { breaking: c.red, dangerous: c.yellow, info: c.blue };
  const lines: string[] = [];
  if (run.base) lines.push(c.dim(`base: ${run.base.ref}${run.base.sha ? ` (${run.base.sha.slice(0, 12)})` : ''}${run.base.how ? ` — ${run.base.how}` : ''}; head: ${run.head?.ref ?? 'working tree'}`), '');
  for (const p of run.problems) lines.push(`${p.file}:${p.line}:${p.column}  ${c.red('error')}  ${p.message}  ${c.dim(p.rule)}`);
  if (run.problems.length) lines.push('');
  for (const contract of allDiffs(run)) {
    const r = contract.report;
    const product = isProductDiff(contract);
    const file = contract.newFile ?? contract.oldFile ?? '';
    const moved = contract.oldFile && contract.newFile && contract.oldFile !== contract.newFile ? ` (moved from ${contract.oldFile})` : '';
    const versions = r.unreadable ? `${r.oldVersion || '(new)'} → unreadable` : r.lifecycle === 'added' ? r.newVersion : r.lifecycle === 'removed' ? r.oldVersion : `${r.oldVersion} → ${r.newVersion}`;
    lines.push(c.underline(`${product ? 'data product ' : ''}${subjectId(contract)} ${versions}`) + c.dim(`  ${file}${moved}`));
    for (const change of r.changes) {
      const where = options.locate?.(contract, change);
      const at = where ? c.dim(`${where.line}:${where.column}`.padEnd(8)) : '';
      const sev = change.waived ? c.dim('waived'.padEnd(9)) : paint[change.severity](change.severity.padEnd(9));
      lines.push(`  ${at}${sev} ${change.message}  ${c.dim(change.rule)}`);
      if (change.waived) lines.push(`  ${' '.repeat(where ? 8 : 0)}${' '.repeat(10)}${c.dim(`waived (${change.waived.source}): ${change.waived.reason}`)}`);
    }
    if (r.consumers?.length) lines.push(`  ${c.dim('consumers:')} ${r.consumers.map((x) => consumerText(x, contract.domain)).join('; ')}`);
    const v = verdict(r, product ? 'data product' : 'contract');
    lines.push(`  ${(v.level === 'fail' ? c.red : v.level === 'warn' ? c.yellow : c.green)(v.text)}`, '');
  }
  const all = allDiffs(run);
  const failing = all.filter((x) => failsCheck(x.report)).length;
  const breaking = all.filter((x) => x.report.breaking).length;
  const nProducts = run.products?.length ?? 0;
  const counted = [
    ...(run.contracts.length > 0 || nProducts === 0 ? [`${run.contracts.length} contract${run.contracts.length === 1 ? '' : 's'}`] : []),
    ...(nProducts > 0 ? [`${nProducts} data product${nProducts === 1 ? '' : 's'}`] : []),
  ];
  const summary = `${counted.join(', ')} changed${run.unchanged ? `, ${run.unchanged} unchanged` : ''}: ${breaking} breaking, ${failing} failing the version check`;
  lines.push(failing ? c.red(summary) : breaking ? c.yellow(summary) : c.green(summary));
  return lines.join('\n') + '\n';
}

/** Whether a consumer lives in the changed contract's own domain (its owners are the author's team). */
export function isSameDomain(consumer: Consumer, domain: string | undefined): boolean {
  return foreignConsumers([consumer], domain).length === 0;
}

function consumerText(x: Consumer, domain: string | undefined): string {
  const same = isSameDomain(x, domain) ? ', same domain' : '';
  return `${x.product}${x.contractId ? ` reading ${x.contractId}` : ''}${x.domain ? ` (${x.domain}${same})` : ''}${x.version ? ` pinned to ${x.version}` : ''}${x.owners.length ? ` ${x.owners.join(' ')}` : ''}`;
}

// ---------------------------------------------------------------- markdown

/**
 * Text from contracts, products, the PR body or git, made inert for GitHub: an `@name` would notify
 * a user or team, so a zero-width joiner goes between `@` and the name (it reads the same). Only
 * owners taken from CODEOWNERS (`ownersCell`) are meant to notify.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/(?<![A-Za-z0-9_.+-])@(?=[A-Za-z0-9_-])/g, '@\u200D');
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function cell(text: string): string {
  return neutraliseMentions(escapeCell(text));
}

/** CODEOWNERS owners: the mentions we intend (they notify the teams). */
function ownersCell(owners: readonly string[]): string {
  return escapeCell(owners.join(' '));
}

function code(text: string): string {
  return text === '' ? '' : `\`${text.replace(/`/g, 'ˋ')}\``;
}

/** `contract(s)`, `data product(s)`, or both words when the list mixes them. */
function nouns(list: readonly AnyDiff[]): string {
  const products = list.filter(isProductDiff).length;
  const plural = list.length === 1 ? '' : 's';
  if (products === 0) return `contract${plural}`;
  if (products === list.length) return `data product${plural}`;
  return 'contracts and data products';
}

const HEADINGS: Record<ChangeSeverity, string> = { breaking: '🔴 Breaking', dangerous: '🟠 Dangerous', info: '🔵 Info' };

/** The PR comment / job summary: verdict line, per contract a table of changes by severity, versions, consumers. */
export function formatBreakingMarkdown(run: BreakingRun): string {
  const out: string[] = [];
  const all = allDiffs(run);
  const failing = all.filter((c) => failsCheck(c.report));
  const breaking = all.filter((c) => c.report.breaking);
  if (failing.length) out.push(`### ❌ ${failing.length} ${nouns(failing)} with breaking changes or version errors that need a new version`);
  else if (breaking.length) out.push(`### ⚠️ Breaking changes in ${breaking.length} ${nouns(breaking)}, with the required major version`);
  else if (all.length) out.push('### ✅ No breaking changes');
  else out.push('### ✅ No contract changed');
  out.push('');
  if (run.base) out.push(`Compared ${code(run.base.ref)}${run.base.sha ? ` (${run.base.sha.slice(0, 7)})` : ''} with ${run.head?.ref ? code(run.head.ref) : 'the working tree'}${run.base.how ? ` — ${cell(run.base.how)}` : ''}.`, '');
  for (const [heading, list] of [['Contract', run.contracts], ['Data product', run.products ?? []]] as const) {
    if (list.length === 0) continue;
    out.push(`| ${heading} | Version | Required bump | Suggested | Verdict |`, '|---|---|---|---|---|');
    for (const c of list) {
      const r = c.report;
      const versions = r.unreadable ? `${r.oldVersion || 'new'} → unreadable` : r.lifecycle === 'added' ? `new ${r.newVersion}` : r.lifecycle === 'removed' ? `deleted (${r.oldVersion})` : `${r.oldVersion} → ${r.newVersion}`;
      const v = verdict(r, heading === 'Contract' ? 'contract' : 'data product');
      const icon = v.level === 'fail' ? '❌' : v.level === 'warn' ? '⚠️' : '✅';
      out.push(`| ${code(subjectId(c))} | ${cell(versions)} | ${r.requiredBump} | ${cell(r.suggestedVersion || '–')} | ${icon} ${cell(v.text)} |`);
    }
    out.push('');
  }
  for (const c of all) {
    const r = c.report;
    if (r.changes.length === 0 && !r.consumers?.length) continue;
    const file = c.newFile ?? c.oldFile;
    const moved = c.oldFile && c.newFile && c.oldFile !== c.newFile ? `, moved from ${code(c.oldFile)}` : '';
    out.push(`#### ${isProductDiff(c) ? 'Data product ' : ''}${code(subjectId(c))}${file ? ` — ${code(file)}${moved}` : ''}`, '');
    // A deleted or unreadable contract has no version to suggest: the problem says what to do instead.
    if (r.versionProblem) out.push(`Version: ${cell(r.versionProblem)}.${r.suggestedVersion ? ` Suggested: **${cell(r.suggestedVersion)}**.` : ''}`, '');
    for (const severity of ['breaking', 'dangerous', 'info'] as const) {
      const list = r.changes.filter((x) => x.severity === severity);
      if (list.length === 0) continue;
      out.push(`**${HEADINGS[severity]}** (${list.length})`, '', '| Rule | Path | Change |', '|---|---|---|');
      for (const x of list) {
        const waived = x.waived ? ` _(waived: ${cell(x.waived.reason)})_` : '';
        out.push(`| ${code(x.rule.replace(/^breaking\//, ''))} | ${code(x.path)} | ${cell(x.message)}${waived} |`);
      }
      out.push('');
    }
    if (r.consumers?.length) {
      const product = isProductDiff(c);
      out.push('**Affected consumers**', '', `| Product | Domain | Input port |${product ? ' Contract |' : ''} Pinned version | Owners |`, `|---|---|---|${product ? '---|' : ''}---|---|`);
      for (const x of r.consumers) {
        // A consumer in the contract's own domain is listed, but its owners are the author's team: no extra approval, no ping.
        const owners = isSameDomain(x, c.domain) ? `${cell(x.owners.join(' '))} _(same domain)_` : ownersCell(x.owners);
        out.push(`| ${code(x.product)} | ${cell(x.domain ?? '')} | ${cell(x.port ?? '')} |${product ? ` ${code(x.contractId ?? '')} |` : ''} ${cell(x.version ?? '')} | ${owners} |`);
      }
      out.push('');
    }
  }
  if (run.problems.length) {
    out.push('**Files that could not be read**', '');
    for (const p of run.problems) out.push(`- ${code(`${p.file}:${p.line}:${p.column}`)} ${cell(p.message)}`);
    out.push('');
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- sarif

const LEVEL: Record<ChangeSeverity, string> = { breaking: 'error', dangerous: 'warning', info: 'note' };

function breakingSarif(run: BreakingRun, locate: Locator | undefined, toolVersion: string) {
  const items = allDiffs(run).flatMap((c) => c.report.changes.map((change) => ({ c, change })));
  const ruleIds = [...new Set(items.map((i) => i.change.rule))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mesh-contracts breaking',
            version: toolVersion,
            informationUri: 'https://github.com/acme/mesh-contracts/blob/main/docs/breaking.md',
            rules: ruleIds.map((id) => ({ id, helpUri: `https://github.com/acme/mesh-contracts/blob/main/docs/breaking-rules.md#${id.replace(/^breaking\//, '')}` })),
          },
        },
        results: items
          .sort((a, b) => SEVERITY_RANK[a.change.severity] - SEVERITY_RANK[b.change.severity])
          .map(({ c, change }) => {
            const where = locate?.(c, change) ?? { file: c.newFile ?? c.oldFile ?? '', line: 1, column: 1 };
            const result: Record<string, unknown> = {
              ruleId: change.rule,
              ruleIndex: ruleIds.indexOf(change.rule),
              level: change.waived ? 'note' : LEVEL[change.severity],
              message: { text: `${change.message}${change.waived ? ` (waived: ${change.waived.reason})` : ''}` },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: where.file.split('/').map(encodeURIComponent).join('/') },
                    region: { startLine: where.line, startColumn: where.column },
                  },
                  logicalLocations: [{ fullyQualifiedName: `${subjectId(c)}:${change.path}` }],
                },
              ],
            };
            if (change.waived) result.suppressions = [{ kind: 'external', justification: change.waived.reason }];
            return result;
          }),
      },
    ],
  };
}
