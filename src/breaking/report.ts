// The diff report: what `diffContracts` returns and what `mesh diff --format json` prints.
// The keys of DiffReport and Change listed in DIFF_REPORT_SCHEMA's `required` are a public
// interface (docs/breaking.md): never rename them; adding keys is fine.
import type { JsonPath } from '../finding.js';
import type { Bump } from '../semver.js';

export type ChangeSeverity = 'breaking' | 'dangerous' | 'info';
export const CHANGE_SEVERITIES: readonly ChangeSeverity[] = ['breaking', 'dangerous', 'info'];
export const SEVERITY_RANK: Record<ChangeSeverity, number> = { breaking: 0, dangerous: 1, info: 2 };

export interface Waiver {
  /** Rule id (`breaking/property-removed`) or its short name (`property-removed`). */
  rule: string;
  /** Path as printed in the report; `*` matches any path. A trailing `*` matches a prefix. */
  path: string;
  reason: string;
  /** Last day the waiver applies (YYYY-MM-DD); expired waivers are ignored. */
  until?: string;
  /** Where it came from: `contract` (customProperties meshBreakingWaivers) or `pr` (PR body line). */
  source: 'contract' | 'pr' | 'options';
}

export interface Change {
  rule: string;
  severity: ChangeSeverity;
  /** Path in the new contract, or in the old one when the node is gone: `schema[orders].properties[amount]`. */
  path: string;
  message: string;
  /** Path on the old side, when it differs from `path` (renames) or the node was removed. */
  oldPath?: string;
  /** Path on the new side, when the node exists there. */
  newPath?: string;
  /** The rule's default severity when mesh.yaml/domain.yaml changed it. */
  defaultSeverity?: ChangeSeverity;
  /** Present when an owner waived this change: it no longer makes the report breaking. */
  waived?: { reason: string; source: Waiver['source']; until?: string };
  /** Positions of the node inside the parsed documents (array indices), to locate it in the YAML. */
  newPointer?: JsonPath;
  oldPointer?: JsonPath;
}

export interface Consumer {
  /** ODPS product id (or its file when it has none). */
  product: string;
  productName?: string;
  /** Domain folder of the product. */
  domain?: string;
  /** Repository-relative file of the product. */
  file?: string;
  /** Input port name and the contract version it is pinned to. */
  port?: string;
  version?: string;
  /** CODEOWNERS owners of the product's domain folder. */
  owners: string[];
  /** In a data product's report: the contract the consumer reads from one of its output ports. */
  contractId?: string;
}

export interface DiffReport {
  /** True when at least one unwaived change is breaking. */
  breaking: boolean;
  requiredBump: Bump;
  oldVersion: string;
  newVersion: string;
  /** The new version is valid semver, did not go down and bumps at least `requiredBump`. */
  versionOk: boolean;
  suggestedVersion: string;
  changes: Change[];
  /** Contract id (new side, else old side). */
  contractId?: string;
  /** In a data product's report (`mesh breaking`): the ODPS product id. */
  productId?: string;
  /** Why `versionOk` is false. */
  versionProblem?: string;
  /** `insufficient`: bumps too little; `decreased` / `invalid`: an error whatever the changes. */
  versionStatus: 'ok' | 'insufficient' | 'decreased' | 'invalid';
  /** Set when one side is absent (contract added or deleted). */
  lifecycle?: 'added' | 'removed';
  /** Counts of unwaived changes per severity, and of waived ones. */
  counts: Record<ChangeSeverity | 'waived', number>;
  /** Consumers of this contract (from ODPS input ports), when known. */
  consumers?: Consumer[];
  /** Result of the json-schema-diff cross-check per schema object, when it ran. */
  valueSets?: ValueSetCheck[];
  /** Set when the new file of the contract cannot be loaded (`mesh breaking`): where and why. */
  unreadable?: { file: string; line: number; column: number; rule: string; message: string };
}

export interface ValueSetCheck {
  /** Path of the schema object. */
  path: string;
  /** json-schema-diff found values the new JSON Schema accepts and the old one rejects. */
  additionsFound: boolean;
  /** …and values the old one accepts and the new one rejects. */
  removalsFound: boolean;
}

