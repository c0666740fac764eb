// The product-level engine: two parsed ODPS data products (`*.odps.yaml`, v1.0.0) in, a DiffReport
// out. Output ports are what a product promises its consumers (the contract it publishes, in which
// form); the rules with scope `product` compare them. The product's own `version` gets the semver
// verdict contracts get. Pure: `mesh breaking` passes the consumers it found in the head's products.
import { checkVersion } from '../semver.js';
import { root, str, type Obj } from './nodes.js';
import { outputPorts, pairPorts } from './ports.js';
import { RULES } from './registry.js';
import { checkAddedOrDeletedVersion, settleChanges, versionText, type DiffOptions, type RawChange } from './diff-contracts.js';
import type { Consumer, DiffReport } from './report.js';
import type { BreakingRule, ProductContext, ProductRule } from './rule.js';

export interface ProductDiffOptions extends Pick<DiffOptions, 'overrides' | 'waivers' | 'today'> {
  /** Products of the head (other than this one) whose input ports read a contract. */
  consumersOf?: (contractId: string) => readonly Consumer[];
  /** Another product of the head publishes the contract through an output port. */
  publishedElsewhere?: (contractId: string) => boolean;
  /** Domain owning the product. */
  domain?: string;
  /** Rules to run (default: the product rules of the registry). */
  rules?: readonly BreakingRule[];
}

export function diffProducts(oldData: Obj | undefined, newData: Obj | undefined, options: ProductDiffOptions = {}): DiffReport {
  const rules = (options.rules ?? RULES).filter((r): r is ProductRule => r.scope === 'product');
  const oldRoot = oldData ? root(oldData) : undefined;
  const newRoot = newData ? root(newData) : undefined;
  const ports = oldRoot && newRoot ? pairPorts(outputPorts(oldRoot), outputPorts(newRoot)) : { pairs: [], removed: oldRoot ? outputPorts(oldRoot) : [], added: [] };
  const consumersOf = options.consumersOf ?? (() => []);
  const ctx: ProductContext = { old: oldRoot, new: newRoot, ports, consumersOf, publishedElsewhere: options.publishedElsewhere ?? (() => false), domain: options.domain };
  const raw: RawChange[] = [];
  for (const rule of rules) rule.check(ctx, (where, message) => raw.push({ rule, where, message }));
  const { changes, counts, required } = settleChanges(raw, options, newData ?? oldData);

  const newVersion = versionText(newData?.version);
  const report: DiffReport = {
    breaking: counts.breaking > 0,
    requiredBump: required,
    oldVersion: versionText(oldData?.version),
    newVersion,
    versionOk: true,
    suggestedVersion: newVersion,
    versionStatus: 'ok',
    changes,
    counts,
  };
  const id = str(newData?.id) ?? str(oldData?.id);
  if (id) report.productId = id;

  // Consumers of what the product stops publishing, or publishes differently.
  const touched = new Set<string>();
  for (const gone of ports.removed) {
    const c = str(gone.value.contractId);
    if (c) touched.add(c);
  }
  for (const pair of ports.pairs) {
    const c = str(pair.old.value.contractId);
    if (c && (c !== str(pair.new.value.contractId) || str(pair.old.value.type) !== str(pair.new.value.type))) touched.add(c);
  }
  const consumers = [...touched].sort().flatMap((contractId) => consumersOf(contractId).map((x) => ({ ...x, contractId })));
  if (consumers.length > 0) report.consumers = consumers;

  if (!oldData || !newData) {
    report.lifecycle = oldData ? 'removed' : 'added';
    checkAddedOrDeletedVersion(report, newData, 'a deleted data product cannot be bumped: move its output ports to another product, or have its consumers drop their input ports first (or waive the change)');
    return report;
  }
  // ODPS makes `version` optional: a product without one on either side is only checked when it breaks.
  if (oldData.version === undefined && newData.version === undefined && !report.breaking) return report;
  const check = checkVersion(oldData.version, newData.version, required);
  report.versionOk = check.ok;
  report.versionStatus = check.status;
  report.suggestedVersion = check.suggested;
  if (check.problem) report.versionProblem = check.problem;
  return report;
}
