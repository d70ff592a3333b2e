import ts from '#typescript';

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return ts.ScriptKind.TS;
  // JSX is legal in .js files of most React projects; the JSX kind parses plain JS too.
  return ts.ScriptKind.JSX;
}

// JSDoc is parsed only in JavaScript files, where `@param {OpenAI} client` carries the types; in
// TypeScript files it only adds nodes (up to an eighth of the parse time of an SDK-heavy monorepo).
const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo,
};

/**
 * One parse per file, without parent pointers: setting them costs about 40% of the parse, and the
 * scope index records the little the engine needs (enclosing classes and functions) in its walk.
 */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, PARSE_OPTIONS, false, scriptKindFor(fileName));
}

/** Diagnostics the parser produced, if any (TypeScript recovers and keeps going). */
export function syntaxErrors(sourceFile: ts.SourceFile): readonly ts.DiagnosticWithLocation[] {
  return (sourceFile as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
}
