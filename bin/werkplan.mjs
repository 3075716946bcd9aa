#!/usr/bin/env node
// Entry point of the `werkplan` command-line tool (`npx werkplan ...` from the repository).
// The CLI is TypeScript in solver/src/cli. It runs from a bundle that is rebuilt whenever a source
// changes, or through tsx without a build step (bin/cli-bundle.mjs, docs/decisions/cli-fast-start.md).
import { loadCli } from './cli-bundle.mjs';

const { main } = await loadCli();
process.exitCode = await main(process.argv.slice(2));
