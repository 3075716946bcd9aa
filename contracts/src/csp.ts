/**
 * Content-Security-Policy of the planner, shared by the renderer build (meta tag) and the Electron
 * shell (response header for app://werkplan/). 'wasm-unsafe-eval' lets the solver worker compile
 * HiGHS-WASM; no other code evaluation, no inline scripts, no remote origins.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Cross-origin isolation, so the solver worker may use SharedArrayBuffer to interrupt a solve. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;
