import ts from '#typescript';

// The walk below runs on every node of every parsed file; reading these once avoids the
// `typescript` module's export getters on each access.
const { SyntaxKind, forEachChild, isFunctionLike } = ts;

// A cheap lexical index of one file, built in a single walk: enough to resolve identifiers to their
// declarations without a type checker. Scopes are approximated by the nearest enclosing block.

export type Binding =
  | { kind: 'import'; name: string; module: string; imported: string /* 'default' | '*' | export name */; pos: number }
  | {
      kind: 'variable';
      name: string;
      node: ts.VariableDeclaration;
      init?: ts.Expression;
      path: string[];
      isConst: boolean;
      scope: ScopeRange;
      /** How many branches, loops and functions enclose the declaration (see Mutation.depth). */
      depth: number;
    }
  | { kind: 'function'; name: string; node: ts.FunctionDeclaration; scope: ScopeRange }
  | { kind: 'class'; name: string; node: ts.ClassDeclaration; scope: ScopeRange }
  | {
      kind: 'parameter';
      name: string;
      node: ts.ParameterDeclaration;
      /** The function it belongs to, whose JSDoc may type it (`@param {OpenAI} client` in a .js file). */
      fn: ts.SignatureDeclaration;
      path: string[];
      scope: ScopeRange;
    };

type ScopeRange = readonly [number, number];

export interface FileIndex {
  bindings: Map<string, Binding[]>;
  /** Expressions assigned to a name after its declaration (`client = new OpenAI()`). */
  assignments: Map<string, ts.Expression[]>;
  /** `this.key = value` assignments by key, with their position (to tell which class they belong to). */
  thisAssignments: Map<string, Array<{ expression: ts.Expression; pos: number }>>;
  /** `/** @type {OpenAI} *\/ this.key = …`: the JSDoc type a JavaScript class gives a field. */
  thisTypes: Map<string, Array<{ type: ts.TypeNode; pos: number }>>;
  /** Keys assigned on objects held by a name (`params.max_tokens = 5`), in source order; key '*' = opaque. */
  mutations: Map<string, Mutation[]>;
  /** Exported names → local expression or binding name. */
  exports: Map<string, ExportTarget>;
  /** `export * from './x'` specifiers. */
  reexportAll: string[];
  /** Every call expression, in source order: the candidates detection looks at. */
  calls: ts.CallExpression[];
  /** Class-likes and the functions that rebind `this`, for finding what `this` means at a position. */
  classRanges: Array<{ node: ts.ClassLikeDeclaration; pos: number; end: number }>;
  thisBoundaries: Array<{ pos: number; end: number }>;
  /** Named functions and methods with their extent. */
  namedFunctions: Array<{ name: string; pos: number; end: number }>;
}

export interface Mutation {
  key: string;
  /** Null for an opaque change (`Object.assign(params, x)`, a computed key, `delete`). */
  expression: ts.Expression | null;
  /** Branches, loops and functions around the assignment: deeper than the declaration means it may not run. */
  depth: number;
  pos: number;
}

