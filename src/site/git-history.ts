// The git history of contract files, read with two git processes whatever the mesh size: one
// `git log --raw` over the contracts folder, one `git cat-file --batch` for the file versions.
// No git, or not a repository: an empty history (the site then lists the current version only).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import type { HistoryEntry } from './changelog.js';

interface Change {
  commit: string;
  date: string;
  subject: string;
  blob: string;
}

/** Oldest-first history per absolute file path of the files asked for. */
export async function readGitHistory(dir: string, files: readonly string[]): Promise<Map<string, HistoryEntry[]>> {
  const out = new Map<string, HistoryEntry[]>();
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
  if (top.status !== 0 || !top.stdout) return out;
  const root = top.stdout.trim();
  const wanted = new Map(files.map((f) => [path.relative(root, f).split(path.sep).join('/'), f]));
  const log = spawnSync('git', ['-c', 'core.quotepath=off', 'log', '--format=%x1e%H%x09%aI%x09%s', '--raw', '--no-abbrev', '--no-renames', '--', path.relative(root, dir) || '.'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (log.status !== 0) return out;
  const changes = new Map<string, Change[]>();
  for (const record of log.stdout.split('\x1e')) {
    if (!record.trim()) continue;
    const [head, ...lines] = record.split('\n');
    const [commit, date, ...subject] = head.split('\t');
    for (const line of lines) {
      const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) [A-Z]\d*\t(.+)$/.exec(line);
      if (!m || /^0+$/.test(m[1]) || !wanted.has(m[2])) continue;
      const list = changes.get(m[2]) ?? [];
      list.push({ commit, date, subject: subject.join('\t'), blob: m[1] });
      changes.set(m[2], list);
    }
  }
  const blobs = [...new Set([...changes.values()].flatMap((list) => list.map((c) => c.blob)))];
  const texts = await catBlobs(root, blobs);
  for (const [rel, list] of changes) {
    const abs = wanted.get(rel) as string;
    out.set(
      abs,
      list
        .reverse()
        .map((c) => ({ commit: c.commit, date: c.date, subject: c.subject, text: texts.get(c.blob) ?? '' })),
    );
  }
  return out;
}

function catBlobs(cwd: string, blobs: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (blobs.length === 0) return Promise.resolve(texts);
  return new Promise((resolve) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(texts));
    child.on('close', () => {
      const all = Buffer.concat(chunks);
      let pos = 0;
      while (pos < all.length) {
        const nl = all.indexOf(0x0a, pos);
        if (nl < 0) break;
        const [sha, type, size] = all.subarray(pos, nl).toString('utf8').split(' ');
        if (type === undefined || type === 'missing') {
          pos = nl + 1;
          continue;
        }
        const length = Number(size);
        texts.set(sha, all.subarray(nl + 1, nl + 1 + length).toString('utf8'));
        pos = nl + 1 + length + 1;
      }
      resolve(texts);
    });
    child.stdin.end(blobs.join('\n') + '\n');
  });
}
