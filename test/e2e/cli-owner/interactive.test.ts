// `mesh new` asks for what is missing when it runs in a terminal. The binary runs under `script`
// (util-linux), which gives it a real pseudo-terminal; answers are typed when each prompt appears.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/mesh.js');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
let work: string;

/** Runs `mesh <args>` in a terminal; each [prompt text, keys] pair is typed once its prompt shows. */
function inTerminal(args: string, answers: [string, string][]): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `${process.execPath} ${BIN} ${args}`, '/dev/null'], { cwd: work, env: { ...process.env, TERM: 'xterm' } });
    let screen = '';
    let unseen = '';
    const pending = [...answers];
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString();
      unseen += chunk.toString();
      while (pending.length > 0 && unseen.includes(pending[0][0])) {
        const [, keys] = pending.shift()!;
        unseen = '';
        setTimeout(() => child.stdin.write(keys), 50);
      }
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no answer expected any more, still waiting; screen so far:\n${screen}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist/cli.js'))) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
  work = mkdtempSync(path.join(tmpdir(), 'mesh-prompts-'));
  cpSync(path.join(ROOT, 'contracts'), path.join(work, 'contracts'), { recursive: true });
  cpSync(path.join(ROOT, 'CODEOWNERS'), path.join(work, 'CODEOWNERS'));
  spawnSync('git', ['init', '-q', work]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasScript)('mesh new in a terminal', () => {
  it('asks for the domain name (rejecting an invalid one), offers the team and tier defaults, and writes the domain', async () => {
    const { code, screen } = await inTerminal('new domain', [
      ['Domain name', 'Bad Name\r'],
      ['use lower-case letters', '\u0015payments\r'], // Ctrl-U clears the rejected answer
      ['Owning GitHub team', '\r'],
      ['Default tier', '\u00152\r'],
    ]);
    expect(screen).toContain('wrote contracts/payments/domain.yaml');
    expect(code).toBe(0);
    const domain = parse(readFileSync(path.join(work, 'contracts/payments/domain.yaml'), 'utf8'));
    expect(domain).toMatchObject({ kind: 'Domain', name: 'payments', team: '@acme/payments-data', tier: 2 });
    expect(readFileSync(path.join(work, 'CODEOWNERS'), 'utf8')).toMatch(/^\/contracts\/payments\/ +@acme\/payments-data$/m);
  });

  it('never prompts with --no-interactive, even in a terminal', async () => {
    const { code, screen } = await inTerminal('new domain --no-interactive', []);
    expect(code).toBe(2);
    expect(screen).toMatch(/missing <name>/);
  });
});
