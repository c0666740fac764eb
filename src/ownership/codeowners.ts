// CODEOWNERS with GitHub's semantics: gitignore-style patterns, the LAST matching rule wins, a rule
// without owners un-owns the paths it matches, and a line with invalid syntax is skipped (and reported).

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  /** 1-based line of the rule in the file. */
  line: number;
}

export interface Codeowners {
  /** Path of the CODEOWNERS file (as given to parseCodeowners). */
  file: string;
  rules: CodeownersRule[];
  errors: { line: number; message: string }[];
}

// @user, @org/team, or an e-mail address.
const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9-]*)\/[A-Za-z0-9_.-]+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function isValidOwner(owner: string): boolean {
  return USER.test(owner) || TEAM.test(owner) || EMAIL.test(owner);
}

export function parseCodeowners(text: string, file: string): Codeowners {
  const rules: CodeownersRule[] = [];
  const errors: { line: number; message: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const tokens = tokenize(lines[i]);
    if (tokens.length === 0) continue;
    const [pattern, ...owners] = tokens;
    const problem = patternProblem(pattern);
    if (problem) {
      errors.push({ line, message: `${problem}; GitHub skips this line` });
      continue;
    }
    const badOwners = owners.filter((o) => !isValidOwner(o));
    if (badOwners.length > 0) {
      errors.push({
        line,
        message: `invalid owner ${badOwners.map((o) => JSON.stringify(o)).join(', ')}: owners are @user, @org/team or an e-mail address; GitHub skips this line`,
      });
      continue;
    }
    rules.push({ pattern, owners, line });
  }
  return { file, rules, errors };
}

/** Splits a line into pattern and owners, dropping comments (`#` at a token start; `\#` is a literal `#`). */
function tokenize(raw: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      // Keep escapes in the pattern; the matcher unescapes them.
      current += ch + raw[i + 1];
      inToken = true;
      i++;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
      continue;
    }
    if (ch === '#' && !inToken) break;
    current += ch;
    inToken = true;
  }
  if (inToken) tokens.push(current);
  return tokens;
}

function patternProblem(pattern: string): string | undefined {
  if (pattern.startsWith('!')) return `pattern ${JSON.stringify(pattern)} uses "!" negation, which CODEOWNERS does not support`;
  if (/(^|[^\\])\[/.test(pattern)) return `pattern ${JSON.stringify(pattern)} uses a [ ] character range, which CODEOWNERS does not support`;
  if (pattern.startsWith('@')) return `the line starts with an owner (${JSON.stringify(pattern)}) instead of a path pattern`;
  return undefined;
}

const compiled = new WeakMap<CodeownersRule, RegExp>();

/** Per CODEOWNERS, the rule that decides each path asked so far (two ownership rules ask for every contract). */
const decided = new WeakMap<Codeowners, Map<string, CodeownersRule | undefined>>();

/** The owners of a repository-relative path: the last matching rule wins; no match means no owners. */
export function ownersOf(codeowners: Codeowners, repoRelativePath: string): { owners: string[]; rule?: CodeownersRule } {
  const target = repoRelativePath.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  let byPath = decided.get(codeowners);
  if (!byPath) decided.set(codeowners, (byPath = new Map()));
  let rule = byPath.get(target);
  if (rule === undefined && !byPath.has(target)) {
    rule = lastMatchingRule(codeowners, target);
    byPath.set(target, rule);
  }
  return rule ? { owners: [...rule.owners], rule } : { owners: [] };
}

function lastMatchingRule(codeowners: Codeowners, target: string): CodeownersRule | undefined {
  for (let i = codeowners.rules.length - 1; i >= 0; i--) {
    const rule = codeowners.rules[i];
    let regex = compiled.get(rule);
    if (!regex) {
      regex = patternToRegExp(rule.pattern);
      compiled.set(rule, regex);
    }
    if (regex.test(target)) return rule;
  }
  return undefined;
}

/**
 * gitignore-style pattern -> RegExp over repository-relative paths:
 * - a leading `/`, or a `/` in the middle, anchors the pattern at the repository root; otherwise it
 *   matches at any depth;
 * - a trailing `/` matches only directories (so: every file below them);
 * - `*` matches within one path segment, `?` one character, `**` any number of directories;
 * - a pattern that names a directory also matches every file below it, except when its last
 *   segment is a bare `*` (`docs/*` owns `docs/a.md`, not `docs/sub/b.md`).
 */
export function patternToRegExp(pattern: string): RegExp {
  let p = pattern;
  const dirOnly = p.length > 1 && p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const segments = p.split('/');
  const lastIsStar = segments[segments.length - 1] === '*';

  let body = '';
  for (let s = 0; s < segments.length; s++) {
    const segment = segments[s];
    const isLast = s === segments.length - 1;
    if (segment === '**') {
      body += isLast ? '.*' : '(?:[^/]*/)*';
      continue;
    }
    body += segmentToRegExp(segment);
    if (!isLast) body += '/';
  }
  const prefix = anchored ? '^' : '^(?:.*/)?';
  const suffix = dirOnly ? '/.*$' : lastIsStar ? '$' : '(?:/.*)?$';
  return new RegExp(prefix + body + suffix);
}

function segmentToRegExp(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === '\\' && i + 1 < segment.length) {
      out += escapeRegExp(segment[i + 1]);
      i++;
    } else if (ch === '*') {
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else {
      out += escapeRegExp(ch);
    }
  }
  return out;
}

function escapeRegExp(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
