import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local web server for test pages; `url(path)` gives a page's address. */
export interface StaticServer {
  url(path: string): string;
  close(): Promise<void>;
}

/** A route: a file path, or a body made in the test (with its content type). */
export type Route = string | { body: string; type?: string };

function contentType(path: string, route: Route): string {
  if (typeof route !== 'string' && route.type) return route.type;
  if (path.endsWith('.svg')) return 'image/svg+xml';
  if (path.endsWith('.xml')) return 'application/xml';
  return 'text/html; charset=utf-8';
}

/**
 * Serves routes on 127.0.0.1 (URL path -> file or body), as UTF-8 HTML unless the path or
 * the route says otherwise. Page scripts are off by default (a CSP header) so saved pages
 * cannot navigate away; pass `scripts: true` to allow them.
 */
export async function startStaticServer(
  routes: Record<string, Route>,
  options: { scripts?: boolean } = {},
): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes[path];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': contentType(path, route) };
    if (!options.scripts) headers['content-security-policy'] = "script-src 'none'";
    res.writeHead(200, headers).end(typeof route === 'string' ? await readFile(route) : route.body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
