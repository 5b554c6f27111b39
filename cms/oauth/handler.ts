/**
 * GitHub sign-in for Decap CMS: the OAuth step a static site cannot hold, because it needs the
 * OAuth App's secret. A standard fetch handler (Request → Response) with no dependencies, so any
 * platform that runs Web-standard JavaScript can serve it; cms/oauth/worker.ts deploys it as a
 * Cloudflare Worker.
 *
 * Decap's GitHub backend with `base_url` opens `<base_url>/auth?provider=github&site_id=<host>
 * &scope=repo` in a pop-up (decap-cms-lib-auth, NetlifyAuthenticator). This handler:
 *   1. /auth: refuses any site not in ALLOWED_ORIGINS, draws a random `state`, keeps it (with the
 *      site's origin) in a short-lived HttpOnly cookie, and sends the pop-up to GitHub;
 *   2. /callback: accepts GitHub's answer only when its `state` equals the cookie's (CSRF), swaps
 *      the code for a token with the secret, and answers a page that does Decap's handshake:
 *      it posts "authorizing:github" to the site's origin, waits for the CMS to echo it from that
 *      origin, then posts "authorization:github:success:{token, provider}" to that origin only.
 * Secrets come from the platform's environment. Nothing is logged: no console call anywhere.
 */

export interface OAuthEnv {
  /** The GitHub OAuth App's client id. */
  GITHUB_CLIENT_ID?: string;
  /** The GitHub OAuth App's client secret (a platform secret, never in the repository). */
  GITHUB_CLIENT_SECRET?: string;
  /** Origins of the sites whose CMS may sign in, comma-separated: "https://migrasi.example.go.id". */
  ALLOWED_ORIGINS?: string;
  /** GitHub's address; only GitHub Enterprise (or a test stand-in) changes it. */
  GITHUB_URL?: string;
}

const PROVIDER = 'github';
/** `__Host-`: only ever sent back to this exact host over HTTPS, with path / (RFC 6265bis). */
export const STATE_COOKIE = '__Host-decap-oauth';
/** Long enough to type a password and a two-factor code, short enough not to linger. */
const STATE_MAX_AGE = 600;
/** The scopes Decap asks for: `repo`, or `public_repo` when `use_public_repo` is set. */
const SCOPES = new Set(['repo', 'public_repo']);

