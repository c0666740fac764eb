// Markdown building blocks for job summaries and the PR comment: escaping and tables. Everything
// interpolated from contracts or users goes through `escapeCell`/`escapeInline`.
import { compareFindings, countBySeverity, type Finding } from '../finding.js';

/** Text safe inside a Markdown table cell: no line breaks, `|` escaped, HTML and mentions inert. */
export function escapeCell(text: string): string {
  return escapeInline(text).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** Text safe in a Markdown paragraph: `<`, `>`, `&` as entities, backticks and `@` neutralised. */
export function escapeInline(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/`/g, '\\`').replace(/@/g, '@\u200b');
}

/** `code` with backticks inside handled (a longer fence). */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

const ICON = { error: ':x:', warning: ':warning:', info: ':information_source:' } as const;

export interface FindingsTableOptions {
  /** At most this many rows (default 50); a line says how many more there are. */
  maxRows?: number;
  /** Link for a file and line, e.g. a blob URL; plain text when absent. */
  link?: (file: string, line: number) => string | undefined;
}

/** Findings as a table: severity, location, rule, message (with the fix hint). */
export function findingsTable(findings: readonly Finding[], options: FindingsTableOptions = {}): string {
  if (findings.length === 0) return '_No findings._';
  const max = options.maxRows ?? 50;
  const sorted = [...findings].sort(compareFindings);
  const rows = sorted.slice(0, max).map((f) => {
    const where = `${f.file}:${f.line}:${f.column}`;
    const url = options.link?.(f.file, f.line);
    return [
      `${ICON[f.severity]} ${f.severity}`,
      url ? `[${escapeCell(where)}](${url})` : escapeCell(where),
      code(f.rule),
      escapeCell(f.message) + (f.fix ? `<br>_fix:_ ${escapeCell(f.fix)}` : ''),
    ];
  });
  const out = [table(['severity', 'where', 'rule', 'message'], rows)];
  if (sorted.length > max) out.push(`\n_…and ${sorted.length - max} more (run \`mesh lint\` locally for the full list)._`);
  return out.join('\n');
}

/** "2 errors, 1 warning, 0 info". */
export function countsLine(findings: readonly Finding[]): string {
  const n = countBySeverity(findings);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  return `${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}, ${n.info} info`;
}