export type ExportTarget =
  | { kind: 'local'; name: string }
  | { kind: 'expression'; expression: ts.Expression }
  | { kind: 'reexport'; module: string; imported: string };

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function requireSpecifier(expression: ts.Expression): string | undefined {
  if (
    ts.isCallExpression(expression) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'require' &&
    expression.arguments.length === 1
  ) {
    const arg = expression.arguments[0]!;
    if (ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

export function buildFileIndex(sourceFile: ts.SourceFile): FileIndex {
  const index: FileIndex = {
    bindings: new Map(),
    assignments: new Map(),
    mutations: new Map(),
    thisAssignments: new Map(),
    thisTypes: new Map(),
    exports: new Map(),
    reexportAll: [],
    calls: [],
    classRanges: [],
    thisBoundaries: [],
    namedFunctions: [],
  };
  const scopes: ScopeRange[] = [[sourceFile.pos, sourceFile.end]];
  let depth = 0;
  const currentScope = (): ScopeRange => scopes[scopes.length - 1]!;

  const addBindingNames = (
    name: ts.BindingName,
    path: string[],
    add: (identifier: ts.Identifier, path: string[]) => void,
  ): void => {
    if (ts.isIdentifier(name)) {
      add(name, path);
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const element of name.elements) {
        if (element.dotDotDotToken) continue;
        const key = propertyNameText(element.propertyName ?? element.name);
        if (key === undefined) continue;
        addBindingNames(element.name, [...path, key], add);
      }
    } else {
      name.elements.forEach((element, i) => {
        if (ts.isBindingElement(element) && !element.dotDotDotToken) addBindingNames(element.name, [...path, String(i)], add);
      });
    }
  };

  const bindParameters = (node: ts.SignatureDeclaration): void => {
    const range: ScopeRange = [node.pos, node.end];
    for (const parameter of node.parameters) {
      addBindingNames(parameter.name, [], (identifier, path) => {
        push(index.bindings, identifier.text, { kind: 'parameter', name: identifier.text, node: parameter, fn: node, path, scope: range });
      });
    }
  };

  // One pass over the tree: this walk is most of what detection costs beyond the parse itself, so
  // one table lookup sends the many nodes that bind and open nothing straight to their children.
  const visit = (node: ts.Node): void => {
    const kind = node.kind;
    const flags = KIND_FLAGS[kind]!;
    if (flags === 0) {
      forEachChild(node, visit);
      return;
    }
    if (flags & SKIP) return;
    switch (kind) {
      case SyntaxKind.ImportDeclaration:
        recordImport(index, node as ts.ImportDeclaration);
        return;
      case SyntaxKind.ImportEqualsDeclaration: {
        const declaration = node as ts.ImportEqualsDeclaration;
        if (ts.isExternalModuleReference(declaration.moduleReference) && ts.isStringLiteral(declaration.moduleReference.expression)) {
          push(index.bindings, declaration.name.text, { kind: 'import', name: declaration.name.text, module: declaration.moduleReference.expression.text, imported: '*', pos: node.pos });
        }
        return;
      }
      case SyntaxKind.ExportDeclaration:
        recordExport(index, node as ts.ExportDeclaration);
        return;
      case SyntaxKind.ExportAssignment:
        index.exports.set('default', { kind: 'expression', expression: (node as ts.ExportAssignment).expression });
        break;
      case SyntaxKind.VariableStatement: {
        const statement = node as ts.VariableStatement;
        const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
        const exported = hasModifier(statement, SyntaxKind.ExportKeyword);
        for (const declaration of statement.declarationList.declarations) {
          addBindingNames(declaration.name, [], (identifier, path) => {
            push(index.bindings, identifier.text, {
              kind: 'variable', name: identifier.text, node: declaration, init: declaration.initializer, path, isConst, scope: currentScope(), depth,
            });
            if (exported) index.exports.set(identifier.text, { kind: 'local', name: identifier.text });
          });
        }
        // Past the list node, so the case below sees only lists outside a statement.
        forEachChild(statement.declarationList, visit);
        return;
      }
      case SyntaxKind.VariableDeclarationList:
        // for (const x of …) and similar: bound, but never to a known value.
        for (const declaration of (node as ts.VariableDeclarationList).declarations) {
          addBindingNames(declaration.name, [], (identifier, path) => {
            push(index.bindings, identifier.text, {
              kind: 'variable', name: identifier.text, node: declaration, init: undefined, path, isConst: false, scope: currentScope(), depth,
            });
          });
        }
        break;
      case SyntaxKind.FunctionDeclaration: {
        const declaration = node as ts.FunctionDeclaration;
        if (declaration.name) {
          push(index.bindings, declaration.name.text, { kind: 'function', name: declaration.name.text, node: declaration, scope: currentScope() });
          if (hasModifier(declaration, SyntaxKind.ExportKeyword)) {
            index.exports.set(hasModifier(declaration, SyntaxKind.DefaultKeyword) ? 'default' : declaration.name.text, { kind: 'local', name: declaration.name.text });
          }
        }
        break;
      }
      case SyntaxKind.ClassDeclaration: {
        const declaration = node as ts.ClassDeclaration;
        if (declaration.name) {
          push(index.bindings, declaration.name.text, { kind: 'class', name: declaration.name.text, node: declaration, scope: currentScope() });
          if (hasModifier(declaration, SyntaxKind.ExportKeyword)) {
            index.exports.set(hasModifier(declaration, SyntaxKind.DefaultKeyword) ? 'default' : declaration.name.text, { kind: 'local', name: declaration.name.text });
          }
        }
        break;
      }
      case SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        const operator = binary.operatorToken.kind;
        // `this.session ??= connect()` fills what is missing: as good as an assignment for what is sent.
        if (operator === SyntaxKind.EqualsToken || operator === SyntaxKind.QuestionQuestionEqualsToken || operator === SyntaxKind.BarBarEqualsToken) {
          recordAssignment(index, binary.left, binary.right, depth);
        }
        if (LOGICAL_OPERATORS.has(operator)) {
          // The right side runs only sometimes.
          visit(binary.left);
          depth++;
          visit(binary.right);
          depth--;
          return;
        }
        break;
      }
      case SyntaxKind.ExpressionStatement:
        recordJsDocFieldType(index, node as ts.ExpressionStatement);
        break;
      case SyntaxKind.CallExpression: {
        const call = node as ts.CallExpression;
        index.calls.push(call);
        const callee = call.expression;
        if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'assign' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object') {
          const target = call.arguments[0];
          if (target && ts.isIdentifier(target)) markOpaqueMutation(index, target.text, target.pos);
        } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && PREPENDS.test(callee.name.text)) {
          // A message list that gains a turn at its head (a system prompt, most often) after it is built.
          markOpaqueMutation(index, callee.expression.text, callee.pos);
        }
        break;
      }
      case SyntaxKind.DeleteExpression: {
        const target = (node as ts.DeleteExpression).expression;
        if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression)) markOpaqueMutation(index, target.expression.text, target.pos);
        break;
      }
      case SyntaxKind.CatchClause: {
        const declaration = (node as ts.CatchClause).variableDeclaration;
        if (declaration) {
          addBindingNames(declaration.name, [], (identifier, path) => {
            push(index.bindings, identifier.text, {
              kind: 'variable', name: identifier.text, node: declaration, init: undefined, path, isConst: false, scope: [node.pos, node.end], depth,
            });
          });
        }
        break;
      }
    }
    if (flags & FUNCTION_LIKE) {
      bindParameters(node as ts.SignatureDeclaration);
      if (kind === SyntaxKind.FunctionDeclaration || kind === SyntaxKind.FunctionExpression) index.thisBoundaries.push({ pos: node.pos, end: node.end });
      const name = (node as ts.FunctionLikeDeclaration).name;
      if (name && (kind === SyntaxKind.FunctionDeclaration || kind === SyntaxKind.MethodDeclaration)) {
        const text = propertyNameText(name as ts.PropertyName);
        if (text !== undefined) index.namedFunctions.push({ name: text, pos: node.pos, end: node.end });
      }
    }
    if (kind === SyntaxKind.ClassDeclaration || kind === SyntaxKind.ClassExpression) {
      index.classRanges.push({ node: node as ts.ClassLikeDeclaration, pos: node.pos, end: node.end });
    }
    const opens = (flags & OPENS_SCOPE) !== 0;
    const branches = (flags & BRANCHES) !== 0;
    if (opens) scopes.push([node.pos, node.end]);
    if (branches) depth++;
    forEachChild(node, visit);
    if (branches) depth--;
    if (opens) scopes.pop();
  };
  forEachChild(sourceFile, visit);
  return index;
}

