// The `mesh` program loads a command's module only when that command runs. Help must still describe
// every command and flag, and a command must not drag in the packages of the others.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..', '..');
const COMMANDS = ['validate', 'lint', 'rules', 'diff', 'breaking', 'export', 'import', 'site', 'slo', 'new', 'changelog'];

function mesh(args: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Packages a built script imports statically, following its imports of other chunks of the bundle. */
/** Packages a bundle file imports, following its chunks; with `dynamic`, `import("./chunk.js")` too (not cli.js's: it imports every command). */
function packagesImportedBy(file: string, dynamic = false, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(file)) return packages;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const statics = [...text.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)].map((m) => m[1] ?? m[2]);
  const dynamics = dynamic ? [...text.matchAll(/\bimport\("(\.[^"]+)"\)/g)].map((m) => m[1]) : [];
  for (const spec of [...statics, ...dynamics]) {
    if (spec.startsWith('.')) packagesImportedBy(resolve(dirname(file), spec), dynamic, seen, packages);
    else packages.add(spec);
  }
  return packages;
}

describe('mesh help', () => {
  it('lists every command in `mesh --help`, in order', () => {
    const r = mesh(['--help']);
    expect(r.code).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((name) => name !== 'help');
    expect(listed).toEqual(COMMANDS);
  });

  it.each(COMMANDS)('prints the same help for `mesh %s --help` and `mesh help <it>`', (name) => {
    const direct = mesh([name, '--help']);
    expect(direct.code).toBe(0);
    expect(direct.stdout).toContain(`Usage: mesh ${name}`);
    expect(direct.stdout).toContain('--help');
    expect(mesh(['help', name]).stdout).toBe(direct.stdout);
  });

  it('suggests the command meant by a typo, and exits 2', () => {
    const r = mesh(['lnit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'lnit'");
    expect(r.stderr).toContain('lint');
  });

  it('prints the version', () => {
    expect(mesh(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the built mesh lint', () => {
  it("does not import the other commands' packages", () => {
    // The chunk of the `mesh lint` command (the engine's lint.ts makes another lint-*.js chunk).
    const lintChunk = readdirSync(join(repo, 'dist')).find((f) => /^lint-[A-Z0-9]+\.js$/.test(f) && readFileSync(join(repo, 'dist', f), 'utf8').includes('function registerLint('));
    expect(lintChunk).toBeDefined();
    const packages = [...packagesImportedBy(join(repo, 'dist', lintChunk!), true), ...packagesImportedBy(join(repo, 'dist', 'cli.js'))];
    expect(packages).toContain('js-yaml');
    for (const heavy of ['@octokit/rest', 'marked', 'handlebars', 'avsc', 'node-sql-parser', 'json-schema-diff', 'sanitize-html', '@dagrejs/dagre', 'minisearch']) {
      expect(packages.filter((p) => p === heavy || p.startsWith(`${heavy}/`))).toEqual([]);
    }
  });
});
