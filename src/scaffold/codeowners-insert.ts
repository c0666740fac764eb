// Adding a domain's line to CODEOWNERS without disturbing the file: existing lines, comments and
// order stay as they are; the new `/contracts/<domain>/ <team>` rule goes among the other domain
// rules in alphabetical order (or after the last contracts rule, or at the end). Because the last
// matching rule wins, the result is checked: no later rule may take the folder away from the team.
import { ownersOf, parseCodeowners } from '../ownership/codeowners.js';

export interface CodeownersEdit {
  text: string;
  /** False when the file already gives the folder to the team. */
  changed: boolean;
  /** 1-based line of the domain's rule in the new text. */
  line: number;
  /** Set when the folder would not end up owned by the team (a later rule wins, or another team owns it). */
  problem?: string;
}

const DOMAIN_RULE = /^\/?contracts\/([A-Za-z0-9_-]+)\/\s/;

export function addDomainOwner(text: string, domain: string, team: string, contractsDir = 'contracts'): CodeownersEdit {
  const pattern = `/${contractsDir}/${domain}/`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const probe = `${contractsDir}/${domain}/domain.yaml`;

  const existing = lines.findIndex((l) => l.trim().split(/\s+/)[0]?.replace(/^\//, '').replace(/\/$/, '') === `${contractsDir}/${domain}`);
  if (existing >= 0) {
    const { owners } = ownersOf(parseCodeowners(text, 'CODEOWNERS'), probe);
    if (owners.includes(team)) return { text, changed: false, line: existing + 1 };
    return { text, changed: false, line: existing + 1, problem: `CODEOWNERS line ${existing + 1} already gives ${pattern} to ${owners.join(' ') || 'nobody'}, not ${team}: change that line by hand` };
  }

  const domainRules = lines.map((l, i) => ({ i, m: DOMAIN_RULE.exec(`${l.trim()} `) })).filter((x) => x.m && !x.m[1].startsWith('_'));
  let at: number;
  if (domainRules.length > 0) {
    // Sorted block: keep it sorted. Otherwise the new domain goes after the last one.
    const names = domainRules.map((x) => (x.m as RegExpExecArray)[1]);
    const sorted = names.every((n, k) => k === 0 || names[k - 1] <= n);
    const after = sorted ? domainRules.find((x) => (x.m as RegExpExecArray)[1] > domain) : undefined;
    at = after ? after.i : domainRules[domainRules.length - 1].i + 1;
  } else {
    const lastContracts = lines.map((l, i) => ({ l: l.trim(), i })).filter((x) => /^\/?contracts\//.test(x.l)).pop();
    at = lastContracts ? lastContracts.i + 1 : lines.length;
  }
  // Line the owners up with the neighbouring rule's owners column, as the file does.
  const neighbour = domainRules.find((x) => x.i === at) ?? domainRules[domainRules.length - 1];
  const column = neighbour ? /^(\S+\s+)/.exec(lines[neighbour.i])?.[1].length ?? 0 : 0;
  const rule = `${pattern.padEnd(Math.max(column - 1, pattern.length))} ${team}`;
  const next = [...lines.slice(0, at), rule, ...lines.slice(at)];
  const newText = next.join(eol) + eol;
  const { owners } = ownersOf(parseCodeowners(newText, 'CODEOWNERS'), probe);
  const edit: CodeownersEdit = { text: newText, changed: true, line: at + 1 };
  if (!owners.includes(team)) edit.problem = `a later CODEOWNERS rule still decides who owns ${pattern} (owners: ${owners.join(' ') || 'none'}): move the new line ${at + 1} below it`;
  return edit;
}
