// Which CODEOWNERS owners must approve a pull request that touches contracts: for every domain
// folder a changed file lies in (contracts/<domain>/...), the owners CODEOWNERS gives that file
// (GitHub semantics, last matching rule wins). Compared with the PR's requested reviewers to say
// which owners nobody has asked yet.
import { ownersOf, type Codeowners } from '../ownership/codeowners.js';

export interface DomainApproval {
  /** Domain folder under the contracts directory. */
  domain: string;
  /** Owners (`@org/team`, `@user` or e-mail) of the changed files of that domain, sorted. */
  owners: string[];
  /** The domain's changed files, repository-relative. */
  files: string[];
}

export interface RequiredApprovers {
  domains: DomainApproval[];
  /** Changed files inside a domain folder that no CODEOWNERS rule owns. */
  unowned: string[];
}

export interface RequestedReviewers {
  /** Logins of requested users. */
  users: string[];
  /** Slugs of requested teams (`platform`, as the API returns them, without the org). */
  teams: string[];
}

/**
 * Domains touched by `changedFiles` and the owners who must approve each.
 * `contractsDir` is the repository-relative contracts folder (default `contracts`); folders whose
 * name starts with `_` (shared fragments) belong to no domain.
 */
export function requiredApprovers(changedFiles: readonly string[], codeowners: Codeowners | undefined, contractsDir = 'contracts'): RequiredApprovers {
  const prefix = `${contractsDir.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '')}/`;
  const byDomain = new Map<string, { owners: Set<string>; files: string[] }>();
  const unowned: string[] = [];
  for (const raw of changedFiles) {
    const file = raw.replace(/\\/g, '/');
    if (!file.startsWith(prefix)) continue;
    const parts = file.slice(prefix.length).split('/');
    if (parts.length < 2 || parts[0].startsWith('_') || parts[0] === '') continue;
    const domain = parts[0];
    const entry = byDomain.get(domain) ?? { owners: new Set<string>(), files: [] };
    byDomain.set(domain, entry);
    entry.files.push(file);
    const owners = codeowners ? ownersOf(codeowners, file).owners : [];
    if (owners.length === 0) unowned.push(file);
    for (const o of owners) entry.owners.add(o);
  }
  const domains = [...byDomain]
    .map(([domain, e]) => ({ domain, owners: [...e.owners].sort(), files: [...e.files].sort() }))
    .sort((a, b) => a.domain.localeCompare(b.domain));
  return { domains, unowned: unowned.sort() };
}

/** Whether an owner from CODEOWNERS is among the requested reviewers (teams by slug, users by login). */
export function isRequested(owner: string, requested: RequestedReviewers): boolean {
  const team = /^@[^/]+\/(.+)$/.exec(owner);
  if (team) return requested.teams.some((t) => t.toLowerCase() === team[1].toLowerCase());
  const user = /^@([^/]+)$/.exec(owner);
  if (user) return requested.users.some((u) => u.toLowerCase() === user[1].toLowerCase());
  return false; // e-mail owners cannot be compared with logins
}

/** Owners that must approve but are not (or no longer) requested reviewers, with their domain. */
export function ownersNotRequested(required: RequiredApprovers, requested: RequestedReviewers, approvedBy: readonly string[] = []): { domain: string; owner: string }[] {
  const approved = new Set(approvedBy.map((l) => `@${l.toLowerCase()}`));
  const out: { domain: string; owner: string }[] = [];
  for (const d of required.domains) {
    for (const owner of d.owners) {
      if (isRequested(owner, requested) || approved.has(owner.toLowerCase())) continue;
      out.push({ domain: d.domain, owner });
    }
  }
  return out;
}
