/** The _headers parser, and the headers the build writes from src/platform/security/security-headers.ts. */
import { describe, expect, it } from 'vitest';
import {
  headersForPath,
  HeadersFileError,
  parseHeadersFile,
  patternMatches,
} from '~/platform/security/headers-file.ts';
import {
  ADMIN_CSP_HEADER,
  HEADER_RULES,
  PUBLIC_CSP,
  PUBLIC_CSP_HEADER,
  PUBLIC_CSP_META,
  renderHeadersFile,
} from '~/platform/security/security-headers.ts';

/** A CSP as a map of directive → sources, so comparisons do not depend on spacing or order. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

describe('parseHeadersFile', () => {
  const file = [
    '# comment',
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Content-Security-Policy: default-src https://a.example',
    '',
    '/secure/:page',
    '  X-Frame-Options: DENY',
    '',
    '/static/*',
    '  X-Robots-Tag: nosnippet',
    '',
    'https://example.org/static/*',
    '  X-Robots-Tag: noindex',
    '',
    '/admin/*',
    '  ! Content-Security-Policy',
    '  Content-Security-Policy: default-src b.example',
  ].join('\n');
  const rules = parseHeadersFile(file);

  it('reads patterns, headers, detach lines and line numbers', () => {
    expect(rules.map((r) => r.pattern)).toEqual([
      '/*',
      '/secure/:page',
      '/static/*',
      'https://example.org/static/*',
      '/admin/*',
    ]);
    expect(rules[0]!.line).toBe(2);
    expect(rules[4]!.detach).toEqual(['Content-Security-Policy']);
    expect(rules[0]!.headers[1]).toEqual([
      'Content-Security-Policy',
      'default-src https://a.example',
    ]);
  });

  it('applies every matching rule in order and joins a repeated header with a comma', () => {
    expect(headersForPath(rules, '/static/app.css')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'default-src https://a.example',
      'X-Robots-Tag': 'nosnippet, noindex',
    });
  });

  it('removes a detached header before the rule sets it again', () => {
    expect(headersForPath(rules, '/admin/')['Content-Security-Policy']).toBe(
      'default-src b.example',
    );
  });

  it('matches placeholders on one segment and splats across segments', () => {
    expect(patternMatches('/secure/:page', '/secure/a')).toBe(true);
    expect(patternMatches('/secure/:page', '/secure/a/b')).toBe(false);
    expect(patternMatches('/*', '/')).toBe(true);
    expect(patternMatches('/admin/*', '/admin')).toBe(false);
    expect(patternMatches('/admin/*', '/administrasi/')).toBe(false);
    expect(patternMatches('/a.b', '/aXb')).toBe(false);
  });

  it('refuses lines it cannot read, naming the line', () => {
    expect(() => parseHeadersFile('  X-A: b')).toThrow(HeadersFileError);
    expect(() => parseHeadersFile('/*\n  no colon here')).toThrow(/line 2/);
    expect(() => parseHeadersFile('*.html\n  X-A: b')).toThrow(/line 1/);
  });
});

describe('the generated _headers', () => {
  const rules = parseHeadersFile(renderHeadersFile());

  it('stays within the limits of Cloudflare Pages (100 rules, 2000 characters a line)', () => {
    const text = renderHeadersFile();
    expect(rules.length).toBeLessThanOrEqual(100);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(2000);
  });

  it('round-trips through the parser to the rules it was made from', () => {
    expect(rules.map((r) => r.pattern)).toEqual(HEADER_RULES.map((r) => r.pattern));
  });

  it('gives public pages the strict policy and the common headers', () => {
    const headers = headersForPath(rules, '/panduan/dokumen-wajib/');
    expect(headers['Content-Security-Policy']).toBe(PUBLIC_CSP_HEADER);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    expect(headers['Permissions-Policy']).toMatch(/camera=\(\)/);
    expect(headers['Permissions-Policy']).toMatch(/interest-cohort=\(\)/);
    expect(headers['Permissions-Policy']).toMatch(/browsing-topics=\(\)/);
  });

  it('gives the admin exactly one policy, its own, even on a host that joins repeated headers', () => {
    const headers = headersForPath(rules, '/admin/');
    expect(headers['Content-Security-Policy']).toBe(ADMIN_CSP_HEADER);
    expect(headers['Cross-Origin-Opener-Policy']).not.toMatch(/,/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('lets other sites read the open data and feeds, and only those', () => {
    for (const path of ['/jadwal.json', '/jadwal.csv', '/jadwal.ics']) {
      const headers = headersForPath(rules, path);
      expect(headers['Access-Control-Allow-Origin'], path).toBe('*');
      expect(headers['Cross-Origin-Resource-Policy'], path).toBe('cross-origin');
    }
    const page = headersForPath(rules, '/jadwal/');
    expect(page['Access-Control-Allow-Origin']).toBeUndefined();
    expect(page['Cross-Origin-Resource-Policy']).toBe('same-origin');
  });

  it('the public policy is strict: no inline code, no eval, no other origin', () => {
    const csp = directives(PUBLIC_CSP_HEADER);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      expect(values, name).not.toContain("'unsafe-inline'");
      expect(values, name).not.toContain("'unsafe-eval'");
      // Only keywords ('self', 'none', …): no host, no scheme but data: for images.
      for (const value of values)
        if (!(name === 'img-src' && value === 'data:'))
          expect(value, `${name} ${value}`).toMatch(/^'/);
    }
  });

  it('the admin policy alone allows eval and inline styles, as Decap needs', () => {
    const csp = directives(ADMIN_CSP_HEADER);
    expect(csp.get('script-src')).toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('style-src')).toContain("'unsafe-inline'");
    expect(csp.get('connect-src')).toContain('https://api.github.com');
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('the meta fallback', () => {
  it('equals the header policy for public pages, less what a meta policy cannot carry', () => {
    const header = directives(PUBLIC_CSP_HEADER);
    const meta = directives(PUBLIC_CSP_META);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
    expect(Object.keys(PUBLIC_CSP)).toContain('frame-ancestors');
  });
});
