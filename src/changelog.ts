// The changelog of a contract: its revisions (texts from git history, oldest first) grouped into
// versions, each compared with the version before it by the breaking-change engine. Pure: the
// revisions come already read (src/git/file-history.ts) and parsed (src/git/contract-revisions.ts).
// `mesh changelog` prints it; the site's versions list groups versions the same way and asks the
// same comparison whether each version breaks the one before.
import { diffContracts, type DiffOptions } from './breaking/diff-contracts.js';
import type { Obj } from './breaking/nodes.js';
import { DIFF_REPORT_SCHEMA, publicReport, type DiffReport } from './breaking/report.js';
import { breakingConfig } from './breaking/settings.js';
import type { Mesh } from './model/mesh.js';
import { domainOf } from './model/mesh.js';
import type { LoadedDocument } from './model/document.js';

/** One state of the contract file: a commit that changed it, or the uncommitted working copy. */
export interface Revision {
  /** Full commit sha; absent for the working copy. */
  commit?: string;
  /** ISO-8601 author date. */
  date?: string;
  author?: string;
  email?: string;
  /** First line of the commit message. */
  subject?: string;
  /** Repository-relative path of the file at that commit. */
  path: string;
  text: string;
}

/** A revision parsed by the loader (`$ref`s resolved), or why it could not be. */
export interface LoadedRevision extends Revision {
  data?: Obj;
  problem?: string;
}

/** Consecutive revisions carrying the same `version`. */
export interface Release<R extends Revision = Revision> {
  version: string;
  /** Oldest first; the first one introduced the version. */
  revisions: R[];
}

