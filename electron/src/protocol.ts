import path from 'node:path';
import type { FileSystemLike } from './electron-api';
import { APP_HOST, APP_SCHEME, securityHeaders } from './security';

/** Registered as privileged before `app.ready`: standard, secure, fetch and service workers allowed. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

export const mimeType = (file: string): string =>
  MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

export class ForbiddenPathError extends Error {}

const DOT_SEGMENT = /(^|\/|%2f|%5c|\\)(\.|%2e){1,2}($|\/|%2f|%5c|\\|\?|#)/i;

/**
 * Maps app://werkplan/<path> to a file inside `root`. Refuses other hosts, `..` segments (also
 * percent-encoded), backslashes, NUL bytes and anything that would resolve outside `root`.
 */
export function resolveAppPath(root: string, url: string): string {
  // Refuse dot segments before the URL parser silently resolves them.
  if (DOT_SEGMENT.test(url)) throw new ForbiddenPathError(`path traversal: ${url}`);
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ForbiddenPathError(`not a URL: ${url}`);
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST)
    throw new ForbiddenPathError(`foreign origin: ${url}`);
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    throw new ForbiddenPathError(`bad encoding: ${url}`);
  }
  if (pathname.includes('\0') || pathname.includes('\\'))
    throw new ForbiddenPathError(`bad characters: ${url}`);
  const segments = pathname.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) throw new ForbiddenPathError(`path traversal: ${url}`);
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const resolved = path.resolve(root, relative);
  const rootResolved = path.resolve(root);
  if (resolved !== rootResolved && !resolved.startsWith(rootResolved + path.sep))
    throw new ForbiddenPathError(`outside root: ${url}`);
  return resolved;
}

/** The protocol handler for `protocol.handle('app', …)`: files from `root` only, with security headers. */
export function createAppProtocolHandler(
  root: string,
  fs: FileSystemLike,
): (request: { url: string }) => Promise<Response> {
  const headers = securityHeaders();
  return async (request) => {
    let file: string;
    try {
      file = resolveAppPath(root, request.url);
      // A symlink inside the root must not lead outside it.
      const real = await fs.realpath(file);
      const realRoot = await fs.realpath(root);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep))
        throw new ForbiddenPathError(`symlink out of root: ${request.url}`);
      const st = await fs.stat(real);
      if (!st.isFile()) return new Response('Not found', { status: 404, headers });
      const body = await fs.readFile(real);
      return new Response(body as BodyInit, {
        status: 200,
        headers: { ...headers, 'Content-Type': mimeType(file) },
      });
    } catch (err) {
      if (err instanceof ForbiddenPathError) return new Response('Forbidden', { status: 403, headers });
      return new Response('Not found', { status: 404, headers });
    }
  };
}
