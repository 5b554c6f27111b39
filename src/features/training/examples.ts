/**
 * Example courses: fictional data that shows how the schedule works. They live in
 * examples/pelatihan/<locale>/, outside the office's content, and are built only when the
 * environment variable MIGRASI_EXAMPLES is 1 (tests, demonstrations, the benchmark). A course is
 * an example when its frontmatter says `example: true`; the content check refuses such a file
 * under content/ and requires the flag under examples/, so the flag and the folder always agree.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The environment variable that adds the example courses to a build. */
export const EXAMPLES_ENV = 'MIGRASI_EXAMPLES';

/** Where the example courses live, relative to the project root. */
export const EXAMPLES_DIR = 'examples';

/** True when this build includes the example courses (MIGRASI_EXAMPLES=1). */
export function examplesIncluded(env: Record<string, string | undefined> = process.env): boolean {
  return env[EXAMPLES_ENV] === '1';
}

/** File names (without .md) of the Indonesian example courses under `root`. */
export function exampleCourseSlugs(root: string = process.cwd()): string[] {
  try {
    return readdirSync(join(root, EXAMPLES_DIR, 'pelatihan', 'id'))
      .filter((name) => /\.mdx?$/.test(name))
      .map((name) => name.replace(/\.mdx?$/, ''));
  } catch {
    return [];
  }
}

/**
 * Whether a page belongs to an example course: /pelatihan/<slug>/…, in either language. Used to
 * keep such pages out of the sitemap.
 */
export function isExamplePage(pathname: string, slugs: readonly string[]): boolean {
  const path = pathname.replace(/^\/en\//, '/');
  return slugs.some(
    (slug) => path === `/pelatihan/${slug}/` || path.startsWith(`/pelatihan/${slug}/`),
  );
}

/** A title as it travels (page title, link preview, calendar): "[Contoh] Usaha …" for an example. */
export function markedTitle(title: string, example: boolean, label: string): string {
  return example ? `${label} ${title}` : title;
}
