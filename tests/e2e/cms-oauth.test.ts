/**
 * GitHub sign-in in a real browser: Decap's own authenticator (decap-cms-lib-auth, the code the
 * CMS runs when an editor presses "Masuk dengan GitHub") opens the handler (cms/oauth/handler.ts)
 * in a pop-up, which goes through a local stand-in for GitHub and back. The site's page gets the
 * token; a page of another origin that starts the same sign-in gets nothing.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveOAuth } from '../../cms/oauth/node-server.ts';
import { startGitHubStandIn, type StandIn } from '../support/github-stand-in.ts';
import { launchChromium } from './browser.ts';
import { siteUrl } from './site.ts';

const libAuth = readFileSync(
  createRequire(import.meta.url).resolve('decap-cms-lib-auth/dist/decap-cms-lib-auth.js'),
  'utf8',
);

let github: StandIn;
let handler: { url: string; server: Server };
let site: { url: string; server: Server };
let foreign: { url: string; server: Server };
let browser: Browser;
let context: BrowserContext;

/** A page standing in for /admin/: Decap's authenticator and a log of the messages it receives. */
async function servePage(baseUrl: () => string) {
  const server = createServer((req, res) => {
    if (req.url === '/lib-auth.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(libAuth);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>CMS</title>
<script>window.DecapCmsDefaultExports = { Immutable: { Map: function () {} } };</script>
<script src="/lib-auth.js"></script>
<script>
  window.received = [];
  window.addEventListener('message', (e) => window.received.push({ origin: e.origin, data: String(e.data) }));
  window.signIn = () => new Promise((resolve) =>
    new DecapCmsLibAuth.NetlifyAuthenticator({ base_url: ${JSON.stringify(baseUrl())} })
      .authenticate({ provider: 'github', scope: 'repo' }, (error, data) =>
        resolve(error ? { error: String(error) } : data)));
</script>`);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    server,
  };
}

beforeAll(async () => {
  github = await startGitHubStandIn('stand-in-client', 'stand-in-secret');
  site = await servePage(() => handler.url);
  foreign = await servePage(() => handler.url);
  // The handler on "localhost", the pages on "127.0.0.1": two origins, as in production.
  handler = await serveOAuth({
    GITHUB_CLIENT_ID: 'stand-in-client',
    GITHUB_CLIENT_SECRET: 'stand-in-secret',
    ALLOWED_ORIGINS: site.url,
    GITHUB_URL: github.url,
  });
  browser = await launchChromium();
  context = await browser.newContext();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  for (const s of [handler, site, foreign]) s?.server.close();
  await github?.close();
});

async function startSignIn(page: Page) {
  const popup = page.waitForEvent('popup');
  const result = page.evaluate(() =>
    (window as unknown as { signIn(): Promise<unknown> }).signIn(),
  );
  return { popup: await popup, result };
}

describe('GitHub sign-in through the handler', () => {
  it("hands the token to the site's CMS through Decap's pop-up handshake", async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const { result } = await startSignIn(page);
    const data = (await result) as { token?: string; provider?: string; error?: string };
    expect(data.error).toBeUndefined();
    expect(data.provider).toBe('github');
    expect(data.token).toBe(github.tokens.at(-1));
    await page.close();
  });

  it('gives nothing to a page of another origin that starts the same sign-in', async () => {
    const page = await context.newPage();
    await page.goto(`${foreign.url}/`);
    const issued = github.tokens.length;
    const { popup, result } = await startSignIn(page);
    // Never settles: the sign-in cannot finish here. Closing the page ends it.
    result.catch(() => undefined);
    await popup.waitForURL(/\/callback\?/);
    await popup.waitForLoadState('load');
    // Messages from one window arrive in order: once this probe is in, anything the pop-up
    // posted to this page before it would be in too.
    await popup.evaluate(() => window.opener.postMessage('probe', '*'));
    await expect
      .poll(() =>
        page.evaluate(() => (window as unknown as { received: { data: string }[] }).received),
      )
      .toContainEqual(expect.objectContaining({ data: 'probe' }));
    const received = await page.evaluate(
      () => (window as unknown as { received: { data: string }[] }).received,
    );
    expect(received.map((m) => m.data)).toEqual(['probe']);
    // GitHub did issue a token to the handler, but it never left the pop-up.
    expect(github.tokens.length).toBe(issued + 1);
    expect(JSON.stringify(received)).not.toContain(github.tokens.at(-1));
    await page.close();
  });
});

describe("the built admin at the office's own address", () => {
  it("offers the GitHub sign-in: the admin registers Decap's GitHub backend", async () => {
    const page = await context.newPage();
    // Any host but localhost and 127.0.0.1 gets the production config (cms/main.ts): the built
    // admin is served from the test server under a stand-in for the office's address.
    const office = 'https://kantor.example';
    await page.route(`${office}/**`, async (route) => {
      const url = siteUrl(route.request().url().slice(office.length));
      await route.fulfill({ response: await route.fetch({ url }) });
    });
    // Decap shows a phrase key ("app.app.loadingConfig") for a phrase no registered language
    // has: record the text of everything the admin puts on the page, from its first screen.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) seen.push(node.textContent ?? '');
          if (record.type === 'characterData') seen.push(record.target.textContent ?? '');
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${office}/admin/`);
    await page.getByRole('button', { name: 'Masuk dengan GitHub' }).waitFor();
    expect(errors).toEqual([]);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.join(' ')).toContain('Masuk dengan GitHub');
    expect(
      seen.join(' ').match(/\b(?:app|auth|collection|editor|mediaLibrary|ui|workflow)\.\w+\.\w+/g),
    ).toBeNull();
    await page.close();
  });
});
