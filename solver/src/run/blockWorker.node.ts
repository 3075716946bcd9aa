import { parentPort } from 'node:worker_threads';
import { createHighsBackend } from '../lp/highs';
import { blockWorkerHandler, type ToBlockWorker } from './blockPool';

/** The block worker thread: blockPool.ts's handler over this thread's port, with its own HiGHS. */
if (parentPort) {
  const port = parentPort;
  const handle = blockWorkerHandler((msg, transfer) => port.postMessage(msg, transfer), createHighsBackend);
  port.on('message', (msg: ToBlockWorker) => void handle(msg));
}
