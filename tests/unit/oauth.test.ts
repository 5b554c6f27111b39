/**
 * The CMS sign-in handler (cms/oauth/handler.ts) against a local stand-in for GitHub's OAuth
 * endpoints: the whole round trip, a forged or missing `state`, and sites that are not the
 * project's own. The browser half (Decap's real pop-up handshake) is in tests/e2e/cms-oauth.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleOAuth, STATE_COOKIE, type OAuthEnv } from '../../cms/oauth/handler.ts';
import { startGitHubStandIn, type StandIn } from '../support/github-stand-in.ts';

const SITE = 'https://migrasi.example.go.id';
const AUTH = 'https://auth.example.go.id';
const SECRET = 'stand-in-secret';
let github: StandIn;
let env: OAuthEnv;

beforeAll(async () => {
  github = await startGitHubStandIn('stand-in-client', SECRET);
  env = {
    GITHUB_CLIENT_ID: 'stand-in-client',
    GITHUB_CLIENT_SECRET: SECRET,
    ALLOWED_ORIGINS: `${SITE}, https://cadangan.example.go.id`,
    GITHUB_URL: github.url,
  };
});
afterAll(() => github.close());
afterEach(() => vi.restoreAllMocks());

const get = (path: string, cookie?: string) =>
  handleOAuth(new Request(`${AUTH}${path}`, cookie ? { headers: { Cookie: cookie } } : {}), env);

/** /auth as Decap opens it; returns the cookie it set and where it sends the browser. */
async function startSignIn(siteId = new URL(SITE).host) {
  const res = await get(`/auth?provider=github&site_id=${siteId}&scope=repo`);
  expect(res.status).toBe(302);
  const setCookie = res.headers.get('Set-Cookie') ?? '';
  return {
    res,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
    location: res.headers.get('Location') ?? '',
  };
}

/** Follows the redirect to the stand-in as the browser would; returns GitHub's way back. */
async function approveAtGitHub(location: string): Promise<URL> {
  const res = await fetch(location, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('Location') ?? '');
}

describe('the CMS sign-in handler', () => {
  it('signs in: /auth → GitHub → /callback hands the token to the site only', async () => {
    const logs = ['log', 'info', 'warn', 'error', 'debug'].map((m) =>
      vi.spyOn(console, m as 'log'),
    );
    const { setCookie, cookie, location } = await startSignIn();
    expect(setCookie).toMatch(new RegExp(`^${STATE_COOKIE}=`));
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; HttpOnly/);
    const authorize = new URL(location);
    expect(authorize.origin + authorize.pathname).toBe(`${github.url}/login/oauth/authorize`);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${AUTH}/callback`);
    expect(authorize.searchParams.get('scope')).toBe('repo');
    const state = authorize.searchParams.get('state') ?? '';
    expect(state.length).toBeGreaterThanOrEqual(40);

    const back = await approveAtGitHub(location);
    expect(back.searchParams.get('state')).toBe(state);
    const res = await get(back.pathname + back.search, cookie);
    expect(res.status).toBe(200);
    const html = await res.text();
    const token = github.tokens.at(-1) ?? '';
    expect(token).not.toBe('');
    // The token leaves the pop-up in Decap's message, addressed to the site's origin, never "*".
    expect(html).toContain(
      JSON.stringify(
        `authorization:github:success:${JSON.stringify({ token, provider: 'github' })}`,
      ),
    );
    expect(html).toContain(`postMessage(m,o)`);
    expect(html).toContain(`var o=${JSON.stringify(SITE)}`);
    expect(html).not.toContain(`'*'`);
    // Its inline script runs under a nonce policy; the cookie is cleared; nothing is cached.
    const nonce = /<script nonce="([^"]+)">/.exec(html)?.[1];
    expect(res.headers.get('Content-Security-Policy')).toContain(`'nonce-${nonce}'`);
    expect(res.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    for (const spy of logs) expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a callback whose state is not the one it drew (CSRF)', async () => {
    const { cookie, location } = await startSignIn();
    const back = await approveAtGitHub(location);
    const before = github.tokens.length;
    back.searchParams.set('state', 'forged-state-from-another-page-0000000000');
    const forged = await get(back.pathname + back.search, cookie);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Masuk gagal');
    // …and without the cookie (an attacker's link opened in the editor's browser), the same.
    const back2 = await approveAtGitHub((await startSignIn()).location);
    const cookieless = await get(back2.pathname + back2.search);
    expect(cookieless.status).toBe(403);
    // No code was ever swapped for a token.
    expect(github.tokens.length).toBe(before);
  });

  it('refuses a site that is not listed, before going to GitHub', async () => {
    const res = await get('/auth?provider=github&site_id=jahat.example.com&scope=repo');
    expect(res.status).toBe(403);
    expect(res.headers.get('Location')).toBeNull();
    expect(res.headers.get('Set-Cookie')).toBeNull();
    expect(await res.text()).toContain('tidak terdaftar');
  });

  it('posts to the listed site that started the sign-in, not to another listed one', async () => {
    const { cookie, location } = await startSignIn('cadangan.example.go.id');
    const back = await approveAtGitHub(location);
    const html = await (await get(back.pathname + back.search, cookie)).text();
    expect(html).toContain('var o="https://cadangan.example.go.id"');
    expect(html).not.toContain(SITE);
  });

  it('refuses a cookie whose site was removed from the list since', async () => {
    const { cookie, location } = await startSignIn('cadangan.example.go.id');
    const back = await approveAtGitHub(location);
    const narrowed = { ...env, ALLOWED_ORIGINS: SITE };
    const res = await handleOAuth(
      new Request(`${AUTH}${back.pathname}${back.search}`, { headers: { Cookie: cookie } }),
      narrowed,
    );
    expect(res.status).toBe(403);
  });

  it('says plainly when GitHub refuses the code or the editor cancels', async () => {
    const { cookie, location } = await startSignIn();
    const back = await approveAtGitHub(location);
    back.searchParams.set('code', 'code-never-issued');
    const refused = await get(back.pathname + back.search, cookie);
    expect(refused.status).toBe(502);
    const cancelled = new URL(back);
    cancelled.searchParams.delete('code');
    cancelled.searchParams.set('error', 'access_denied');
    const res = await get(cancelled.pathname + cancelled.search, cookie);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Masuk dibatalkan');
  });

  it('refuses other providers and scopes, and tells when it is not configured', async () => {
    expect((await get('/auth?provider=gitlab&site_id=migrasi.example.go.id')).status).toBe(400);
    expect(
      (await get('/auth?provider=github&site_id=migrasi.example.go.id&scope=admin:org')).status,
    ).toBe(400);
    const bare = await handleOAuth(new Request(`${AUTH}/auth?provider=github`), {});
    expect(bare.status).toBe(500);
    expect(await bare.text()).toContain('GITHUB_CLIENT_SECRET');
    expect((await get('/elsewhere')).status).toBe(404);
  });
});
