// Cold start of each bundled GitHub Action: from process start to its first line of output, running
// `node actions/<name>/dist/index.js` with a minimal environment (no inputs: the first line is
// usually the action saying what it is missing, which is exactly when a user first sees it react).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { firstOutput } from './harness.mjs';

export const name = 'actions';

export async function run({ quick }) {
  const rows = [];
  const ratios = {};
  const names = readdirSync('actions').filter((a) => existsSync(join('actions', a, 'dist', 'index.js'))).sort();
  for (const action of names) {
    const res = await firstOutput([process.execPath, join('actions', action, 'dist', 'index.js')], {
      runs: quick ? 2 : 7,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', RUNNER_TEMP: '/tmp' },
    });
    rows.push({ what: `${action}: process start -> first output`, ms: res.medianMs, note: res.firstLine.slice(0, 70) });
    ratios[`${action}: cold start / 300 ms target`] = Math.round((res.medianMs / 300) * 100) / 100;
  }
  const node = await firstOutput([process.execPath, '-e', 'console.log(1)'], { runs: quick ? 2 : 7, env: { PATH: process.env.PATH ?? '' } });
  rows.push({ what: 'node -e console.log (the floor)', ms: node.medianMs });
  return { input: `${names.length} bundled actions`, rows, ratios };
}
