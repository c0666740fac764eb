// Semantic versions of contracts: which bump a set of changes needs, whether a new version
// provides it, and which version to suggest. 0.x versions follow the usual "0.x" convention
// (Cargo, npm caret ranges): the minor component plays the role of the major one.
import semver from 'semver';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxBump(a: Bump, b: Bump): Bump {
  return RANK[a] >= RANK[b] ? a : b;
}

export function isSemver(version: unknown): version is string {
  return typeof version === 'string' && semver.valid(version) !== null;
}

export interface VersionCheck {
  /** True when the new version is valid, not lower than the old one and bumps enough. */
  ok: boolean;
  /** Why it is not ok (undefined when ok). */
  problem?: string;
  /** `insufficient`: valid but bumps too little; `decreased`/`invalid`: an error whatever the changes. */
  status: 'ok' | 'insufficient' | 'decreased' | 'invalid';
  /** The smallest version that satisfies the required bump (the new version itself when it does). */
  suggested: string;
}

/**
 * The component a bump changes for this version: for 0.x a `major` bump changes the minor
 * component and a `minor` bump the patch component (0.3.1 → 0.4.0 is "major", 0.3.1 → 0.3.2 "minor").
 */
export function effectiveComponent(version: string, bump: Bump): Bump {
  if (bump === 'none') return 'none';
  const parsed = semver.parse(version);
  if (parsed && parsed.major === 0) return bump === 'major' ? 'minor' : 'patch';
  return bump;
}

/** The bump that takes `oldVersion` to `newVersion` as it counts for compatibility (0.x aware). */
export function bumpBetween(oldVersion: string, newVersion: string): Bump | 'decreased' {
  const o = semver.parse(oldVersion);
  const n = semver.parse(newVersion);
  if (!o || !n) throw new Error('bumpBetween needs two valid versions');
  const cmp = semver.compare(n, o);
  if (cmp < 0) return 'decreased';
  if (cmp === 0) return 'none';
  if (o.major === 0 && n.major === 0) {
    if (n.minor !== o.minor) return 'major';
    if (n.patch !== o.patch) return 'minor';
    return 'patch';
  }
  if (n.major !== o.major) return 'major';
  if (n.minor !== o.minor) return 'minor';
  return 'patch';
}

/** The next version after `version` for a bump (0.x aware): 2.3.1 + major → 3.0.0, 0.3.1 + major → 0.4.0. */
export function incrementVersion(version: string, bump: Bump): string {
  if (bump === 'none') return version;
  const component = effectiveComponent(version, bump);
  const parsed = semver.parse(version);
  if (!parsed) return version;
  // A prerelease of the target (3.0.0-rc.1 → 3.0.0) already counts as the bump: release it.
  return semver.inc(parsed.version, component as semver.ReleaseType) ?? version;
}

/** Checks the new version of a contract against the old one and the bump its changes require. */
export function checkVersion(oldVersion: unknown, newVersion: unknown, required: Bump): VersionCheck {
  const oldOk = isSemver(oldVersion);
  const newOk = isSemver(newVersion);
  if (!newOk) {
    const base = oldOk ? incrementVersion(oldVersion, required === 'none' ? 'patch' : required) : '1.0.0';
    return { ok: false, status: 'invalid', problem: `the new version ${JSON.stringify(newVersion ?? null)} is not a semantic version (MAJOR.MINOR.PATCH)`, suggested: base };
  }
  if (!oldOk) {
    // Nothing to compare with: any valid new version is acceptable.
    return { ok: true, status: 'ok', suggested: newVersion };
  }
  const bump = bumpBetween(oldVersion, newVersion);
  const suggested = incrementVersion(oldVersion, required);
  if (bump === 'decreased') {
    return { ok: false, status: 'decreased', problem: `the version went down from ${oldVersion} to ${newVersion}`, suggested: required === 'none' ? oldVersion : suggested };
  }
  if (RANK[bump] >= RANK[required]) return { ok: true, status: 'ok', suggested: newVersion };
  const what = effectiveComponent(oldVersion, required);
  return {
    ok: false,
    status: 'insufficient',
    problem: `the changes need a ${required} version bump (the ${what} component for ${oldVersion}), but ${oldVersion} → ${newVersion} is ${bump === 'none' ? 'no bump' : `a ${bump} bump`}`,
    suggested,
  };
}