const SKIP = 1;
const OPENS_SCOPE = 2;
const FUNCTION_LIKE = 4;
const RECORDED = 8;
const BRANCHES = 16;

// What runs inside these may not run at all.
const BRANCH_KINDS = [
  SyntaxKind.IfStatement,
  SyntaxKind.ConditionalExpression,
  SyntaxKind.ForStatement,
  SyntaxKind.ForOfStatement,
  SyntaxKind.ForInStatement,
  SyntaxKind.WhileStatement,
  SyntaxKind.DoStatement,
  SyntaxKind.CaseClause,
  SyntaxKind.DefaultClause,
  SyntaxKind.CatchClause,
];
const LOGICAL_OPERATORS = new Set([
  SyntaxKind.AmpersandAmpersandToken,
  SyntaxKind.BarBarToken,
  SyntaxKind.QuestionQuestionToken,
  SyntaxKind.AmpersandAmpersandEqualsToken,
  SyntaxKind.BarBarEqualsToken,
  SyntaxKind.QuestionQuestionEqualsToken,
]);

const SCOPE_KINDS = [
  SyntaxKind.Block,
  SyntaxKind.ModuleBlock,
  SyntaxKind.CaseBlock,
  SyntaxKind.ForStatement,
  SyntaxKind.ForOfStatement,
  SyntaxKind.ForInStatement,
  SyntaxKind.CatchClause,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.ClassExpression,
];