/** JSON Schema (draft 2019-09) of the public shape of `mesh diff --format json`. */
export const DIFF_REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  $id: 'https://github.com/acme/mesh-contracts/schemas/diff-report.json',
  title: 'mesh diff report',
  type: 'object',
  required: ['breaking', 'requiredBump', 'oldVersion', 'newVersion', 'versionOk', 'suggestedVersion', 'changes'],
  properties: {
    breaking: { type: 'boolean' },
    requiredBump: { enum: ['major', 'minor', 'patch', 'none'] },
    oldVersion: { type: 'string' },
    newVersion: { type: 'string' },
    versionOk: { type: 'boolean' },
    suggestedVersion: { type: 'string' },
    versionProblem: { type: 'string' },
    versionStatus: { enum: ['ok', 'insufficient', 'decreased', 'invalid'] },
    contractId: { type: 'string' },
    productId: { type: 'string' },
    lifecycle: { enum: ['added', 'removed'] },
    counts: {
      type: 'object',
      properties: { breaking: { type: 'integer' }, dangerous: { type: 'integer' }, info: { type: 'integer' }, waived: { type: 'integer' } },
    },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'severity', 'path', 'message'],
        properties: {
          rule: { type: 'string', pattern: '^breaking/[a-z0-9-]+$' },
          severity: { enum: ['breaking', 'dangerous', 'info'] },
          path: { type: 'string' },
          message: { type: 'string' },
          oldPath: { type: 'string' },
          newPath: { type: 'string' },
          defaultSeverity: { enum: ['breaking', 'dangerous', 'info'] },
          file: { type: 'string' },
          line: { type: 'integer', minimum: 1 },
          column: { type: 'integer', minimum: 1 },
          waived: {
            type: 'object',
            required: ['reason', 'source'],
            properties: { reason: { type: 'string' }, source: { enum: ['contract', 'pr', 'options'] }, until: { type: 'string' } },
          },
        },
      },
    },
    consumers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['product', 'owners'],
        properties: {
          product: { type: 'string' },
          productName: { type: 'string' },
          domain: { type: 'string' },
          file: { type: 'string' },
          port: { type: 'string' },
          version: { type: 'string' },
          owners: { type: 'array', items: { type: 'string' } },
          contractId: { type: 'string' },
        },
      },
    },
    unreadable: {
      type: 'object',
      required: ['file', 'line', 'column', 'rule', 'message'],
      properties: { file: { type: 'string' }, line: { type: 'integer' }, column: { type: 'integer' }, rule: { type: 'string' }, message: { type: 'string' } },
    },
    valueSets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'additionsFound', 'removalsFound'],
        properties: { path: { type: 'string' }, additionsFound: { type: 'boolean' }, removalsFound: { type: 'boolean' } },
      },
    },
  },
} as const;

/** A change as printed in JSON: public keys only (no pointers), plus where it is when known. */
export function publicChange(change: Change, where?: { file: string; line: number; column: number }): Record<string, unknown> {
  const out: Record<string, unknown> = { rule: change.rule, severity: change.severity, path: change.path, message: change.message };
  if (change.oldPath !== undefined) out.oldPath = change.oldPath;
  if (change.newPath !== undefined) out.newPath = change.newPath;
  if (change.defaultSeverity) out.defaultSeverity = change.defaultSeverity;
  if (change.waived) out.waived = change.waived;
  if (where) Object.assign(out, where);
  return out;
}

/** The report as printed in JSON (stable key order, no internal fields). */
export function publicReport(report: DiffReport, locate?: (change: Change) => { file: string; line: number; column: number } | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    breaking: report.breaking,
    requiredBump: report.requiredBump,
    oldVersion: report.oldVersion,
    newVersion: report.newVersion,
    versionOk: report.versionOk,
    suggestedVersion: report.suggestedVersion,
  };
  if (report.versionProblem) out.versionProblem = report.versionProblem;
  out.versionStatus = report.versionStatus;
  if (report.contractId) out.contractId = report.contractId;
  if (report.productId) out.productId = report.productId;
  if (report.lifecycle) out.lifecycle = report.lifecycle;
  out.counts = report.counts;
  out.changes = report.changes.map((c) => publicChange(c, locate?.(c)));
  if (report.consumers) out.consumers = report.consumers;
  if (report.valueSets) out.valueSets = report.valueSets;
  if (report.unreadable) out.unreadable = report.unreadable;
  return out;
}

/**
 * The check fails (exit 1) when an unwaived breaking change lacks the required bump, or the version
 * went down or is not semver.
 */
export function failsCheck(report: Pick<DiffReport, 'breaking' | 'versionOk' | 'versionStatus'>): boolean {
  return (report.breaking && !report.versionOk) || report.versionStatus === 'decreased' || report.versionStatus === 'invalid';
}
