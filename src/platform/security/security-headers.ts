/**
 * The one source of truth for the site's security headers. The build writes them to `dist/_headers`
 * (read by Netlify and Cloudflare Pages), BaseLayout puts the same public policy in a
 * `<meta http-equiv>` for hosts that cannot set headers (GitHub Pages), and the browser tests serve
 * the built site with exactly these headers.
 *
 * Why not Astro's own `security.csp`: for a static build it only writes a per-page `<meta>` whose
 * hashes differ from page to page, so it cannot be one host header, cannot carry `frame-ancestors`,
 * and would also land on the CMS admin, which needs a looser policy. This site emits no inline
 * script or style at all (`build.inlineStylesheets: 'never'`, `vite.build.assetsInlineLimit: 0`),
 * so `'self'` is enough and one policy fits every public page; a browser test fails on any inline
 * code that slips in.
 */

export type Directives = Readonly<Record<string, readonly string[]>>;

/**
 * Public pages: nothing but this origin. Readers are people whom scammers target, so no page may
 * run or load anything from another origin (no analytics, fonts, CDNs, embeds).
 */
export const PUBLIC_CSP: Directives = {
  'default-src': ["'self'"],
  // Pagefind compiles its search index decoder from WebAssembly, in a Web Worker.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  // Pagefind 1.6 starts its worker from /pagefind/pagefind-worker.js (same origin), not a blob:.
  'worker-src': ["'self'"],
  // Pagefind's own stylesheets (Default, Component and Modular UI) draw their icons as
  // data:image/svg+xml backgrounds. A data: image cannot run script or reach another origin, and
  // the MDX guard still refuses data: URLs in content.
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'media-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Where the CMS talks to in production (GitHub backend and its OAuth sign-in) and locally. */
export const ADMIN_CONNECT = [
  'https://api.github.com',
  'https://github.com',
  // decap-server on this computer (`npm start` uses 8081; /admin/?decap=PORT picks another, as the
  // CMS browser tests do). Decap only uses it when the admin itself runs on localhost.
  'http://localhost:*',
  'http://127.0.0.1:*',
];

/**
 * The CMS admin (/admin/) is a React application used by signed-in staff only. Decap needs
 * `'unsafe-eval'` (its config validation compiles schemas with `new Function`, decap-cms #2343 /
 * #2138) and inline styles (emotion inserts <style> elements at run time). Sign-in opens a GitHub
 * or OAuth-proxy popup, which is navigation, not a frame, so no frame-src is needed beyond the
 * editor's own preview pane (same origin).
 */
export const ADMIN_CSP: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:', 'https://avatars.githubusercontent.com'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'", ...ADMIN_CONNECT],
  'worker-src': ["'self'", 'blob:'],
  'frame-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'", 'https://github.com'],
  'frame-ancestors': ["'none'"],
};

/** Directives a `<meta http-equiv>` policy may not carry (CSP3 §3.3): browsers ignore them there. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

export function serializeCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/** The same policy for a `<meta http-equiv="Content-Security-Policy">`. */
export function metaCsp(directives: Directives): string {
  return serializeCsp(
    Object.fromEntries(Object.entries(directives).filter(([name]) => !HEADER_ONLY.has(name))),
  );
}

export const PUBLIC_CSP_HEADER = serializeCsp(PUBLIC_CSP);
export const PUBLIC_CSP_META = metaCsp(PUBLIC_CSP);
export const ADMIN_CSP_HEADER = serializeCsp(ADMIN_CSP);
export const ADMIN_CSP_META = metaCsp(ADMIN_CSP);

/**
 * `no-referrer`: a government page the reader follows must not learn which page of this site (for
 * example a guide about complaints) they came from.
 */
export const REFERRER_POLICY = 'no-referrer';

/** Features no page of this site uses, denied so that nothing embedded or injected can ask for them. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'interest-cohort=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

/** Headers for every response, public pages and admin alike. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': REFERRER_POLICY,
  'Permissions-Policy': PERMISSIONS_POLICY,
  // Older browsers that do not know frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface HeaderRule {
  /** URL pattern as Netlify and Cloudflare Pages read it: `/*`, `/admin/*`. */
  pattern: string;
  /** Headers an earlier matching rule set that this rule removes first (Cloudflare's `! Name`). */
  detach?: readonly string[];
  headers: Readonly<Record<string, string>>;
}

/**
 * The rules, in order. A request to /admin/ matches both; Cloudflare joins repeated headers with a
 * comma (two policies, both enforced, which would break the CMS) unless the later rule detaches the
 * header first with `! Name`. Netlify ignores lines without a colon and lets the later rule's value
 * replace the earlier one, so the same file works on both.
 */
export const HEADER_RULES: readonly HeaderRule[] = [
  {
    pattern: '/*',
    headers: { ...COMMON_HEADERS, 'Content-Security-Policy': PUBLIC_CSP_HEADER },
  },
  {
    pattern: '/admin/*',
    detach: ['Content-Security-Policy'],
    headers: {
      'Content-Security-Policy': ADMIN_CSP_HEADER,
      // The OAuth sign-in popup must be able to post the token back to this window.
      'Cross-Origin-Opener-Policy': 'unsafe-none',
      'X-Robots-Tag': 'noindex',
      'Cache-Control': 'no-cache',
    },
  },
  // Open data and calendar feeds: any website or app may read them (no cookies exist here).
  ...['/jadwal.json', '/jadwal.csv', '/jadwal.ics'].map((pattern) => ({
    pattern,
    headers: {
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    },
  })),
];

/** The `_headers` file text for Netlify and Cloudflare Pages. */
export function renderHeadersFile(rules: readonly HeaderRule[] = HEADER_RULES): string {
  const blocks = rules.map((rule) => {
    const detached = new Set((rule.detach ?? []).map((n) => n.toLowerCase()));
    // A header set by an earlier rule and set again here must be detached too, or Cloudflare
    // would join the two values.
    for (const name of Object.keys(rule.headers)) {
      const earlier = rules
        .slice(0, rules.indexOf(rule))
        .some((r) => Object.keys(r.headers).some((n) => n.toLowerCase() === name.toLowerCase()));
      if (earlier) detached.add(name.toLowerCase());
    }
    const names = new Map(
      [...Object.keys(rule.headers), ...(rule.detach ?? [])].map((n) => [n.toLowerCase(), n]),
    );
    const lines = [
      rule.pattern,
      ...[...detached].map((n) => `  ! ${names.get(n) ?? n}`),
      ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`),
    ];
    return lines.join('\n');
  });
  return [
    '# Generated by the build from src/platform/security/security-headers.ts. Do not edit: change that file.',
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}
