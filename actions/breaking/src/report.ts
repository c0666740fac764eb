// What actions/breaking makes of a breaking-change run (src/breaking): the verdict, the step
// outputs, the consumers to notify, annotations, and its section of the sticky PR comment.
// Pure: main.ts reads the inputs and git, and writes to the runner and the API.
import { allDiffs, formatBreakingMarkdown, isProductDiff, isSameDomain, neutraliseMentions, runFails, subjectId, type AnyDiff, type BreakingRun, type Location } from '../../../src/breaking/format-report.js';
import { failsCheck, type Change, type Consumer } from '../../../src/breaking/report.js';
import type { Finding } from '../../../src/finding.js';
import type { SectionStatus } from '../../../src/pr/comment-sections.js';
import { maxBump, type Bump } from '../../../src/semver.js';

/**
 * When the step fails. `unbumped`: an unwaived breaking change without the required version bump
 * (or a version that went down / is not semver) — what `mesh breaking` exits 1 on. `breaking`: any
 * unwaived breaking change, even with the bump. `never`: report only.
 */
export const FAIL_ON = ['unbumped', 'breaking', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export function breakingVerdict(run: BreakingRun, failOn: FailOn): SectionStatus {
  const all = allDiffs(run);
  const anyBreaking = all.some((c) => c.report.breaking);
  if ((failOn === 'unbumped' && runFails(run)) || (failOn === 'breaking' && (anyBreaking || runFails(run)))) return 'fail';
  const attention = runFails(run) || anyBreaking || run.problems.length > 0 || all.some((c) => c.report.counts.dangerous > 0 || !c.report.versionOk);
  return attention ? 'warn' : 'pass';
}

export function changeCounts(run: BreakingRun): { breaking: number; dangerous: number; info: number; waived: number } {
  const n = { breaking: 0, dangerous: 0, info: 0, waived: 0 };
  for (const c of allDiffs(run)) for (const key of ['breaking', 'dangerous', 'info', 'waived'] as const) n[key] += c.report.counts[key];
  return n;
}

/** The largest bump any changed contract or data product needs (`none` when nothing changed). */
export function requiredBump(run: BreakingRun): Bump {
  return allDiffs(run).reduce<Bump>((bump, c) => maxBump(bump, c.report.requiredBump), 'none');
}

export interface AffectedConsumer extends Consumer {
  /** The changed contract the product reads (for a data product's change: the contract of the output port it reads). */
  contractId: string;
  /** Set when the change is to a data product (its output ports): that product's id. */
  productId?: string;
  /** The product is in the changed contract's own domain: its owners are the author's team. */
  sameDomain: boolean;
}

/**
 * Consumers of contracts and data products with unwaived breaking changes: the products that may
 * break (those of the changed contract's or product's own domain included).
 */
export function affectedConsumers(run: BreakingRun): AffectedConsumer[] {
  return allDiffs(run)
    .filter((c) => c.report.breaking)
    .flatMap((c) =>
      (c.report.consumers ?? []).map((x) => {
        const base = { ...x, contractId: x.contractId ?? subjectId(c), sameDomain: isSameDomain(x, c.domain) };
        return isProductDiff(c) ? { ...base, productId: c.productId } : base;
      }),
    );
}

/**
 * Owners (CODEOWNERS teams or users) to notify, sorted, each once: those of consumers in other
 * domains. A consumer in the contract's own domain is owned by the author's team, so it is listed
 * but nobody extra is asked.
 */
export function ownersToNotify(consumers: readonly (Consumer & { sameDomain?: boolean })[]): string[] {
  return [...new Set(consumers.filter((x) => !x.sameDomain).flatMap((x) => x.owners))].sort();
}

/** Contract id or product id → the version to use, for every contract and data product whose new version is not right. */
export function suggestedVersions(run: BreakingRun): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of allDiffs(run)) if (!c.report.versionOk && c.report.suggestedVersion) out[subjectId(c)] = c.report.suggestedVersion;
  return out;
}

export interface BreakingOutputs {
  verdict: SectionStatus;
  'required-bump': Bump;
  'breaking-count': number;
  'dangerous-count': number;
  'waived-count': number;
  'changed-contracts': number;
  'changed-products': number;
  failing: string;
  'suggested-versions': string;
  consumers: string;
  'consumer-owners': string;
}

export function breakingOutputs(run: BreakingRun, verdict: SectionStatus): BreakingOutputs {
  const n = changeCounts(run);
  const consumers = affectedConsumers(run);
  return {
    verdict,
    'required-bump': requiredBump(run),
    'breaking-count': n.breaking,
    'dangerous-count': n.dangerous,
    'waived-count': n.waived,
    'changed-contracts': run.contracts.length,
    'changed-products': run.products?.length ?? 0,
    failing: allDiffs(run).filter((c) => failsCheck(c.report)).map(subjectId).join(' '),
    'suggested-versions': JSON.stringify(suggestedVersions(run)),
    consumers: [...new Set(consumers.map((x) => x.product))].sort().join(' '),
    'consumer-owners': ownersToNotify(consumers).join(' '),
  };
}