// The kinds the switch in buildFileIndex handles.
const RECORDED_KINDS = [
  SyntaxKind.ImportDeclaration,
  SyntaxKind.ImportEqualsDeclaration,
  SyntaxKind.ExportDeclaration,
  SyntaxKind.ExportAssignment,
  SyntaxKind.VariableStatement,
  SyntaxKind.VariableDeclarationList,
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.ClassDeclaration,
  SyntaxKind.BinaryExpression,
  SyntaxKind.CallExpression,
  SyntaxKind.DeleteExpression,
  SyntaxKind.CatchClause,
  SyntaxKind.ExpressionStatement,
];

/** What the index walk does at each node kind; type syntax is never entered. */
const KIND_FLAGS = (() => {
  const flags = new Uint8Array(SyntaxKind.Count);
  for (let kind = 0; kind < SyntaxKind.Count; kind++) {
    // Tokens (identifiers, literals, keywords) have no children worth a visit; nor has type syntax.
    if (kind <= SyntaxKind.LastToken || (kind >= SyntaxKind.FirstTypeNode && kind <= SyntaxKind.LastTypeNode) || kind === SyntaxKind.InterfaceDeclaration || kind === SyntaxKind.TypeAliasDeclaration) {
      flags[kind] = SKIP;
    } else if (isFunctionLike({ kind } as ts.Node)) {
      flags[kind] = FUNCTION_LIKE | OPENS_SCOPE | BRANCHES;
    }
  }
  for (const kind of BRANCH_KINDS) flags[kind]! |= BRANCHES;
  for (const kind of SCOPE_KINDS) flags[kind]! |= OPENS_SCOPE;
  for (const kind of RECORDED_KINDS) flags[kind]! |= RECORDED;
  return flags;
})();

function hasModifier(node: ts.HasModifiers, kind: ts.SyntaxKind): boolean {
  return ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false;
}

function recordImport(index: FileIndex, node: ts.ImportDeclaration): void {
  if (!ts.isStringLiteral(node.moduleSpecifier) || !node.importClause) return;
  const module = node.moduleSpecifier.text;
  const clause = node.importClause;
  if (clause.name) push(index.bindings, clause.name.text, { kind: 'import', name: clause.name.text, module, imported: 'default', pos: node.pos });
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) {
    push(index.bindings, named.name.text, { kind: 'import', name: named.name.text, module, imported: '*', pos: node.pos });
  } else if (named) {
    for (const element of named.elements) {
      const imported = element.propertyName ? propertyNameText(element.propertyName as ts.PropertyName) : element.name.text;
      if (imported !== undefined) push(index.bindings, element.name.text, { kind: 'import', name: element.name.text, module, imported, pos: node.pos });
    }
  }
}

