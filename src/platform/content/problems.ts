/**
 * A problem in the content, as the content check, the build and the settings loader report it:
 * "file: field: what is wrong", in plain Indonesian.
 */
import type { z } from 'astro/zod';
import { describeIssue } from '../../schemas/messages.ts';

export interface ContentProblem {
  /** Path relative to the project root, e.g. content/panduan/id/dokumen-wajib.mdx */
  file: string;
  /** Dotted field path, e.g. sources.0.url; empty for whole-file problems. */
  field: string;
  message: string;
  /** 1-based line in the file, for problems in the text itself (the MDX guard). */
  line?: number;
}

export function issuesToProblems(
  file: string,
  error: z.ZodError,
  data: unknown,
  schema: z.ZodType,
): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.map(String).join('.'),
    message: describeIssue(schema, issue, data),
  }));
}

export function formatProblem(p: ContentProblem): string {
  if (p.line !== undefined) return `${p.file}:${p.line}: ${p.message}`;
  return p.field ? `${p.file}: ${p.field}: ${p.message}` : `${p.file}: ${p.message}`;
}