/** Where a node of a changed contract or data product is, in the head file when it exists there. */
export type ChangeLocator = (diff: AnyDiff, at: Pick<Change, 'newPointer' | 'oldPointer'>) => Location | undefined;

function consumerList(consumers: readonly Consumer[]): string {
  return consumers.map((x) => `${x.product}${x.owners.length ? ` (${x.owners.join(' ')})` : ''}`).join(', ');
}

/** How an annotation names a diff: `sales-orders`, or `data product sales-orders-product`. */
function label(c: AnyDiff): string {
  return isProductDiff(c) ? `data product ${c.productId}` : c.contractId;
}

/**
 * Annotations: every unwaived breaking change (an error when its contract fails the version check,
 * else a warning), every dangerous change (warning), waived breaking changes (notice); and one on
 * the contract's `version` saying which version to use, or which consumers to tell.
 * Informational changes go to the summary only.
 */
export function changeFindings(run: BreakingRun, locate: ChangeLocator): Finding[] {
  const findings: Finding[] = [];
  for (const c of allDiffs(run)) {
    const r = c.report;
    const failing = failsCheck(r);
    const fallback = { file: c.newFile ?? c.oldFile ?? '', line: 1, column: 1 };
    for (const change of r.changes) {
      if (change.severity === 'info' && !change.waived) continue;
      const severity = change.waived ? 'info' : change.severity === 'breaking' && failing ? 'error' : 'warning';
      const where = locate(c, change) ?? fallback;
      const waived = change.waived ? ` — waived (${change.waived.source === 'pr' ? 'pull request body' : change.waived.source}): ${change.waived.reason}` : '';
      findings.push({ ...where, rule: change.rule, severity, message: `${label(c)}: ${change.message}${waived}` });
    }
    const version = locate(c, c.newFile ? { newPointer: ['version'] } : { oldPointer: [] }) ?? fallback;
    const consumers = r.consumers ?? [];
    if (failing) {
      const fallbackFix = isProductDiff(c)
        ? 'move its output ports to another product first, or waive the change with a `mesh-waive:` line in the pull request body'
        : 'mark the contract deprecated, then retired, or waive the change with a `mesh-waive:` line in the pull request body';
      const fix = r.suggestedVersion ? `set version: ${r.suggestedVersion}` : fallbackFix;
      const readers = consumers.length ? ` Consumers: ${consumerList(consumers)}.` : '';
      findings.push({ ...version, rule: 'breaking/version-check', severity: 'error', message: `${label(c)}: ${r.versionProblem ?? 'the version does not match the changes'}.${readers}`, fix });
    } else if (r.breaking) {
      const readers = consumers.length ? `tell its consumers: ${consumerList(consumers)}` : 'no product of the mesh reads it';
      findings.push({ ...version, rule: 'breaking/version-check', severity: 'warning', message: `${label(c)}: breaking changes shipped as ${r.newVersion} (from ${r.oldVersion}); ${readers}.` });
    }
  }
  return findings;
}

/** The comment section: the report of formatBreakingMarkdown, the owners to notify, cut to `maxChars`. */
export function sectionMarkdown(run: BreakingRun, options: { maxChars: number; runUrl?: string }): string {
  // The section has its own heading: the report's verdict heading becomes a bold line.
  let report = formatBreakingMarkdown(run).replace(/^### (.*)$/m, '**$1**').trim();
  const consumers = affectedConsumers(run);
  const owners = ownersToNotify(consumers);
  const notified = consumers.filter((x) => !x.sameDomain);
  const notify = owners.length ? [`**Consumers to notify:** ${owners.join(' ')} (${neutraliseMentions([...new Set(notified.map((x) => x.product))].sort().join(', '))}).`] : [];
  const tail = [...notify, ...(options.runUrl ? [`[Workflow run](${options.runUrl})`] : [])].join('\n\n');
  const budget = options.maxChars - tail.length - 2;
  if (report.length > budget) {
    const more = '_The report is longer than a comment allows: the full report is in the job summary of the workflow run._';
    const room = Math.max(0, budget - more.length - 2);
    const cut = report.lastIndexOf('\n#### ', room);
    report = `${report.slice(0, cut > 0 ? cut : Math.max(0, report.lastIndexOf('\n', room))).trim()}\n\n${more}`;
  }
  return tail ? `${report}\n\n${tail}` : report;
}