function allowedOrigins(env: OAuthEnv): string[] {
  return (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .flatMap((o) => {
      try {
        return [new URL(o).origin];
      } catch {
        return [];
      }
    });
}

function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Compares without stopping at the first difference, so timing tells nothing about the state. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function cookie(value: string, maxAge: number): string {
  return `${STATE_COOKIE}=${encodeURIComponent(value)}; Max-Age=${maxAge}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that is safe inside an inline <script>: no "</script>", no line separators. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

function page(
  status: number,
  title: string,
  text: string,
  script = '',
  headers: Record<string, string> = {},
): Response {
  const nonce = randomState();
  const body =
    `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>` +
    `<p>${escapeHtml(text)}</p>${script ? `<script nonce="${nonce}">${script}</script>` : ''}</body></html>`;
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      ...headers,
    },
  });
}

const refuse = (status: number, text: string, headers: Record<string, string> = {}) =>
  page(status, 'Masuk gagal', text, '', headers);

function start(url: URL, env: OAuthEnv): Response {
  if (url.searchParams.get('provider') !== PROVIDER) {
    return refuse(400, 'Masuk gagal: hanya akun GitHub yang didukung.');
  }
  // Decap names the site by its host (site_id); only a listed site may receive a token.
  const siteId = url.searchParams.get('site_id') ?? '';
  // Decap sends the page's host without its port (document.location.host, port dropped).
  const origin = allowedOrigins(env).find((o) =>
    [new URL(o).host, new URL(o).hostname].includes(siteId),
  );
  if (!origin) {
    return refuse(403, 'Masuk gagal: situs ini tidak terdaftar untuk masuk ke CMS.');
  }
  const scope = url.searchParams.get('scope') ?? 'repo';
  if (!SCOPES.has(scope)) return refuse(400, 'Masuk gagal: izin yang diminta tidak dikenal.');
  const state = randomState();
  const github = new URL('/login/oauth/authorize', env.GITHUB_URL ?? 'https://github.com');
  github.searchParams.set('client_id', env.GITHUB_CLIENT_ID ?? '');
  github.searchParams.set('redirect_uri', new URL('/callback', url).href);
  github.searchParams.set('scope', scope);
  github.searchParams.set('state', state);
  github.searchParams.set('allow_signup', 'false');
  return new Response(null, {
    status: 302,
    headers: {
      Location: github.href,
      'Set-Cookie': cookie(`${state} ${origin}`, STATE_MAX_AGE),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

async function finish(request: Request, url: URL, env: OAuthEnv): Promise<Response> {
  const clear = { 'Set-Cookie': cookie('', 0) };
  const [expected = '', origin = ''] = (readCookie(request, STATE_COOKIE) ?? '').split(' ');
  const state = url.searchParams.get('state') ?? '';
  if (!expected || !state || !sameText(state, expected)) {
    return refuse(
      403,
      'Masuk gagal: permintaan ini tidak dimulai dari CMS atau sudah kedaluwarsa. Tutup jendela ini dan tekan "Masuk dengan GitHub" lagi.',
      clear,
    );
  }
  if (!allowedOrigins(env).includes(origin)) {
    return refuse(403, 'Masuk gagal: situs ini tidak terdaftar untuk masuk ke CMS.', clear);
  }
  const code = url.searchParams.get('code');
  if (!code) {
    // GitHub sends ?error=access_denied when the editor presses "Cancel".
    return refuse(400, 'Masuk dibatalkan. Tutup jendela ini untuk kembali ke CMS.', clear);
  }
  let token: string | undefined;
  try {
    const response = await fetch(
      new URL('/login/oauth/access_token', env.GITHUB_URL ?? 'https://github.com'),
      {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify({
          client_id: env.GITHUB_CLIENT_ID,
          client_secret: env.GITHUB_CLIENT_SECRET,
          code,
          redirect_uri: new URL('/callback', url).href,
        }),
      },
    );
    const answer = (await response.json()) as { access_token?: unknown };
    if (response.ok && typeof answer.access_token === 'string') token = answer.access_token;
  } catch {
    token = undefined;
  }
  if (!token) {
    return refuse(502, 'Masuk gagal: GitHub tidak memberi izin. Coba lagi sebentar lagi.', clear);
  }
  const message = `authorization:${PROVIDER}:success:${JSON.stringify({ token, provider: PROVIDER })}`;
  // Decap's handshake: announce, wait for the CMS window to answer from the site's origin, then
  // hand over the token to that origin only (the browser drops it if the opener is elsewhere).
  const script =
    `(function(){var o=${scriptJson(origin)},m=${scriptJson(message)},h=${scriptJson(`authorizing:${PROVIDER}`)};` +
    `if(!window.opener)return;` +
    `window.addEventListener('message',function r(e){if(e.origin!==o||e.data!==h)return;` +
    `window.removeEventListener('message',r);window.opener.postMessage(m,o);});` +
    `window.opener.postMessage(h,o);})();`;
  return page(
    200,
    'Masuk ke CMS',
    'Masuk berhasil. Jendela ini akan tertutup sendiri.',
    script,
    clear,
  );
}

/** The handler: `/auth` starts the sign-in, `/callback` finishes it; anything else is 404. */
export async function handleOAuth(request: Request, env: OAuthEnv): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== 'GET') return refuse(405, 'Metode tidak didukung.');
  if (!env.GITHUB_CLIENT_ID || !env.GITHUB_CLIENT_SECRET || allowedOrigins(env).length === 0) {
    return refuse(
      500,
      'Layanan masuk belum diatur: GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET dan ALLOWED_ORIGINS.',
    );
  }
  if (url.pathname === '/auth') return start(url, env);
  if (url.pathname === '/callback') return finish(request, url, env);
  return refuse(404, 'Halaman tidak ada.');
}
