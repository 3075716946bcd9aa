import 'fake-indexeddb/auto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { setTryLoader } from './project/tryAssets';

afterEach(() => cleanup());

// The DWD test reference years from disk: the app fetches them as Vite assets, tests have no server.
const TRY_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/weather/dwd-try');
setTryLoader(async (file) => new Uint8Array(await readFile(path.join(TRY_DIR, file))));
