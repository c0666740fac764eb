// Renders lint/validate findings in the four formats the CLI offers. The JSON shape is public.
import pc from 'picocolors';
import { compareFindings, countBySeverity, type Finding } from '../finding.js';
import { toSarif } from './sarif.js';

export type FindingsFormat = 'text' | 'json' | 'sarif' | 'github';
export const FINDINGS_FORMATS: readonly FindingsFormat[] = ['text', 'json', 'sarif', 'github'];

export interface FindingsReport {
  /** Number of files checked. */
  files: number;
  findings: Finding[];
}

export interface FormatOptions {
  color?: boolean;
  /** Tool name/version for SARIF. */
  toolVersion?: string;
}

export function formatFindings(report: FindingsReport, format: FindingsFormat, options: FormatOptions = {}): string {
  const findings = [...report.findings].sort(compareFindings);
  switch (format) {
    case 'json':
      return JSON.stringify({ files: report.files, findings: findings.map(publicFinding) }, null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(toSarif(findings, options.toolVersion ?? '0.0.0'), null, 2) + '\n';
    case 'github':
      return findings.map(githubCommand).join('');
    case 'text':
      return formatText(report.files, findings, options.color ?? false);
  }
}

/** Exactly the public keys, in a stable order (no internal fields leak). */
function publicFinding(f: Finding): Finding {
  const out: Finding = { file: f.file, line: f.line, column: f.column, rule: f.rule, severity: f.severity, message: f.message };
  if (f.fix) out.fix = f.fix;
  return out;
}

function formatText(files: number, findings: Finding[], color: boolean): string {
  const c = pc.createColors(color);
  const paint = { error: c.red, warning: c.yellow, info: c.blue } as const;
  const lines: string[] = [];
  let current: string | undefined;
  for (const f of findings) {
    if (f.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(c.underline(f.file));
      current = f.file;
    }
    lines.push(`  ${c.dim(`${f.line}:${f.column}`)}  ${paint[f.severity](f.severity.padEnd(7))} ${f.message}  ${c.dim(f.rule)}`);
    if (f.fix) lines.push(`  ${' '.repeat(`${f.line}:${f.column}`.length)}  ${c.dim(`fix: ${f.fix}`)}`);
  }
  const n = countBySeverity(findings);
  const summary = `${files} file${files === 1 ? '' : 's'} checked: ${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}, ${n.info} info`;
  if (lines.length) lines.push('');
  lines.push(n.error ? c.red(summary) : n.warning ? c.yellow(summary) : c.green(summary));
  return lines.join('\n') + '\n';
}

/** GitHub workflow command; properties and data escaped as the runner expects. */
export function githubCommand(f: Finding): string {
  const level = f.severity === 'info' ? 'notice' : f.severity;
  const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.rule)}`;
  const text = f.fix ? `${f.message} (fix: ${f.fix})` : f.message;
  return `::${level} ${props}::${escapeData(text)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Exit code contract: 1 when errors (or warnings with --strict), else 0. */
export function exitCodeFor(findings: readonly Finding[], strict = false): 0 | 1 {
  const n = countBySeverity(findings);
  return n.error > 0 || (strict && n.warning > 0) ? 1 : 0;
}
