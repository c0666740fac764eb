// Shared helpers for the benchmarks: run a command several times, take the median wall time and
// the peak RSS (GNU time), and keep a generated mesh around between runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { generateMesh } from '../scripts/lib/mesh-generator.mjs';

export const HAS_GNU_TIME = existsSync('/usr/bin/time');

/** Runs `argv` `runs` times; returns median ms, all ms, peak RSS in MB (max over runs) and the last exit status. */
export function measure(argv, { runs = 3, cwd = process.cwd(), env = process.env, okStatuses = [0, 1] } = {}) {
  const times = [];
  let rssMb = 0;
  let status = 0;
  let stderr = '';
  for (let i = 0; i < runs; i++) {
    const cmd = HAS_GNU_TIME ? ['/usr/bin/time', '-f', '__RSS_KB=%M', ...argv] : argv;
    const start = process.hrtime.bigint();
    const res = spawnSync(cmd[0], cmd.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = res.status ?? -1;
    stderr = res.stderr ?? '';
    const m = /__RSS_KB=(\d+)/.exec(stderr);
    if (m) rssMb = Math.max(rssMb, Number(m[1]) / 1024);
    if (!okStatuses.includes(status)) {
      throw new Error(`${argv.join(' ')} exited ${status}:\n${stderr.slice(-2000)}`);
    }
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], times, rssMb: Math.round(rssMb), status };
}

/** Generates (once per size/seed) a mesh under bench/out/ and returns its folder. */
export function ensureMesh(contracts, seed = 42) {
  const dir = join('bench', 'out', `mesh-${contracts}-s${seed}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of generateMesh({ contracts, seed, policyDir: 'contracts' })) {
    const path = join(dir, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}

/** Median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Cold start: spawns `argv` and returns the ms until its first byte of output (stdout or stderr),
 * median over `runs`; the process is then left to finish (or killed after `timeoutMs`).
 */
export async function firstOutput(argv, { runs = 5, env = {}, cwd = process.cwd(), timeoutMs = 10_000 } = {}) {
  const times = [];
  let sample = '';
  for (let i = 0; i < runs; i++) {
    const result = await new Promise((resolve) => {
      const start = process.hrtime.bigint();
      const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let done = false;
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const first = (chunk) => {
        if (done) return;
        done = true;
        resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, text: String(chunk).split('\n').find((l) => l.trim() !== '') ?? '' });
      };
      child.stdout.on('data', first);
      child.stderr.on('data', first);
      child.on('close', () => {
        clearTimeout(timer);
        if (!done) {
          done = true;
          resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, text: '(no output)' });
        }
      });
    });
    times.push(result.ms);
    sample = result.text;
  }
  return { medianMs: median(times), times, firstLine: sample };
}

/** Total bytes and file count below a directory. */
export function treeSize(dir) {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = treeSize(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += statSync(p).size;
      files++;
    }
  }
  return { bytes, files };
}

/** The 1-minute load average, rounded (numbers taken under load are marked as such). */
export function load1() {
  return Math.round(loadavg()[0] * 100) / 100;
}

export function machine() {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export const ratio = (a, b) => Math.round((a / b) * 100) / 100;