/** The top-level `version:` of an ODCS YAML text, without parsing the whole document. */
export function versionOfText(text: string): string | undefined {
  const m = /^version:[ \t]*["']?([^"'\s#]+)["']?[ \t]*(?:#.*)?$/m.exec(text);
  return m?.[1];
}

/**
 * Groups revisions (oldest first) into releases: a new release starts whenever the top-level
 * `version` differs from the previous revision's. Revisions without a version are skipped.
 */
export function groupReleases<R extends Revision>(revisions: readonly R[]): Release<R>[] {
  const releases: Release<R>[] = [];
  for (const revision of revisions) {
    const version = versionOfText(revision.text);
    if (!version) continue;
    const last = releases[releases.length - 1];
    if (last && last.version === version) last.revisions.push(revision);
    else releases.push({ version, revisions: [revision] });
  }
  return releases;
}

export type Comparison = { report: DiffReport; problem?: undefined } | { report?: undefined; problem: string };

/** The breaking-change report between two loaded revisions, or why they cannot be compared. */
export function compareRevisions(previous: LoadedRevision, next: LoadedRevision, options: DiffOptions = {}): Comparison {
  const broken = [previous, next].find((r) => !r.data);
  if (broken) return { problem: `${broken.path}${broken.commit ? ` at ${broken.commit.slice(0, 12)}` : ' (working copy)'} does not load: ${broken.problem ?? 'not a contract'}` };
  return { report: diffContracts(previous.data, next.data, options) };
}

/** Severity overrides and classification settings of the mesh and the contract's domain (as `mesh diff` uses them). */
export function diffOptionsFor(mesh: Pick<Mesh, 'policy' | 'domains' | 'contractsDir' | 'root'>, contract: Pick<LoadedDocument, 'absPath'> | undefined, today?: string): DiffOptions {
  const rel = (doc: LoadedDocument) => doc.file;
  const domain = contract ? domainOf(mesh, contract) : undefined;
  const domainDoc = domain ? mesh.domains.get(domain) : undefined;
  const config = breakingConfig(mesh.policy ? { file: rel(mesh.policy), data: mesh.policy.data } : undefined, domainDoc ? { file: rel(domainDoc), data: domainDoc.data } : undefined);
  const options: DiffOptions = { overrides: config.overrides, settings: config.settings };
  if (domain) options.domain = domain;
  if (today) options.today = today;
  return options;
}

/** Who made a commit and when. */
export interface CommitRef {
  /** Full sha; absent for the working copy. */
  commit?: string;
  date?: string;
  author?: string;
  email?: string;
  subject?: string;
  path: string;
}

export interface ChangelogVersion extends CommitRef {
  version: string;
  /** The path of the previous version when the contract was moved by this version. */
  movedFrom?: string;
  previousVersion?: string;
  /** Whether this version breaks consumers of the previous one; undefined for the first version or when they cannot be compared. */
  breaking?: boolean;
  /** Breaking-change report from the last revision of the previous version to the first of this one. */
  report?: DiffReport;
  /** Changes committed after this version was introduced without changing `version`. */
  laterChanges?: DiffReport;
  /** Why the versions could not be compared. */
  problem?: string;
  /** Every commit of this version, oldest first (the first introduced it). */
  commits: CommitRef[];
}

export interface Changelog {
  contractId?: string;
  /** Current repository-relative path of the contract. */
  path: string;
  /** Newest first. */
  versions: ChangelogVersion[];
}

function commitRef(r: Revision): CommitRef {
  const ref: CommitRef = { path: r.path };
  if (r.commit) ref.commit = r.commit;
  if (r.date) ref.date = r.date;
  if (r.author) ref.author = r.author;
  if (r.email) ref.email = r.email;
  if (r.subject) ref.subject = r.subject;
  return ref;
}

/** The changelog of one contract from its revisions, oldest first (committed ones, then the working copy if it differs). */
export function buildChangelog(contract: { id?: string; path: string }, revisions: readonly LoadedRevision[], options: DiffOptions = {}): Changelog {
  const releases = groupReleases(revisions);
  const versions = releases.map((release, i): ChangelogVersion => {
    const first = release.revisions[0];
    const last = release.revisions[release.revisions.length - 1];
    const entry: ChangelogVersion = { version: release.version, ...commitRef(first), commits: release.revisions.map(commitRef) };
    const previous = releases[i - 1];
    if (previous) {
      const before = previous.revisions[previous.revisions.length - 1];
      entry.previousVersion = previous.version;
      if (before.path !== first.path) entry.movedFrom = before.path;
      const comparison = compareRevisions(before, first, options);
      if (comparison.report) {
        entry.report = comparison.report;
        entry.breaking = comparison.report.breaking;
      } else entry.problem = comparison.problem;
    }
    if (last !== first) {
      const later = compareRevisions(first, last, options);
      if (later.report && later.report.changes.length > 0) entry.laterChanges = later.report;
    }
    return entry;
  });
  const changelog: Changelog = { path: revisions[revisions.length - 1]?.path ?? contract.path, versions: versions.reverse() };
  if (contract.id) changelog.contractId = contract.id;
  return changelog;
}

// ---------------------------------------------------------------- JSON

/** The changelog as `mesh changelog --format json` prints it (reports in the public `mesh diff` shape). */
export function publicChangelog(changelog: Changelog): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (changelog.contractId) out.contractId = changelog.contractId;
  out.path = changelog.path;
  out.versions = changelog.versions.map((v) => {
    const entry: Record<string, unknown> = { version: v.version, ...commitRefJson(v) };
    entry.committed = v.commit !== undefined;
    if (v.movedFrom) entry.movedFrom = v.movedFrom;
    if (v.previousVersion !== undefined) entry.previousVersion = v.previousVersion;
    entry.breaking = v.breaking ?? null;
    if (v.report) entry.report = publicReport(v.report);
    if (v.laterChanges) entry.laterChanges = publicReport(v.laterChanges);
    if (v.problem) entry.problem = v.problem;
    entry.commits = v.commits.map(commitRefJson);
    return entry;
  });
  return out;
}

function commitRefJson(c: CommitRef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['commit', 'date', 'author', 'email', 'subject', 'path'] as const) if (c[key] !== undefined) out[key] = c[key];
  return out;
}

const { $schema: _schema, $id: _id, ...diffReportSchema } = DIFF_REPORT_SCHEMA;
const commitSchema = {
  type: 'object',
  required: ['path'],
  properties: {
    commit: { type: 'string', pattern: '^[0-9a-f]{40}$' },
    date: { type: 'string' },
    author: { type: 'string' },
    email: { type: 'string' },
    subject: { type: 'string' },
    path: { type: 'string' },
  },
} as const;

/** JSON Schema (draft 2019-09) of `mesh changelog --format json`. */
export const CHANGELOG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  $id: 'https://github.com/acme/mesh-contracts/schemas/changelog.json',
  title: 'mesh changelog',
  type: 'object',
  required: ['path', 'versions'],
  properties: {
    contractId: { type: 'string' },
    path: { type: 'string' },
    versions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'path', 'committed', 'breaking', 'commits'],
        properties: {
          version: { type: 'string' },
          ...commitSchema.properties,
          committed: { type: 'boolean' },
          movedFrom: { type: 'string' },
          previousVersion: { type: 'string' },
          breaking: { type: ['boolean', 'null'] },
          report: diffReportSchema,
          laterChanges: diffReportSchema,
          problem: { type: 'string' },
          commits: { type: 'array', items: commitSchema },
        },
      },
    },
  },
} as const;

