#!/usr/bin/env node
// Entry point of the `werkplan` command-line tool (`npx werkplan ...` from the repository).
// The CLI is TypeScript in solver/src/cli; tsx loads it without a build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../solver/src/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
