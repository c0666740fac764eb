// Worker thread of the parallel loader: loads a share of the mesh's files and checks each contract
// against the ODCS schema, the two CPU-heavy steps, so both cores work. Results go back as plain
// data; the main thread rebuilds LoadedDocuments (positions are recomputed there only on demand).
import { parentPort, workerData } from 'node:worker_threads';
import { loadFile } from './load-files.js';
import type { LoadOptions } from './options.js';
import { schemaFindings } from '../odcs/schema-findings.js';
import type { LoadedShare, ShareRequest } from './worker-protocol.js';

async function loadShare({ files, options }: ShareRequest): Promise<LoadedShare> {
  const out: LoadedShare = { items: [] };
  // A few files in flight hide the fs latency; parsing itself is synchronous.
  let next = 0;
  const run = async () => {
    while (next < files.length) {
      const index = next++;
      const absPath = files[index];
      const { document, findings } = await loadFile(absPath, options as LoadOptions);
      out.items.push({
        index,
        findings,
        ...(document
          ? {
              document: { file: document.file, absPath: document.absPath, kind: document.kind, data: document.data, hash: document.hash },
              ...(document.kind === 'contract' ? { schemaFindings: schemaFindings(document) } : {}),
            }
          : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: 4 }, run));
  return out;
}

if (parentPort) {
  const port = parentPort;
  loadShare(workerData as ShareRequest).then(
    (share) => port.postMessage({ ok: true, share }),
    (error: unknown) => port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
}
