#!/usr/bin/env node
// Runs every bench/*.bench.mjs side by side with its peers, prints a table and writes
// bench/results.json. `npm run bench -- --quick` is the short smoke run CI can afford.
// `--only lint,site` runs a subset.
import { readdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { machine } from '../bench/harness.mjs';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string', default: 'bench/results.json' } } });
const only = values.only?.split(',');
const files = readdirSync('bench').filter((f) => f.endsWith('.bench.mjs')).sort();
const results = { date: new Date().toISOString(), machine: machine(), quick: values.quick, benches: {} };
let failed = false;
for (const file of files) {
  const mod = await import(pathToFileURL(`bench/${file}`).href);
  if (only && !only.includes(mod.name)) continue;
  process.stdout.write(`\n## ${mod.name}\n`);
  try {
    const res = await mod.run({ quick: values.quick });
    results.benches[mod.name] = res;
    console.log(`input: ${res.input}`);
    for (const row of res.rows) console.log(`  ${row.what.padEnd(52)} ${String(Math.round(row.ms ?? 0)).padStart(8)} ms${row.rssMb ? `  ${String(row.rssMb).padStart(5)} MB RSS` : ''}${row.note ? `  ${row.note}` : ''}`);
    for (const [k, v] of Object.entries(res.ratios ?? {})) console.log(`  ratio ${k}: ${v}`);
  } catch (err) {
    failed = true;
    console.error(`  FAILED: ${err.message}`);
  }
}
if (!values.quick || !existsSync(values.out)) writeFileSync(values.out, JSON.stringify(results, null, 2) + '\n');
console.log(`\n${values.quick ? '(quick run: results not kept unless none existed)' : `results written to ${values.out}`}`);
process.exitCode = failed ? 1 : 0;
