#!/usr/bin/env node
// Compares two benchmark results files (scripts/bench.mjs output) row by row and flags every time or
// peak RSS that grew by more than the threshold (default 20 %). Exit code 1 when anything regressed.
//   node scripts/bench-compare.mjs previous.json [bench/results.json] [--threshold 20]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { threshold: { type: 'string', default: '20' } } });
if (positionals.length < 1) {
  console.error('usage: node scripts/bench-compare.mjs <previous.json> [current.json] [--threshold 20]');
  process.exit(2);
}
const [before, after] = [positionals[0], positionals[1] ?? 'bench/results.json'].map((f) => JSON.parse(readFileSync(f, 'utf8')));
const limit = 1 + Number(values.threshold) / 100;
if (before.quick !== after.quick) console.warn('warning: comparing a --quick run with a full run');
if (before.machine !== after.machine) console.warn(`warning: different machines:\n  ${before.machine}\n  ${after.machine}`);

const regressions = [];
let compared = 0;
for (const [name, bench] of Object.entries(after.benches ?? {})) {
  const old = before.benches?.[name];
  if (!old) continue;
  const oldRows = new Map(old.rows.map((r) => [r.what, r]));
  for (const row of bench.rows) {
    const prev = oldRows.get(row.what);
    if (!prev) continue;
    for (const key of ['ms', 'rssMb', 'bytes']) {
      if (typeof row[key] !== 'number' || typeof prev[key] !== 'number' || prev[key] <= 0) continue;
      compared++;
      const factor = row[key] / prev[key];
      const line = `${name}: ${row.what} [${key}] ${fmt(prev[key])} -> ${fmt(row[key])} (${factor >= 1 ? '+' : ''}${Math.round((factor - 1) * 100)} %)`;
      if (factor > limit) regressions.push(line);
      else if (process.argv.includes('--verbose')) console.log(`ok  ${line}`);
    }
  }
}
for (const line of regressions) console.log(`REGRESSION  ${line}`);
console.log(`${compared} numbers compared, ${regressions.length} regressed by more than ${values.threshold} %`);
process.exitCode = regressions.length > 0 ? 1 : 0;

function fmt(v) {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}