// ---------------------------------------------------------------- text and Markdown

function verdictOf(v: ChangelogVersion): string {
  if (!v.previousVersion) return 'first version';
  if (v.problem) return 'not compared';
  const r = v.report!;
  if (r.breaking) return r.versionOk ? `breaking, with the ${r.requiredBump} bump it needs` : `breaking without the ${r.requiredBump} bump it needs (use ${r.suggestedVersion})`;
  if (!r.versionOk) return `compatible; version: ${r.versionProblem}`;
  return r.changes.length ? `compatible, with the ${r.requiredBump} bump it needs` : 'no changes besides the version';
}

function whenWho(v: CommitRef): string {
  return v.commit ? `${(v.date ?? '').slice(0, 10)}  ${v.author ?? ''}  ${v.commit.slice(0, 12)}` : 'not committed yet';
}

export function formatChangelogText(changelog: Changelog): string {
  const lines = [`${changelog.contractId ?? changelog.path}  ${changelog.path}  (${changelog.versions.length} version${changelog.versions.length === 1 ? '' : 's'})`, ''];
  for (const v of changelog.versions) {
    lines.push(`${v.version}  ${whenWho(v)}  ${verdictOf(v)}`);
    if (v.subject) lines.push(`  ${v.subject}`);
    if (v.movedFrom) lines.push(`  moved from ${v.movedFrom}`);
    if (v.problem) lines.push(`  ${v.problem}`);
    for (const c of v.report?.changes ?? []) lines.push(`  ${(c.waived ? 'waived' : c.severity).padEnd(9)} ${c.message}  ${c.rule}`);
    if (v.laterChanges) {
      lines.push(`  changed later without a new version (${v.commits.length - 1} commit${v.commits.length === 2 ? '' : 's'}):`);
      for (const c of v.laterChanges.changes) lines.push(`    ${(c.waived ? 'waived' : c.severity).padEnd(9)} ${c.message}  ${c.rule}`);
    }
    lines.push('');
  }
  if (changelog.versions.length === 0) lines.push('no version found in git history or the working copy', '');
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function code(text: string): string {
  return text === '' ? '' : `\`${text.replace(/`/g, 'ˋ')}\``;
}

export function formatChangelogMarkdown(changelog: Changelog): string {
  const out = [`## Changelog of ${code(changelog.contractId ?? changelog.path)}`, '', `File: ${code(changelog.path)}`, ''];
  out.push('| Version | Date | Author | Commit | Breaking | Summary |', '|---|---|---|---|---|---|');
  for (const v of changelog.versions) {
    const breaking = v.breaking === true ? '🔴 yes' : v.breaking === false ? 'no' : '–';
    out.push(`| ${cell(v.version)} | ${cell(v.date?.slice(0, 10) ?? 'not committed')} | ${cell(v.author ?? '')} | ${v.commit ? code(v.commit.slice(0, 12)) : ''} | ${breaking} | ${cell(v.subject ?? '')} |`);
  }
  out.push('');
  for (const v of changelog.versions) {
    if (!v.previousVersion) continue;
    out.push(`### ${cell(v.version)}${v.date ? ` — ${v.date.slice(0, 10)}` : ''}`, '', `${cell(verdictOf(v))}${v.movedFrom ? `; moved from ${code(v.movedFrom)}` : ''}.`, '');
    if (v.problem) out.push(cell(v.problem), '');
    const changes = v.report?.changes ?? [];
    if (changes.length) {
      out.push('| Severity | Rule | Path | Change |', '|---|---|---|---|');
      for (const c of changes) out.push(`| ${c.waived ? 'waived' : c.severity} | ${code(c.rule.replace(/^breaking\//, ''))} | ${code(c.path)} | ${cell(c.message)} |`);
      out.push('');
    }
    if (v.laterChanges) {
      out.push('Changed later without a new version:', '');
      for (const c of v.laterChanges.changes) out.push(`- ${c.waived ? 'waived' : c.severity}: ${cell(c.message)} (${code(c.rule)})`);
      out.push('');
    }
  }
  return out.join('\n') + '\n';
}
