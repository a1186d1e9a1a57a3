import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local web server for test pages; `url(path)` gives a page's address. */
export interface StaticServer {
  url(path: string): string;
  close(): Promise<void>;
}

/**
 * Serves files on 127.0.0.1 from a map of URL path -> file path, always as UTF-8 HTML
 * unless the path says otherwise. Page scripts are off by default (a CSP header) so saved
 * pages cannot navigate away; pass `scripts: true` to allow them.
 */
export async function startStaticServer(
  routes: Record<string, string>,
  options: { scripts?: boolean } = {},
): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = routes[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const type =
      path.endsWith('.xml') || path.endsWith('.svg') ? 'image/svg+xml' : 'text/html; charset=utf-8';
    const headers: Record<string, string> = { 'content-type': type };
    if (!options.scripts) headers['content-security-policy'] = "script-src 'none'";
    res.writeHead(200, headers).end(await readFile(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
