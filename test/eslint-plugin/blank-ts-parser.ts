import type { Linter } from 'eslint';
import * as espree from 'espree';
import ts from '#typescript';

// typescript-eslint is not a dependency, so these tests read TypeScript with a tiny ESLint parser:
// type syntax is overwritten with spaces (offsets, lines and columns stay put) and espree parses
// the rest. ESLint keeps the original text as `sourceCode.text`, which is all promptlint reads.
// Covers what the example project uses; enums and namespaces carry runtime code and are refused.

export function blankTypes(text: string, fileName: string): string {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  // UTF-16 units, as TypeScript's and ESLint's offsets count.
  const chars = text.split('');
  const blank = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
  };
  const blankToken = (token: ts.Node | undefined) => token && blank(token.getStart(sourceFile), token.end);
  const blankList = (list: ts.NodeArray<ts.Node> | undefined) => {
    if (!list) return;
    if (text[list.pos - 1] !== '<' || text[list.end] !== '>') throw new Error(`unexpected type list at ${list.pos}`);
    blank(list.pos - 1, list.end + 1);
  };
  const blankAnnotation = (type: ts.TypeNode) => blank(text.lastIndexOf(':', type.getStart(sourceFile)), type.end);

  const visit = (node: ts.Node): void => {
    if (ts.isEnumDeclaration(node) || ts.isModuleDeclaration(node)) throw new Error(`${ts.SyntaxKind[node.kind]} is not supported by the test parser`);
    if (
      ts.isInterfaceDeclaration(node) ||
      ts.isTypeAliasDeclaration(node) ||
      (ts.isImportDeclaration(node) && node.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(node) && node.isTypeOnly)
    ) {
      blank(node.getStart(sourceFile), node.end);
      return;
    }
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) blank(node.expression.end, node.end);
    if (ts.isNonNullExpression(node)) blank(node.end - 1, node.end);
    if (ts.isHeritageClause(node) && node.token === ts.SyntaxKind.ImplementsKeyword) {
      blank(node.getStart(sourceFile), node.end);
      return;
    }
    if ((ts.isFunctionLike(node) || ts.isParameter(node) || ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) && node.type) {
      blankAnnotation(node.type);
    }
    if (ts.isParameter(node) || ts.isPropertyDeclaration(node)) blankToken(node.questionToken);
    if (ts.isVariableDeclaration(node) || ts.isPropertyDeclaration(node)) blankToken(node.exclamationToken);
    if ('typeParameters' in node) blankList(node.typeParameters as ts.NodeArray<ts.Node> | undefined);
    if ('typeArguments' in node) blankList(node.typeArguments as ts.NodeArray<ts.Node> | undefined);
    if (ts.canHaveModifiers(node)) {
      for (const modifier of ts.getModifiers(node) ?? []) {
        if (TYPE_ONLY_MODIFIERS.has(modifier.kind)) blankToken(modifier);
      }
    }
    if (ts.isTypeNode(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return chars.join('');
}

const TYPE_ONLY_MODIFIERS = new Set([
  ts.SyntaxKind.PublicKeyword,
  ts.SyntaxKind.PrivateKeyword,
  ts.SyntaxKind.ProtectedKeyword,
  ts.SyntaxKind.ReadonlyKeyword,
  ts.SyntaxKind.OverrideKeyword,
  ts.SyntaxKind.AbstractKeyword,
  ts.SyntaxKind.DeclareKeyword,
]);

export const blankTsParser = {
  meta: { name: 'promptlint-test/blank-ts-parser' },
  parse(text: string, options?: { filePath?: string }): unknown {
    const filePath = options?.filePath ?? 'file.ts';
    return espree.parse(blankTypes(text, filePath), {
      ecmaVersion: 'latest',
      sourceType: 'module',
      range: true,
      loc: true,
      tokens: true,
      comment: true,
      ecmaFeatures: { jsx: filePath.endsWith('.tsx') },
    });
  },
} satisfies Linter.Parser;
