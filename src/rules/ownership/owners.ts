// Comparing ODCS team identities with CODEOWNERS owners, and the documents of each domain folder.
import type { LoadedDocument } from '../../model/document.js';
import type { MeshContext } from '../rule.js';
import { isMapping } from '../contract-schema.js';

const norm = (s: string) => s.trim().toLowerCase().replace(/^@/, '');

/**
 * True when a team identity and a CODEOWNERS owner are the same: equal ignoring case and a leading `@`
 * (`@acme/sales-data`), or the identity is the team part of an `@org/team` owner (`sales-data`).
 */
export function sameOwner(identity: string, owner: string): boolean {
  const a = norm(identity);
  const b = norm(owner);
  if (a === '' || b === '') return false;
  if (a === b) return true;
  const slash = b.indexOf('/');
  return slash > 0 && !a.includes('/') && b.slice(slash + 1) === a;
}

/** The identities a contract's `team` names: team.name (ODCS 3.1) and member usernames (3.1 members, 3.0 list). */
export function teamIdentities(team: unknown): { names: string[]; describe: string } {
  if (typeof team === 'string') return { names: [team], describe: team };
  if (Array.isArray(team)) {
    const names = team.flatMap((m) => (isMapping(m) && typeof m.username === 'string' ? [m.username] : []));
    return { names, describe: names.join(', ') };
  }
  if (isMapping(team)) {
    const members = Array.isArray(team.members) ? team.members.flatMap((m) => (isMapping(m) && typeof m.username === 'string' ? [m.username] : [])) : [];
    const name = typeof team.name === 'string' ? [team.name] : [];
    return { names: [...name, ...members], describe: name[0] ?? members.join(', ') };
  }
  return { names: [], describe: '' };
}

/** Every loaded document of each domain folder: domain.yaml first, then contracts and products. */
export function documentsByDomain(ctx: MeshContext): Map<string, LoadedDocument[]> {
  const out = new Map<string, LoadedDocument[]>();
  const add = (domain: string | undefined, doc: LoadedDocument) => {
    if (domain === undefined) return;
    const list = out.get(domain) ?? [];
    list.push(doc);
    out.set(domain, list);
  };
  for (const [domain, doc] of ctx.mesh.domains) add(domain, doc);
  for (const doc of [...ctx.mesh.contracts, ...ctx.mesh.products]) add(ctx.domainOf(doc), doc);
  return out;
}
