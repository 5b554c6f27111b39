/**
 * Reads a `_headers` file the way Cloudflare Pages documents it (Netlify reads the same syntax), so
 * the local server and the browser tests serve the built site with the headers a real host sends.
 *
 * Rules: a line starting with `/` (or `https://`) opens a rule; indented `Name: value` lines add a
 * header; `! Name` removes a header an earlier rule set; `#` starts a comment. Every matching rule
 * applies in file order; a header set twice is joined with ", " unless it was detached first.
 * `*` matches any run of characters (including `/`), `:name` one path segment.
 */

export interface ParsedRule {
  pattern: string;
  /** 1-based line of the pattern in the file, for error messages. */
  line: number;
  detach: string[];
  headers: [name: string, value: string][];
}

export class HeadersFileError extends Error {}

export function parseHeadersFile(text: string): ParsedRule[] {
  const rules: ParsedRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    const lineNo = index + 1;
    if (line === '' || line.startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      if (!line.startsWith('/') && !line.startsWith('https://')) {
        throw new HeadersFileError(
          `_headers line ${lineNo}: a rule must start with "/" or "https://": ${line}`,
        );
      }
      rules.push({ pattern: line, line: lineNo, detach: [], headers: [] });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new HeadersFileError(`_headers line ${lineNo}: header before any path`);
    if (line.startsWith('!')) {
      const name = line.slice(1).trim();
      if (!name) throw new HeadersFileError(`_headers line ${lineNo}: "!" without a header name`);
      rule.detach.push(name);
      return;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    const value = colon > 0 ? line.slice(colon + 1).trim() : '';
    if (!name || !value || !/^[A-Za-z0-9-]+$/.test(name)) {
      throw new HeadersFileError(`_headers line ${lineNo}: expected "Name: value", got: ${line}`);
    }
    rule.headers.push([name, value]);
  });
  return rules;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether a rule pattern matches a URL path (absolute-URL patterns match on their path). */
export function patternMatches(pattern: string, path: string): boolean {
  const patternPath = pattern.startsWith('https://') ? new URL(pattern).pathname : pattern;
  const source = patternPath
    .split('*')
    .map((part) =>
      escapeRegExp(part)
        .split('/')
        .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg))
        .join('/'),
    )
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers a host sends for `path`, names as the file spells them. */
export function headersForPath(rules: readonly ParsedRule[], path: string): Record<string, string> {
  const result = new Map<string, [name: string, value: string]>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const name of rule.detach) result.delete(name.toLowerCase());
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const earlier = result.get(key);
      result.set(key, earlier ? [earlier[0], `${earlier[1]}, ${value}`] : [name, value]);
    }
  }
  return Object.fromEntries(result.values());
}
