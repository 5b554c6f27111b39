/**
 * The sign-in handler on Node's own HTTP server: for trying it locally and for the browser test.
 * Production runs it on a serverless platform (worker.ts). Usage:
 *   GITHUB_CLIENT_ID=… GITHUB_CLIENT_SECRET=… ALLOWED_ORIGINS=https://… node cms/oauth/node-server.ts
 */
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { handleOAuth, type OAuthEnv } from './handler.ts';

/** Serves the handler on `host:port` (0 = any free port); resolves with its base URL. */
export async function serveOAuth(
  env: OAuthEnv,
  port = 0,
  host = 'localhost',
): Promise<{ url: string; server: Server }> {
  let base = '';
  const server = createServer((req, res) => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(key, value);
    }
    handleOAuth(
      new Request(new URL(req.url ?? '/', base), { method: req.method ?? 'GET', headers }),
      env,
    )
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((done) => server.listen(port, host, done));
  const address = server.address();
  base = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return { url: base, server };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await serveOAuth(process.env as OAuthEnv, Number(process.env['PORT'] ?? 8787));
  process.stdout.write(`CMS sign-in handler at ${url} (base_url for the CMS)\n`);
}
