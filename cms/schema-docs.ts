/**
 * Reads the `/** … *\/` doc comment above every field in src/schemas/*.ts with the TypeScript
 * compiler API. The comments are written for editors (in Indonesian) and become the CMS hints, so
 * they are never copied by hand. Runs at build time only (Node): the admin page embeds the result.
 *
 * The result is keyed by the exported name of the schema (or field group) and then by field name:
 * `{ NewsSchema: { title: 'Judul berita atau pengumuman.' } }`. The config builder finds the
 * export that a zod object came from by identity (cms/fields.ts), so two `title` fields in two
 * schemas keep their own hints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export type SchemaDocs = Record<string, Record<string, string>>;

function docOf(node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const last = ranges.at(-1);
  if (!last) return undefined;
  const text = source.text.slice(last.pos, last.end);
  if (!text.startsWith('/**')) return undefined;
  return text
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trim())
    .filter(Boolean)
    .join(' ');
}

/** The first object literal handed to `z.object(…)` inside an initializer, or a plain literal. */
function objectLiteralOf(node: ts.Expression): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(node)) return node;
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (
      ts.isCallExpression(n) &&
      ts.isPropertyAccessExpression(n.expression) &&
      n.expression.name.text === 'object' &&
      n.arguments[0] &&
      ts.isObjectLiteralExpression(n.arguments[0])
    ) {
      found = n.arguments[0];
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

export function extractDocsFromSource(fileName: string, text: string): SchemaDocs {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const docs: SchemaDocs = {};
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
      const literal = objectLiteralOf(decl.initializer);
      if (!literal) continue;
      const fields: Record<string, string> = {};
      for (const prop of literal.properties) {
        if (!ts.isPropertyAssignment(prop)) continue;
        const name =
          ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : '';
        const doc = docOf(prop, source);
        if (name && doc) fields[name] = doc;
      }
      if (Object.keys(fields).length > 0) docs[decl.name.text] = fields;
    }
  }
  return docs;
}

/** Every schema file's docs, merged (export names are unique across src/schemas). */
export function extractSchemaDocs(schemaDir = join(process.cwd(), 'src/schemas')): SchemaDocs {
  const docs: SchemaDocs = {};
  for (const file of readdirSync(schemaDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    Object.assign(docs, extractDocsFromSource(file, readFileSync(join(schemaDir, file), 'utf8')));
  }
  return docs;
}
