#!/usr/bin/env node
// Entry point of the `mesh` CLI: runs the bundle built by `npm run build` (done by `npm ci` via `prepare`).
import { main } from '../dist/cli.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