function recordExport(index: FileIndex, node: ts.ExportDeclaration): void {
  if (node.isTypeOnly) return;
  const from = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  if (!node.exportClause) {
    if (from) index.reexportAll.push(from);
  } else if (ts.isNamedExports(node.exportClause)) {
    for (const element of node.exportClause.elements) {
      const local = element.propertyName ? propertyNameText(element.propertyName as ts.PropertyName) : element.name.text;
      if (local === undefined) continue;
      index.exports.set(element.name.text, from ? { kind: 'reexport', module: from, imported: local } : { kind: 'local', name: local });
    }
  }
}

function recordAssignment(index: FileIndex, left: ts.Expression, right: ts.Expression, depth: number): void {
  const exported = commonJsExport(left);
  if (exported !== undefined) {
    index.exports.set(exported, { kind: 'expression', expression: right });
  } else if (ts.isIdentifier(left)) {
    push(index.assignments, left.text, right);
  } else if (ts.isPropertyAccessExpression(left) && left.expression.kind === SyntaxKind.ThisKeyword) {
    push(index.thisAssignments, left.name.text, { expression: right, pos: left.pos });
  } else if ((ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) && ts.isIdentifier(left.expression)) {
    const key = ts.isPropertyAccessExpression(left)
      ? left.name.text
      : ts.isStringLiteralLike(left.argumentExpression)
        ? left.argumentExpression.text
        : '*';
    push(index.mutations, left.expression.text, { key, expression: key === '*' ? null : right, depth, pos: left.pos });
  }
}

function recordJsDocFieldType(index: FileIndex, statement: ts.ExpressionStatement): void {
  const docs = (statement as { jsDoc?: ts.JSDoc[] }).jsDoc;
  const assignment = statement.expression;
  if (!docs || !ts.isBinaryExpression(assignment) || !ts.isPropertyAccessExpression(assignment.left)) return;
  if (assignment.left.expression.kind !== SyntaxKind.ThisKeyword) return;
  const type = docs.flatMap((doc) => doc.tags ?? []).find(ts.isJSDocTypeTag)?.typeExpression.type;
  if (type) push(index.thisTypes, assignment.left.name.text, { type, pos: assignment.left.pos });
}

/** `module.exports = …` is the default export; `module.exports.name = …` and `exports.name = …` are named ones. */
function commonJsExport(left: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(left)) return undefined;
  const isModuleExports = (node: ts.Expression) =>
    ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
  if (isModuleExports(left)) return 'default';
  if (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports')) return left.name.text;
  return undefined;
}

const PREPENDS = /^(unshift|splice)$/;

function markOpaqueMutation(index: FileIndex, name: string, pos: number): void {
  push(index.mutations, name, { key: '*', expression: null, depth: 0, pos });
}

/** The innermost entry of a range list that contains `pos`. */
export function innermost<T extends { pos: number; end: number }>(ranges: readonly T[], pos: number): T | undefined {
  let best: T | undefined;
  for (const range of ranges) {
    if (pos < range.pos || pos >= range.end) continue;
    if (!best || range.end - range.pos < best.end - best.pos) best = range;
  }
  return best;
}

/** The innermost binding of `name` visible at `pos`; imports are module-wide. */
export function lookupBinding(index: FileIndex, name: string, pos: number): Binding | undefined {
  const candidates = index.bindings.get(name);
  if (!candidates) return undefined;
  let best: Binding | undefined;
  let bestSize = Infinity;
  let imported: Binding | undefined;
  for (const binding of candidates) {
    if (binding.kind === 'import') {
      imported ??= binding;
      continue;
    }
    const [start, end] = binding.scope;
    if (pos < start || pos > end) continue;
    // Of a function's overload signatures and its implementation, the implementation says what it returns.
    const implementation = binding.kind === 'function' && binding.node.body !== undefined && best?.kind === 'function' && best.node.body === undefined;
    if (end - start < bestSize || (end - start === bestSize && implementation)) {
      best = binding;
      bestSize = end - start;
    }
  }
  return best ?? imported;
}
