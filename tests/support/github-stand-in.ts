/**
 * A local stand-in for GitHub's OAuth endpoints (authorize and access_token) on 127.0.0.1, so the
 * sign-in handler is tested end to end without the network. It checks what GitHub checks: the
 * client id, the secret, the redirect address and that a code is used once.
 */
import { createServer, type Server } from 'node:http';

export interface StandIn {
  url: string;
  /** Tokens handed out, in order. */
  tokens: string[];
  close(): Promise<void>;
}

export async function startGitHubStandIn(clientId: string, clientSecret: string): Promise<StandIn> {
  const codes = new Map<string, string>(); // code → redirect_uri
  const tokens: string[] = [];
  let next = 0;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/login/oauth/authorize') {
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      if (url.searchParams.get('client_id') !== clientId || !redirect) {
        res.writeHead(400).end('bad client');
        return;
      }
      // The editor signs in and approves: GitHub sends the browser back with a code and the state.
      const code = `code-${++next}`;
      codes.set(code, redirect);
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { Location: back.href }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/login/oauth/access_token') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const form = JSON.parse(body || '{}') as Record<string, string>;
        const redirect = codes.get(form['code'] ?? '');
        codes.delete(form['code'] ?? '');
        const ok =
          form['client_id'] === clientId &&
          form['client_secret'] === clientSecret &&
          redirect !== undefined &&
          redirect === form['redirect_uri'];
        res.writeHead(200, { 'Content-Type': 'application/json' });
        if (!ok) {
          res.end(JSON.stringify({ error: 'bad_verification_code' }));
          return;
        }
        const token = `gho_standin${tokens.length + 1}`;
        tokens.push(token);
        res.end(JSON.stringify({ access_token: token, token_type: 'bearer', scope: 'repo' }));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
