import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Types a static host compresses (Pagefind's index files are compressed already). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg\+xml)/;

export interface Server {
  origin: string;
  close(): Promise<void>;
}

/**
 * A plain static file server on 127.0.0.1 for a built site: `/x/` serves `/x/index.html`, a
 * missing file gets the site's `404.html`. Text goes out gzip-compressed when the client accepts it,
 * as every static host sends it, so Lighthouse's simulated network sees the bytes a reader downloads.
 * The benchmark's own byte figures read decoded bodies and compress them by themselves.
 */
export async function serve(root: string): Promise<Server> {
  const absoluteRoot = path.resolve(root);
  const server = createServer(async (request, response) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      pathname = '/';
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(absoluteRoot, path.normalize(pathname));
    const found = file.startsWith(absoluteRoot) && (await stat(file).catch(() => undefined))?.isFile();
    const served = found ? file : path.join(absoluteRoot, '404.html');
    const exists = found || (await stat(served).catch(() => undefined))?.isFile();
    if (!exists) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[path.extname(served)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    response.writeHead(found ? 200 : 404, {
      'content-type': type,
      'cache-control': found && pathname.includes('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    const body = createReadStream(served);
    (gzip ? body.pipe(createGzip()) : body).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
