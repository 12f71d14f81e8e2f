import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way a static host does: `/dir/` → `/dir/index.html`, unknown
 * paths → the site's 404 page with status 404. `base` mounts the folder under a sub-path.
 */
export async function serveStatic(root: string, base = '/'): Promise<StaticSite> {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) return notFound();
    pathname = `/${pathname.slice(base.length)}`;
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) return notFound();
    try {
      if (!(await stat(file)).isFile()) return notFound();
      response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(await readFile(file));
    } catch {
      await notFound();
    }

    async function notFound(): Promise<void> {
      response.writeHead(404, { 'content-type': CONTENT_TYPES['.html']! });
      response.end(await readFile(path.join(root, '404.html')).catch(() => 'Not found'));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
