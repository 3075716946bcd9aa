/**
 * The contracts between the parts (ARCHITECTURE.md): the preload bridge and IPC channels, the sync
 * API's wire types and HTTP mapping, the end-to-end encryption format (e2ee.ts, run by the renderer
 * and by the shell), and the content security policy. Not solver concepts: solver,
 * renderer, electron and server all import them, only through this index.
 */
export * from './src/bridge';
export * from './src/csp';
export * from './src/e2ee';
export * from './src/sync';
export * from './src/syncHttp';
