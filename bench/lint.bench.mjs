// Lint of a whole generated mesh (1,000, 5,000 — the size issue 3 names — and 10,000 contracts), side
// by side with its peers on the same files: ajv-cli validating every contract against the official
// ODCS schema, Spectral with a minimal ruleset (bench/spectral/ruleset.yaml), and parse-only floors
// (js-yaml, and the `yaml` package for reference) reading every file in one process on one thread.
// Every row records the 1-minute load average at its start (the machine may be shared).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureMesh, load1, measure as measureRuns, ratio } from './harness.mjs';

/** measure(), plus the load average when the measurement started. */
function measure(argv, options) {
  const load = load1();
  return { ...measureRuns(argv, options), load };
}

/**
 * The commands measured in turn, one run each per round, so that all of them meet the same load
 * (the ratios compare them); per command: median, all times, peak RSS, load at the start of each round.
 */
function interleaved(commands, runs) {
  const out = Object.fromEntries(Object.keys(commands).map((key) => [key, { times: [], rssMb: 0, loads: [] }]));
  for (let round = 0; round < runs; round++) {
    for (const [key, argv] of Object.entries(commands)) {
      const load = load1();
      const one = measureRuns(argv, { runs: 1 });
      out[key].times.push(one.medianMs);
      out[key].rssMb = Math.max(out[key].rssMb, one.rssMb);
      out[key].loads.push(load);
    }
  }
  for (const m of Object.values(out)) {
    m.medianMs = [...m.times].sort((a, b) => a - b)[Math.floor(m.times.length / 2)];
    m.load = m.loads.join(' / ');
  }
  return out;
}

export const name = 'lint';

export function run({ quick, baseline }) {
  const sizes = quick ? [300] : [1000, 5000, 10000];
  const node = process.execPath;
  const rows = [];
  const ratios = {};
  for (const n of sizes) {
    const dir = ensureMesh(n);
    const runs = quick ? 1 : 3;
    const lintArgs = [node, 'bin/mesh.js', 'lint', join(dir, 'contracts'), '--root', dir, '--format', 'json'];
    const ajvArgs = [node, 'node_modules/ajv-cli/dist/index.js', 'validate', '--spec=draft2019', '--strict=false', '-c', 'ajv-formats',
      '-s', 'schemas/odcs/odcs-json-schema-v3.1.0.json', '-d', `${dir}/contracts/*/*.odcs.yaml`];
    // Lint, ajv-cli, the floor (and the baseline build) take turns: their ratios are what the targets are about.
    const { cold, ajv, jsYaml, before } = interleaved(
      { cold: lintArgs, ajv: ajvArgs, jsYaml: [node, 'bench/parse-floor.mjs', `${dir}/contracts`, 'js-yaml'], ...(baseline ? { before: [node, baseline, ...lintArgs.slice(2)] } : {}) },
      runs,
    );
    const single = measure([...lintArgs, '--workers', '1'], { runs: quick ? 1 : n >= 10000 ? 1 : runs });
    const cacheDir = join(dir, '.mesh-cache');
    rmSync(cacheDir, { recursive: true, force: true });
    const fill = measure([...lintArgs, '--cache'], { runs: 1 });
    const warm = measure([...lintArgs, '--cache'], { runs });
    // Spectral takes minutes at 10,000 files: one run there, none at 5,000 (the two others bracket it).
    const peers = n !== 5000;
    const spectral = peers && measure(
      [node, 'node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', '-q', '-f', 'json', '-r', 'bench/spectral/ruleset.yaml', `${dir}/contracts/*/*.odcs.yaml`],
      { runs: n >= 10000 ? 1 : runs },
    );
    const yaml = peers && measure([node, 'bench/parse-floor.mjs', `${dir}/contracts`, 'yaml'], { runs: n >= 10000 ? 1 : runs });
    const k = n >= 1000 ? `${n / 1000}k` : String(n);
    rows.push(
      { what: `${k}: mesh lint (validate + all rules), cold`, ms: cold.medianMs, rssMb: cold.rssMb, load: cold.load, times: cold.times.map(Math.round) },
      ...(before ? [{ what: `${k}: mesh lint, baseline build`, ms: before.medianMs, rssMb: before.rssMb, load: before.load, note: baseline }] : []),
      { what: `${k}: mesh lint --workers 1 (one thread), cold`, ms: single.medianMs, rssMb: single.rssMb, load: single.load },
      { what: `${k}: mesh lint --cache, filling the cache`, ms: fill.medianMs, rssMb: fill.rssMb, load: fill.load },
      { what: `${k}: mesh lint --cache, nothing changed`, ms: warm.medianMs, rssMb: warm.rssMb, load: warm.load },
      { what: `${k}: ajv-cli validate (official schema only)`, ms: ajv.medianMs, rssMb: ajv.rssMb, load: ajv.load, times: ajv.times.map(Math.round) },
      ...(spectral ? [{ what: `${k}: spectral lint (5-rule minimal ruleset)`, ms: spectral.medianMs, rssMb: spectral.rssMb, load: spectral.load, ...(n >= 10000 ? { note: '1 run' } : {}) }] : []),
      { what: `${k}: parse-only floor: js-yaml, one thread`, ms: jsYaml.medianMs, rssMb: jsYaml.rssMb, load: jsYaml.load, times: jsYaml.times.map(Math.round) },
      ...(yaml ? [{ what: `${k}: parse-only: yaml parseDocument, one thread`, ms: yaml.medianMs, rssMb: yaml.rssMb, load: yaml.load }] : []),
    );
    Object.assign(ratios, {
      [`${k}: lint / ajv-cli`]: ratio(cold.medianMs, ajv.medianMs),
      [`${k}: lint / js-yaml floor`]: ratio(cold.medianMs, jsYaml.medianMs),
      ...(spectral ? { [`${k}: lint / spectral`]: ratio(cold.medianMs, spectral.medianMs) } : {}),
      [`${k}: lint warm cache / js-yaml floor`]: ratio(warm.medianMs, jsYaml.medianMs),
    });
  }
  return { input: `generated meshes of ${sizes.join(', ')} contracts (scripts/lib/mesh-generator.mjs, seed 42)`, rows, ratios };
}
