// Worker thread of the parallel loader: loads the files it claims and, for contracts, runs
// the CPU-heavy per-file work (ODCS schema check, and for lint the contract-scope rules) so both
// cores work. Results go back in batches as JSON text (cheaper to rebuild on the main thread than
// structured clones, and the worker's heap stays small); positions are recomputed there on demand.
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedDocument } from '../model/document.js';
import { schemaFindings } from '../odcs/schema-findings.js';
import { checkContracts, contractSummary, isContractFile } from './contract-checks.js';
import { policyDocs } from './checked-mesh.js';
import { fingerprintMemo, isJsonFaithful } from './fingerprint.js';
import { loadFile } from './load-files.js';
import type { LoadOptions } from './options.js';
import type { LoadedItem, ShareRequest, WorkerMessage } from './worker-protocol.js';

/** Files per message to the main thread. */
const POST_BATCH = 64;

async function loadClaims({ files, cursor, claim, options, check }: ShareRequest, post: (message: WorkerMessage) => void): Promise<void> {
  const policy = check ? await policyDocs(check.policyFiles, check.contractsDir, options) : undefined;
  const fingerprint = fingerprintMemo(options.root);
  let loaded: { item: LoadedItem; doc?: LoadedDocument }[] = [];
  let ready: LoadedItem[] = [];
  const checkLoaded = () => {
    if (policy) {
      const contracts = loaded.filter((i) => i.doc && isContractFile(i.doc.absPath)).map((i) => i.doc!);
      if (contracts.length > 0) {
        const checks = checkContracts(policy, contracts, options.cwd);
        for (const entry of loaded) {
          if (!entry.doc || !checks.has(entry.doc.absPath)) continue;
          entry.item.checks = checks.get(entry.doc.absPath)!;
          // The main thread only needs what mesh-scope rules read.
          entry.item.document!.data = contractSummary(entry.doc.data);
        }
      }
    }
    for (const { item } of loaded) ready.push(item);
    loaded = [];
  };
  const flush = () => {
    const plain: LoadedItem[] = [];
    const cloned: LoadedItem[] = [];
    for (const item of ready) (item.document && !isJsonFaithful(item.document.data) ? cloned : plain).push(item);
    post({ type: 'batch', json: JSON.stringify(plain), cloned });
    ready = [];
  };
  // Claims are checked together: small, so a claim's whole contracts stay alive only briefly.
  const next = new Int32Array(cursor);
  for (;;) {
    const start = Atomics.add(next, 0, claim);
    if (start >= files.length) break;
    for (let index = start; index < Math.min(start + claim, files.length); index++) {
      const { document, findings, deps } = await loadFile(files[index], options as LoadOptions);
      const item: LoadedItem = { index, findings };
      if (document) {
        item.document = { file: document.file, absPath: document.absPath, kind: document.kind, data: document.data, hash: document.hash };
        if (!check && document.kind === 'contract') item.schemaFindings = schemaFindings(document);
      }
      if (deps) item.deps = Object.fromEntries(deps.map((d) => [d, fingerprint(d)]));
      loaded.push(document ? { item, doc: document } : { item });
    }
    checkLoaded();
    if (ready.length >= POST_BATCH) flush();
  }
  checkLoaded();
  if (ready.length > 0) flush();
}

if (parentPort) {
  const port = parentPort;
  // The request comes as workerData, or as the first message to a thread started before it was known.
  const request: Promise<ShareRequest> = workerData ? Promise.resolve(workerData as ShareRequest) : new Promise((resolve) => port.once('message', resolve));
  request.then((r) => loadClaims(r, (message) => port.postMessage(message))).then(
    () => port.postMessage({ type: 'done' } satisfies WorkerMessage),
    (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage),
  );
}
