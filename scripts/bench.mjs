#!/usr/bin/env node
// Runs every bench/*.bench.mjs (each measures us side by side with peers on the same input), prints
// a table and writes bench/results.json. `npm run bench -- --quick` is the short smoke run CI can
// afford (small sizes, one run; written to bench/out/results-quick.json unless --out is given).
// `--only lint,site` runs a subset; `--markdown` also prints the tables for docs/benchmarks.md;
// `--baseline <other>/bin/mesh.js` adds rows for another build of mesh (what a change gained).
// Compare two results files with scripts/bench-compare.mjs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { readdirSync } from 'node:fs';
import { load1, machine } from '../bench/harness.mjs';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    markdown: { type: 'boolean', default: false },
    // bin/mesh.js of another build (e.g. an older commit, built elsewhere) to measure side by side.
    baseline: { type: 'string' },
    // Keep the other benches of the existing results file (re-run only some with --only).
    merge: { type: 'boolean', default: false },
  },
});
const only = values.only?.split(',');
const out = values.out ?? (values.quick ? 'bench/out/results-quick.json' : 'bench/results.json');
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.mjs')).sort();
if (!existsSync('dist/cli.js')) throw new Error('build first: node scripts/build.mjs');
const previous = values.merge && existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : undefined;
const results = { date: new Date().toISOString(), machine: machine(), quick: values.quick, loadAverageAtStart: load1(), benches: { ...(previous?.benches ?? {}) } };
let failed = false;
for (const file of files) {
  const mod = await import(pathToFileURL(`bench/${file}`).href);
  if (only && !only.includes(mod.name)) continue;
  process.stdout.write(`\n## ${mod.name}\n`);
  const started = Date.now();
  try {
    const loadBefore = load1();
    const res = await mod.run({ quick: values.quick, baseline: values.baseline });
    results.benches[mod.name] = { ...res, loadAverage: [loadBefore, load1()], seconds: Math.round((Date.now() - started) / 1000) };
    console.log(`input: ${res.input}  (load average ${loadBefore} -> ${load1()})`);
    for (const row of res.rows) console.log(`  ${row.what.padEnd(60)} ${cell(row).padStart(12)}${row.rssMb ? `  ${String(row.rssMb).padStart(5)} MB RSS` : ''}${row.note ? `  ${row.note}` : ''}`);
    for (const [k, v] of Object.entries(res.ratios ?? {})) console.log(`  ratio ${k}: ${v}`);
  } catch (err) {
    failed = true;
    console.error(`  FAILED: ${err.stack ?? err.message}`);
  }
}
results.loadAverageAtEnd = load1();
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\nresults written to ${out}`);
if (values.markdown) console.log('\n' + markdown(results));
process.exitCode = failed ? 1 : 0;

function cell(row) {
  if (row.ms !== undefined) return `${Math.round(row.ms)} ms`;
  if (row.bytes !== undefined) return `${Math.round(row.bytes / 1024)} KiB`;
  return '';
}

export function markdown(res) {
  const lines = [];
  for (const [name, bench] of Object.entries(res.benches)) {
    lines.push(`### ${name}`, '', `Input: ${bench.input}. Load average ${bench.loadAverage.join(' → ')}.`, '', '| what | time / size | peak RSS | note |', '|---|---:|---:|---|');
    for (const row of bench.rows) lines.push(`| ${row.what} | ${cell(row)} | ${row.rssMb ? `${row.rssMb} MB` : ''} | ${row.note ?? ''} |`);
    if (Object.keys(bench.ratios ?? {}).length) {
      lines.push('', '| ratio | value |', '|---|---:|');
      for (const [k, v] of Object.entries(bench.ratios)) lines.push(`| ${k} | ${v} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
