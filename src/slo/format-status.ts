// Human rendering of an SLO status report (`mesh slo evaluate --format text`).
import type { SloResult, SloStatusReport, SloStatus } from './status.js';

const ORDER: Record<SloStatus, number> = { breached: 0, 'at-risk': 1, unknown: 2, met: 3 };

function target(r: SloResult): string {
  if (r.target === null) return '?';
  return r.unit ? `${r.target} ${r.unit}` : String(r.target);
}

function observed(r: SloResult): string {
  if (r.observed === null) return '-';
  return typeof r.observed === 'number' && r.unit ? `${r.observed} ${r.unit}` : String(r.observed);
}

export function formatStatusText(report: SloStatusReport): string {
  if (report.results.length === 0) return `No SLOs declared (evaluated at ${report.evaluatedAt}).\n`;
  const rows = [...report.results].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.contract.localeCompare(b.contract));
  const name = (r: SloResult) => `${r.contract} ${r.property}${r.element ? `(${r.element})` : ''}`;
  const width = Math.max(...rows.map((r) => name(r).length));
  const lines = rows.map(
    (r) => `${r.status.padEnd(8)}  ${name(r).padEnd(width)}  target ${target(r)}, observed ${observed(r)}${r.observedAt ? ` at ${r.observedAt}` : ''}\n          ${r.message}`,
  );
  const counts = (['breached', 'at-risk', 'unknown', 'met'] as const).map((s) => `${report.results.filter((r) => r.status === s).length} ${s}`);
  return `${lines.join('\n')}\n\n${report.results.length} SLOs evaluated at ${report.evaluatedAt}: ${counts.join(', ')}\n`;
}
