// Worker-thread entry of `werkplan batch` (solver/src/batch/pool.node.ts starts it). A worker thread
// has no TypeScript loader of its own: tsx loads the worker's TypeScript here, as bin/werkplan.mjs
// loads the CLI, so it runs alike from `node bin/werkplan.mjs`, `npx werkplan` and the tests.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.node.ts', import.meta.url);
