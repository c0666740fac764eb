// A finding is what every check in the engine produces: one problem, at one place, from one rule.
// Its JSON shape is a public interface (see docs/output.md): keep the keys stable.

export type Severity = 'error' | 'warning' | 'info';

/** A path inside a parsed document, e.g. ['schema', 0, 'properties', 3, 'logicalType']. */
export type JsonPath = readonly (string | number)[];

export interface Finding {
  /** Path of the file, relative to the current working directory, with `/` separators. */
  file: string;
  /** 1-based line and column of the offending node (1:1 when the whole file is concerned). */
  line: number;
  column: number;
  /** Stable rule id, e.g. `policy/pii-tag-required` or `odcs/schema`. */
  rule: string;
  severity: Severity;
  message: string;
  /** One-line hint telling the owner how to fix it. */
  fix?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Formats a JSON path the way messages show it: `schema[0].properties[3].logicalType`. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(document)' : out;
}

/** Stable order for output: by file, then position, then rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
