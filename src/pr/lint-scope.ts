// Which findings a pull request's lint reports when only changed contracts are checked. A change
// to something many contracts depend on widens the scope: the global policy (mesh.yaml), a shared
// fragment (_shared/) or CODEOWNERS -> every file; a domain.yaml -> every file of that domain.

export type LintScope = { all: true; reason?: string } | { all: false; files: ReadonlySet<string>; domains: ReadonlySet<string> };

const CODEOWNERS = new Set(['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS']);

export function lintScope(changedFiles: readonly string[], contractsDir = 'contracts'): LintScope {
  const prefix = `${contractsDir.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '')}/`;
  const files = new Set<string>();
  const domains = new Set<string>();
  for (const raw of changedFiles) {
    const file = raw.replace(/\\/g, '/');
    if (CODEOWNERS.has(file)) return { all: true, reason: `${file} changed` };
    if (!file.startsWith(prefix)) continue;
    const parts = file.slice(prefix.length).split('/');
    if (parts.length === 1 && /^mesh\.ya?ml$/.test(parts[0])) return { all: true, reason: `${file} changed` };
    if (parts[0] === '_shared' || parts.includes('_shared')) return { all: true, reason: `shared fragment ${file} changed` };
    if (parts.length === 2 && /^domain\.ya?ml$/.test(parts[1])) domains.add(parts[0]);
    files.add(file);
  }
  return { all: false, files, domains };
}

/** Whether a repository-relative file is in the scope. */
export function inScope(scope: LintScope, file: string, contractsDir = 'contracts'): boolean {
  if (scope.all) return true;
  if (scope.files.has(file)) return true;
  const prefix = `${contractsDir.replace(/\\/g, '/').replace(/^\.\/|\/+$/g, '')}/`;
  if (!file.startsWith(prefix)) return false;
  return scope.domains.has(file.slice(prefix.length).split('/')[0]);
}
