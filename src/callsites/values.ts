import ts from '#typescript';
import type { UnknownReason } from '../model.js';
import { type Binding, type FileIndex, innermost, lookupBinding, type Mutation, propertyNameText, requireSpecifier } from './scope.js';

// Static evaluation without a type checker. SDK objects are kept as access chains from an import
// (`new OpenAI(...).chat.completions.create`), so adapters can match them declaratively; plain data
// (objects, strings, numbers) is evaluated only as far as it is provable.

export interface ModuleContext {
  file: string;
  sourceFile: ts.SourceFile;
  text: string;
  index: FileIndex;
  loader?: ModuleLoader;
  /** SDK major versions declared by the nearest package.json, when known. */
  sdkMajors?: Readonly<Record<string, number>>;
}

/** Supplied by the I/O layer: parses a relative import of `fromFile`, or returns undefined. */
export interface ModuleLoader {
  load(fromFile: string, specifier: string): ModuleContext | undefined;
  /** A bare specifier that maps to project files (a tsconfig `paths` alias). */
  isLocal?(fromFile: string, specifier: string): boolean;
}

export type Step =
  | { kind: 'prop'; name: string }
  | { kind: 'call'; args: readonly ts.Expression[]; ctx: ModuleContext; node: ts.CallExpression }
  | { kind: 'new'; args: readonly ts.Expression[]; ctx: ModuleContext; node?: ts.NewExpression };

export type Value =
  | {
      k: 'chain';
      module: string;
      name: string;
      steps: Step[];
      /** Piped from something we cannot follow (`unknownPrompt.pipe(model)`), which receives the input first. */
      inputUnseen?: true;
    }
  | { k: 'string'; value: string; node?: ts.Node; ctx?: ModuleContext }
  | { k: 'number'; value: number }
  | { k: 'boolean'; value: boolean }
  | { k: 'nullish'; node?: ts.Node }
  | {
      k: 'object';
      node: ts.ObjectLiteralExpression;
      ctx: ModuleContext;
      mutations?: Map<string, Mutation | null>;
      /** Depth of the declaration the mutations are measured against. */
      declaredDepth?: number;
    }
  | { k: 'array'; node: ts.ArrayLiteralExpression; ctx: ModuleContext }
  | { k: 'function'; node: ts.SignatureDeclaration; ctx: ModuleContext }
  | { k: 'class'; node: ts.ClassLikeDeclaration; ctx: ModuleContext }
  /** An instance of a project class that is not an SDK subclass (a wrapper holding a client in a field). */
  | { k: 'instance'; node: ts.ClassLikeDeclaration; ctx: ModuleContext }
  /** A project module as a whole (`import * as llm from './llm'`, `require('./llm')`): its exports are its members. */
  | { k: 'module'; ctx: ModuleContext }
  | { k: 'json'; inner: Value }
  | { k: 'either'; options: Value[] }
  | {
      k: 'unknown';
      why: UnknownReason;
      node?: ts.Node;
      ctx?: ModuleContext;
      primitive?: boolean;
      /** The declared type of an untyped-at-runtime value (`{ llm }: { llm: BaseChatModel }`), for its members. */
      type?: ts.TypeNode;
      /** The parameter a `why: 'parameter'` value comes from, for callers that look at its arguments. */
      parameter?: { fn: ts.SignatureDeclaration; node: ts.ParameterDeclaration; path: string[] };
      /** Declared optional (`limit?: number`, `opts?.limit`, `number | undefined`): the caller may leave it out. */
      optional?: true;
      /** A method known only by its declaration (`getModel(): BaseChatModel` in an interface): what calling it returns. */
      returns?: ts.TypeNode;
    };

export const GLOBAL_MODULE = '#global';
const MAX_DEPTH = 14;
const MAX_RETURNS = 4;
const MAX_SPREAD_DEPTH = 8;
const UNKNOWN_CALL: Value = { k: 'unknown', why: 'call' };

// Interfaces and base classes by their usual names: a cast to one of them narrows nothing.
const GENERAL_TYPE = /^(?:Runnable\w*|Base[A-Z]\w*|\w+Interface|\w+Like)$/;

// Syntax that passes its operand's value through. A set of kinds: unwrap runs on every evaluation.
const PASS_THROUGH = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.AwaitExpression,
]);

export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (PASS_THROUGH.has(current.kind)) current = (current as ts.ParenthesizedExpression).expression;
  return current;
}

export class Evaluator {
  private readonly cache = new Map<ts.Node, Value>();
  private readonly active = new Set<ts.Node>();
  /** While judging one branch combination: the option taken at each conditional. */
  private choices: ReadonlyMap<Value, Value> | undefined;
  /** While recording: conditionals whose options property lookups had to merge. */
  private conditionals: Set<Value> | undefined;
  /**
   * While reading a base class's member for a subclass: the arguments the subclass's constructor
   * passes to `super(…)`, by base constructor. Values read then depend on the subclass, so they
   * bypass the cache.
   */
  private readonly superArguments = new Map<ts.ConstructorDeclaration, { args: readonly ts.Expression[]; ctx: ModuleContext }>();

  /**
   * Runs `lookup`, then again under each combination of the conditionals it met (`c ? a : b`,
   * a function returning one of several objects), when there are at most `limit` combinations.
   * Returns the plain result and the per-combination results, if any.
   */
  branchwise<T>(lookup: () => T, limit: number): { result: T; branches?: T[] } {
    const conditionals = new Set<Value>();
    this.conditionals = conditionals;
    let result: T;
    try {
      result = lookup();
    } finally {
      this.conditionals = undefined;
    }
    let combinations: Array<Map<Value, Value>> = [new Map()];
    for (const conditional of conditionals) {
      if (conditional.k !== 'either' || combinations.length * conditional.options.length > limit) return { result };
      combinations = combinations.flatMap((chosen) => conditional.options.map((option) => new Map(chosen).set(conditional, option)));
    }
    if (conditionals.size === 0) return { result };
    const branches = combinations.map((choices) => {
      this.choices = choices;
      try {
        return lookup();
      } finally {
        this.choices = undefined;
      }
    });
    return { result, branches };
  }

  evaluate(expression: ts.Expression, ctx: ModuleContext, depth = 0): Value {
    // `(llm as BaseLanguageModel).withConfig(…)`: the cast is inside the parentheses.
    while (expression.kind === ts.SyntaxKind.ParenthesizedExpression) expression = (expression as ts.ParenthesizedExpression).expression;
    // `x as OpenAI` tells us what an untyped value holds, the way a parameter annotation does; it
    // also narrows a value known only from a broader declared type (`llm: BaseLanguageModel`).
    if (expression.kind === ts.SyntaxKind.AsExpression || expression.kind === ts.SyntaxKind.TypeAssertionExpression) {
      const cast = expression as ts.AsExpression | ts.TypeAssertion;
      const inner = this.evaluate(cast.expression, ctx, depth + 1);
      const narrowable = inner.k === 'unknown' || inner.k === 'instance' || (inner.k === 'chain' && inner.steps.some((step) => step.kind === 'new' && !step.node));
      if (!narrowable || depth > MAX_DEPTH) return inner;
      const typed = this.typeValue(cast.type, ctx, depth + 1);
      // A cast to a general interface (`llm as Runnable<…>`) says less than the type already known.
      if (typed?.k === 'chain' && inner.k === 'chain' && GENERAL_TYPE.test(typed.name)) return inner;
      return typed ?? inner;
    }
    const node = unwrap(expression);
    const cacheable = this.superArguments.size === 0;
    const cached = cacheable ? this.cache.get(node) : undefined;
    if (cached) return cached;
    if (depth > MAX_DEPTH || this.active.has(node)) return { k: 'unknown', why: 'binding', node, ctx };
    this.active.add(node);
    try {
      const value = this.compute(node, ctx, depth + 1);
      if (cacheable) this.cache.set(node, value);
      return value;
    } finally {
      this.active.delete(node);
    }
  }

  private compute(node: ts.Expression, ctx: ModuleContext, depth: number): Value {
    const { SyntaxKind } = ts;
    switch (node.kind) {
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        return { k: 'string', value: (node as ts.StringLiteralLike).text, node, ctx };
      case SyntaxKind.NumericLiteral:
        return { k: 'number', value: Number((node as ts.NumericLiteral).text) };
      case SyntaxKind.PrefixUnaryExpression: {
        const { operator, operand } = node as ts.PrefixUnaryExpression;
        if (operator === SyntaxKind.MinusToken && ts.isNumericLiteral(operand)) return { k: 'number', value: -Number(operand.text) };
        break;
      }
      case SyntaxKind.TrueKeyword:
        return { k: 'boolean', value: true };
      case SyntaxKind.FalseKeyword:
        return { k: 'boolean', value: false };
      case SyntaxKind.NullKeyword:
      case SyntaxKind.VoidExpression:
        return { k: 'nullish', node };
      case SyntaxKind.ObjectLiteralExpression:
        return { k: 'object', node: node as ts.ObjectLiteralExpression, ctx };
      case SyntaxKind.ArrayLiteralExpression:
        return { k: 'array', node: node as ts.ArrayLiteralExpression, ctx };
      case SyntaxKind.ArrowFunction:
      case SyntaxKind.FunctionExpression:
        return { k: 'function', node: node as ts.ArrowFunction | ts.FunctionExpression, ctx };
      case SyntaxKind.ClassExpression:
        return { k: 'class', node: node as ts.ClassExpression, ctx };
      case SyntaxKind.TemplateExpression:
        return this.template(node as ts.TemplateExpression, ctx, depth);
      case SyntaxKind.Identifier:
        return this.identifier(node as ts.Identifier, ctx, depth);
      case SyntaxKind.ThisKeyword:
        return { k: 'unknown', why: 'binding', node, ctx };
      case SyntaxKind.PropertyAccessExpression:
      case SyntaxKind.ElementAccessExpression:
        return this.member(node as ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx, depth);
      case SyntaxKind.CallExpression:
        return this.call(node as ts.CallExpression, ctx, depth);
      case SyntaxKind.NewExpression: {
        const created = node as ts.NewExpression;
        const callee = this.evaluate(created.expression, ctx, depth);
        if (callee.k === 'chain') return { ...callee, steps: [...callee.steps, { kind: 'new', args: created.arguments ?? [], ctx, node: created }] };
        if (callee.k === 'class') return this.classInstance(callee, created, ctx, depth);
        return { k: 'unknown', why: 'call', node, ctx };
      }
      case SyntaxKind.ConditionalExpression: {
        const { whenTrue, whenFalse } = node as ts.ConditionalExpression;
        return either([this.evaluate(whenTrue, ctx, depth), this.evaluate(whenFalse, ctx, depth)]);
      }
      case SyntaxKind.BinaryExpression:
        return this.binary(node as ts.BinaryExpression, ctx, depth);
    }
    return { k: 'unknown', why: 'computed', node, ctx };
  }

  private template(node: ts.TemplateExpression, ctx: ModuleContext, depth: number): Value {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const value = this.evaluate(span.expression, ctx, depth);
      if (value.k === 'string' || value.k === 'number' || value.k === 'boolean') text += String(value.value);
      else return { k: 'unknown', why: 'computed', node, ctx };
      text += span.literal.text;
    }
    return { k: 'string', value: text, node, ctx };
  }

  private binary(node: ts.BinaryExpression, ctx: ModuleContext, depth: number): Value {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
      const left = this.evaluate(node.left, ctx, depth);
      if (left.k === 'nullish') return this.evaluate(node.right, ctx, depth);
      if (left.k === 'chain' || left.k === 'object' || left.k === 'number' || left.k === 'string') {
        if (op === ts.SyntaxKind.BarBarToken && (left.k === 'number' || left.k === 'string') && !left.value) {
          return this.evaluate(node.right, ctx, depth);
        }
        return left;
      }
      const right = this.evaluate(node.right, ctx, depth);
      if (right.k === 'chain' && left.k === 'unknown') return right;
      // `(n || undefined) ?? 8192`: a nullish left falls through to the right, so only the others stay.
      const kept = left.k === 'either' ? left.options.filter((option) => option.k !== 'nullish') : [left];
      return either([...kept, right]);
    }
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) {
      // `cond && { schema }`: a falsy left side has no properties, and spreads to nothing.
      return either([{ k: 'nullish', node: node.left }, this.evaluate(node.right, ctx, depth)]);
    }
    if (op === ts.SyntaxKind.PlusToken) {
      const left = this.evaluate(node.left, ctx, depth);
      const right = this.evaluate(node.right, ctx, depth);
      if ((left.k === 'string' || left.k === 'number') && (right.k === 'string' || right.k === 'number')) {
        if (left.k === 'number' && right.k === 'number') return { k: 'number', value: left.value + right.value };
        return { k: 'string', value: String(left.value) + String(right.value), node, ctx };
      }
    }
    if (op === ts.SyntaxKind.AsteriskToken) {
      const left = this.evaluate(node.left, ctx, depth);
      const right = this.evaluate(node.right, ctx, depth);
      if (left.k === 'number' && right.k === 'number') return { k: 'number', value: left.value * right.value };
    }
    return { k: 'unknown', why: 'computed', node, ctx };
  }

  private identifier(node: ts.Identifier, ctx: ModuleContext, depth: number): Value {
    const binding = lookupBinding(ctx.index, node.text, node.pos);
    if (!binding) {
      if (node.text === 'undefined') return { k: 'nullish', node };
      if (node.text === 'fetch') return { k: 'chain', module: GLOBAL_MODULE, name: 'fetch', steps: [] };
      return { k: 'unknown', why: 'binding', node, ctx };
    }
    return this.binding(binding, ctx, depth, node);
  }

  resolveName(name: string, ctx: ModuleContext, depth = 0): Value {
    const binding = lookupBinding(ctx.index, name, ctx.sourceFile.end);
    return binding ? this.binding(binding, ctx, depth + 1) : { k: 'unknown', why: 'binding' };
  }

  private binding(binding: Binding, ctx: ModuleContext, depth: number, at?: ts.Node): Value {
    switch (binding.kind) {
      case 'import':
        if (binding.module.startsWith('.') || ctx.loader?.isLocal?.(ctx.file, binding.module)) {
          const target = ctx.loader?.load(ctx.file, binding.module);
          if (!target) return { k: 'unknown', why: 'binding', node: at, ctx };
          if (binding.imported === '*') return { k: 'module', ctx: target };
          return this.resolveExport(target, binding.imported, depth);
        }
        return { k: 'chain', module: normalizeModule(binding.module), name: binding.imported, steps: [] };
      case 'variable': {
        let value: Value = binding.init ? this.evaluate(binding.init, ctx, depth) : { k: 'unknown', why: 'binding', node: at, ctx };
        value = this.path(value, binding.path, depth);
        if (!binding.isConst) {
          const assigned = ctx.index.assignments.get(binding.name);
          if (assigned && (value.k === 'nullish' || value.k === 'unknown')) {
            for (const expression of assigned) {
              const candidate = this.evaluate(expression, ctx, depth);
              if (candidate.k === 'chain') return candidate;
            }
            // `let limit: number | undefined = undefined; if (input.max) limit = input.max;`: it may stay empty.
            const mayStayEmpty = value.k === 'nullish' || !binding.init;
            return { k: 'unknown', why: 'binding', node: at, ctx, ...(mayStayEmpty ? { optional: true as const } : {}) };
          }
          if (assigned && value.k !== 'chain') return { k: 'unknown', why: 'binding', node: at, ctx };
        }
        if (value.k === 'object') {
          const mutations = mutationsOf(ctx.index, binding, at?.pos);
          if (mutations) return { ...value, mutations, declaredDepth: binding.depth };
        }
        // `if (system) messages.unshift({ role: 'system', … })`: what the list holds is no longer known.
        if (value.k === 'array' && mutationsOf(ctx.index, binding, at?.pos)?.has('*')) return { k: 'unknown', why: 'binding', node: at, ctx };
        return value;
      }
      case 'function':
        return { k: 'function', node: binding.node, ctx };
      case 'class':
        return { k: 'class', node: binding.node, ctx };
      case 'parameter': {
        const passed = ts.isConstructorDeclaration(binding.fn) ? this.superArguments.get(binding.fn) : undefined;
        const argument = passed?.args[binding.fn.parameters.indexOf(binding.node)];
        if (passed && argument && !binding.node.dotDotDotToken) return this.path(this.evaluate(argument, passed.ctx, depth), binding.path, depth);
        const declared = binding.node.type ?? jsDocParameterType(binding.fn, binding.node);
        const member = declared && memberAt(declared, binding.path, ctx);
        const type = member && member.type;
        if (type) {
          const typed = this.typeValue(type, ctx, depth);
          if (typed) return typed;
        }
        // A parameter typed `string` is a prompt, never an options object.
        const primitive = !!type && isPrimitiveType(type);
        const optional = !binding.node.initializer && (binding.path.length === 0 ? !!binding.node.questionToken : !!member?.optional);
        return {
          k: 'unknown',
          why: 'parameter',
          node: at ?? binding.node,
          ctx,
          parameter: { fn: binding.fn, node: binding.node, path: binding.path },
          ...(primitive ? { primitive } : type ? { type } : {}),
          ...(optional || (type && includesUndefined(type)) ? { optional: true as const } : {}),
        };
      }
    }
  }

  resolveExport(ctx: ModuleContext, name: string, depth: number, seen = new Set<string>(), throughStars = true): Value {
    const key = `${ctx.file}#${name}`;
    if (seen.has(key) || depth > MAX_DEPTH) return { k: 'unknown', why: 'binding' };
    seen.add(key);
    const target = ctx.index.exports.get(name);
    if (target?.kind === 'local') return this.resolveName(target.name, ctx, depth);
    if (target?.kind === 'expression') return this.evaluate(target.expression, ctx, depth);
    if (target?.kind === 'reexport') {
      if (!target.module.startsWith('.')) return { k: 'chain', module: normalizeModule(target.module), name: target.imported, steps: [] };
      const next = ctx.loader?.load(ctx.file, target.module);
      return next ? this.resolveExport(next, target.imported, depth + 1, seen) : { k: 'unknown', why: 'binding' };
    }
    for (const specifier of throughStars ? ctx.index.reexportAll : []) {
      const next = ctx.loader?.load(ctx.file, specifier);
      if (!next) continue;
      const value = this.resolveExport(next, name, depth + 1, seen);
      if (value.k !== 'unknown') return value;
    }
    // CommonJS `module.exports = { makeClient, … }`: the names are the object's keys.
    const whole = ctx.index.exports.get('default');
    if (name !== 'default' && whole?.kind === 'expression') {
      const found = this.property(this.evaluate(whole.expression, ctx, depth), name, depth);
      if (found.state === 'present') return found.value;
    }
    return { k: 'unknown', why: 'binding' };
  }

  /** A parameter or field typed as an SDK class stands for an instance of it. */
  typeValue(type: ts.TypeNode, ctx: ModuleContext, depth: number): Value | undefined {
    if (ts.isUnionTypeNode(type)) {
      let first: Value | undefined;
      for (const member of type.types) {
        const value = this.typeValue(member, ctx, depth);
        if (value?.k === 'chain') return value;
        first ??= value;
      }
      return first;
    }
    // `import('openai').OpenAI` in a JSDoc type.
    if (ts.isImportTypeNode(type) && ts.isLiteralTypeNode(type.argument) && ts.isStringLiteral(type.argument.literal) && !type.argument.literal.text.startsWith('.')) {
      const name = type.qualifier && ts.isIdentifier(type.qualifier) ? type.qualifier.text : 'default';
      return { k: 'chain', module: normalizeModule(type.argument.literal.text), name, steps: [{ kind: 'new', args: [], ctx }] };
    }
    if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || depth > MAX_DEPTH) return undefined;
    const name = type.typeName.text;
    // `Promise<OpenAI>` (what an awaited getter holds; `await` is unwrapped where it is read) and
    // `Pick<OpenAI, 'chat'>`: the client itself, as far as its calls go.
    if (WRAPPER_TYPES.has(name) && type.typeArguments?.[0]) return this.typeValue(type.typeArguments[0], ctx, depth + 1);
    const binding = lookupBinding(ctx.index, name, type.pos);
    if (binding?.kind === 'class') return this.classInstance({ node: binding.node, ctx }, undefined, ctx, depth);
    if (binding?.kind === 'variable') {
      // `const OpenAI = require('openai')` names the class a JSDoc type refers to.
      const held = this.binding(binding, ctx, depth + 1);
      return held.k === 'chain' ? { ...held, steps: [...held.steps, { kind: 'new', args: [], ctx }] } : undefined;
    }
    if (!binding) {
      const alias = typeAlias(ctx, name);
      return alias && this.typeValue(alias, ctx, depth + 1);
    }
    if (binding.kind !== 'import') return undefined;
    let root: Value = { k: 'chain', module: normalizeModule(binding.module), name: binding.imported, steps: [] };
    const relative = binding.module.startsWith('.');
    if (relative || ctx.loader?.isLocal?.(ctx.file, binding.module)) {
      const target = ctx.loader?.load(ctx.file, binding.module);
      if (!target) return undefined;
      // An aliased `@/types` is usually a barrel of interfaces: its `export *` lines are not opened
      // for a type, which would parse every file behind it.
      root = this.resolveExport(target, binding.imported, depth, new Set(), relative);
      if (root.k === 'class') return this.classInstance(root, undefined, ctx, depth);
      if (root.k !== 'chain') {
        // `export type LLMInstance = Pick<OpenAI, 'chat'>` in the other module.
        const alias = typeAlias(target, binding.imported);
        return alias && this.typeValue(alias, target, depth + 1);
      }
    }
    if (root.k !== 'chain') return undefined;
    return { ...root, steps: [...root.steps, { kind: 'new', args: [], ctx }] };
  }

  path(value: Value, path: readonly string[], depth: number): Value {
    let current = value;
    for (const key of path) {
      if (current.k === 'chain') {
        current = { ...current, steps: [...current.steps, { kind: 'prop', name: key }] };
        continue;
      }
      if (current.k === 'instance') {
        current = this.instanceMember(current, key, depth) ?? { k: 'unknown', why: 'binding' };
        continue;
      }
      if (current.k === 'module') {
        current = this.resolveExport(current.ctx, key, depth);
        continue;
      }
      const prop = this.property(current, key, depth);
      if (prop.state === 'present') current = prop.value;
      else if (prop.state === 'absent') return { k: 'nullish' };
      else return { k: 'unknown', why: prop.why };
    }
    return current;
  }

  private member(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, ctx: ModuleContext, depth: number): Value {
    let key: string | undefined;
    if (ts.isPropertyAccessExpression(node)) key = node.name.text;
    else if (ts.isStringLiteralLike(node.argumentExpression) || ts.isNumericLiteral(node.argumentExpression)) key = node.argumentExpression.text;
    if (key === undefined) return { k: 'unknown', why: 'computed', node, ctx };
    if (unwrap(node.expression).kind === ts.SyntaxKind.ThisKeyword) return this.thisMember(node, key, ctx, depth);
    // Not unwrapped here: `(llm as BaseChatModel).invoke` keeps its cast for evaluate to read.
    const base = this.evaluate(node.expression, ctx, depth);
    if (base.k === 'chain') return { ...base, steps: [...base.steps, { kind: 'prop', name: key }] };
    if (isChoiceOfChains(base)) return either(base.options.map((chain) => ({ ...chain, steps: [...chain.steps, { kind: 'prop', name: key }] })));
    if (base.k === 'class') return this.staticMember(base, key, depth);
    if (base.k === 'instance') return this.instanceMember(base, key, depth) ?? { k: 'unknown', why: 'binding', node, ctx };
    if (base.k === 'module') return this.resolveExport(base.ctx, key, depth);
    if (base.k === 'unknown') {
      const member = base.type && memberAt(base.type, [key], ctx);
      const type = member && member.type;
      const typed = type && this.typeValue(type, ctx, depth);
      if (typed) return typed;
      // `opts?.limit`, a member of an optional parameter, or a member declared `limit?: number`.
      const optional = base.optional || (ts.isPropertyAccessExpression(node) && !!node.questionDotToken) || !!member?.optional || (!!type && includesUndefined(type));
      const returns = base.type ? methodReturnType(base.type, key, ctx) : undefined;
      return { k: 'unknown', why: base.why, node, ctx, ...(type ? { type } : {}), ...(optional ? { optional: true as const } : {}), ...(returns ? { returns } : {}) };
    }
    return this.path(base, [key], depth);
  }

  private thisMember(node: ts.Node, key: string, ctx: ModuleContext, depth: number): Value {
    const at = node.getStart(ctx.sourceFile);
    const cls = innermost(ctx.index.classRanges, at);
    if (!cls) return { k: 'unknown', why: 'binding', node, ctx };
    // Arrow functions keep `this`; an ordinary function inside the class rebinds it.
    const boundary = innermost(ctx.index.thisBoundaries, at);
    if (boundary && boundary.pos >= cls.pos && boundary.end <= cls.end) return { k: 'unknown', why: 'binding', node, ctx };
    const member = this.instanceMember({ node: cls.node, ctx }, key, depth) ?? { k: 'unknown', why: 'binding', node, ctx };
    // `this.callSettings()` in a base class runs whichever override the instance has.
    if (member.k === 'function' && mayBeOverridden(cls.node, member.node, ctx)) return { k: 'unknown', why: 'binding', node, ctx };
    // `maxOutputTokens?: number`: a field the class declares optional may hold nothing.
    if (member.k === 'unknown' && declaredOptional(cls.node, key)) return { ...member, optional: true };
    return member;
  }

  /** A member of an instance of a class declared in the analysed code. */
  instanceMember(cls: { node: ts.ClassLikeDeclaration; ctx: ModuleContext }, key: string, depth: number): Value | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const { node: classNode, ctx } = cls;
    let typed: Value | undefined;
    const assigned = this.thisAssignments(cls, key);
    for (const member of classNode.members) {
      if (isStatic(member)) continue;
      const name = propertyNameText(member.name);
      if (ts.isPropertyDeclaration(member) && name === key) {
        if (member.initializer) {
          const initial = this.evaluate(member.initializer, ctx, depth);
          // A field reassigned elsewhere in the class holds its initializer only until then; a null
          // one is a placeholder its type says more about.
          if (initial.k === 'chain' || (assigned.length === 0 && !(initial.k === 'nullish' && member.type))) return initial;
        }
        // `#session: Promise<OpenAI> | null = null`, filled in later by code we cannot follow.
        if (member.type) typed ??= this.typeValue(member.type, ctx, depth);
      } else if ((ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member)) && name === key) {
        if (!ts.isGetAccessorDeclaration(member)) return { k: 'function', node: member, ctx };
        const returned = this.returnValue(member, ctx, depth);
        return returned.k === 'unknown' && member.type ? (this.typeValue(member.type, ctx, depth) ?? returned) : returned;
      } else if (ts.isConstructorDeclaration(member)) {
        for (const [i, parameter] of member.parameters.entries()) {
          if (!ts.isIdentifier(parameter.name) || parameter.name.text !== key || !ts.getModifiers(parameter)?.length) continue;
          const passed = this.superArguments.get(member);
          if (passed?.args[i]) {
            const value = this.evaluate(passed.args[i], passed.ctx, depth);
            // `super(null)`: the declared type says what could be there, the call says nothing is.
            if (value.k === 'chain' || value.k === 'nullish') return value;
          }
          if (parameter.type) typed ??= this.typeValue(parameter.type, ctx, depth);
        }
      }
    }
    for (const expression of assigned) {
      const value = this.evaluate(expression, ctx, depth);
      if (value.k === 'chain') return value;
    }
    for (const { type, pos } of ctx.index.thisTypes.get(key) ?? []) {
      if (innermost(ctx.index.classRanges, pos)?.node === classNode) typed ??= this.typeValue(type, ctx, depth);
    }
    if (typed) return typed;
    // A field set once holds that value (`this.chatUrl = \`${base}/api/chat\``); one set in a few
    // places (`if (proxy) this.url = proxy; else this.url = DEFAULT_URL`) holds one of them.
    if (assigned.length > 0 && assigned.length <= MAX_RETURNS && !declaredWithInitializer(classNode, key)) {
      const values = assigned.map((expression) => this.evaluate(expression, ctx, depth));
      return values.length === 1 ? values[0]! : either(values);
    }
    if (assigned.length) return { k: 'unknown', why: 'binding' };
    const heritage = classNode.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (heritage) {
      const base = this.evaluate(heritage.expression, ctx, depth);
      if (base.k === 'class') return this.inheritedMember(classNode, ctx, base, key, depth + 1);
      if (base.k === 'chain') return { ...base, steps: [...base.steps, { kind: 'new', args: [], ctx }, { kind: 'prop', name: key }] };
    }
    return undefined;
  }

  /**
   * A member a class inherits, read with the arguments its constructor hands to `super(…)`:
   * `constructor() { super(new Anthropic()) }` under `constructor(client) { this._client = client }`.
   */
  private inheritedMember(
    subclass: ts.ClassLikeDeclaration,
    ctx: ModuleContext,
    base: { node: ts.ClassLikeDeclaration; ctx: ModuleContext },
    key: string,
    depth: number,
  ): Value | undefined {
    const baseConstructor = base.node.members.find(ts.isConstructorDeclaration);
    const superCall = superCallOf(subclass);
    if (!baseConstructor || !superCall || this.superArguments.has(baseConstructor)) return this.instanceMember(base, key, depth);
    this.superArguments.set(baseConstructor, { args: superCall.arguments, ctx });
    try {
      return this.instanceMember(base, key, depth);
    } finally {
      this.superArguments.delete(baseConstructor);
    }
  }

  /** `this.key = …` inside the class itself (not in a class nested in it), from the file index. */
  private thisAssignments(cls: { node: ts.ClassLikeDeclaration; ctx: ModuleContext }, key: string): ts.Expression[] {
    const found: ts.Expression[] = [];
    for (const { expression, pos } of cls.ctx.index.thisAssignments.get(key) ?? []) {
      if (pos >= cls.node.pos && pos < cls.node.end && innermost(cls.ctx.index.classRanges, pos)?.node === cls.node) found.push(expression);
    }
    return found;
  }

  private staticMember(cls: { k: 'class'; node: ts.ClassLikeDeclaration; ctx: ModuleContext }, key: string, depth: number): Value {
    for (const member of cls.node.members) {
      if (!isStatic(member) || propertyNameText(member.name) !== key) continue;
      if (ts.isPropertyDeclaration(member) && member.initializer) {
        const initial = this.evaluate(member.initializer, cls.ctx, depth);
        // `static instance: Manager | null = null`, set by getInstance(): its type says what it holds.
        if (initial.k === 'nullish' && member.type) return this.typeValue(member.type, cls.ctx, depth) ?? initial;
        return initial;
      }
      // `static instance: Manager`, assigned later.
      if (ts.isPropertyDeclaration(member) && member.type) return this.typeValue(member.type, cls.ctx, depth) ?? { k: 'unknown', why: 'binding' };
      if (ts.isMethodDeclaration(member)) return { k: 'function', node: member, ctx: cls.ctx };
    }
    return { k: 'unknown', why: 'binding' };
  }

  private classInstance(cls: { node: ts.ClassLikeDeclaration; ctx: ModuleContext }, node: ts.NewExpression | undefined, ctx: ModuleContext, depth: number): Value {
    // `class Client extends OpenAI {}` → an OpenAI instance for our purposes.
    const heritage = cls.node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (heritage && depth <= MAX_DEPTH) {
      const base = this.evaluate(heritage.expression, cls.ctx, depth);
      if (base.k === 'chain') return { ...base, steps: [...base.steps, { kind: 'new', args: node?.arguments ?? [], ctx, ...(node ? { node } : {}) }] };
      if (base.k === 'class') {
        const inherited = this.classInstance(base, node, ctx, depth + 1);
        if (inherited.k === 'chain') return inherited;
      }
    }
    return { k: 'instance', node: cls.node, ctx: cls.ctx };
  }

  private call(node: ts.CallExpression, ctx: ModuleContext, depth: number): Value {
    const specifier = requireSpecifier(node);
    if (specifier !== undefined) {
      if (specifier.startsWith('.')) {
        const target = ctx.loader?.load(ctx.file, specifier);
        return target ? this.moduleObject(target) : UNKNOWN_CALL;
      }
      return { k: 'chain', module: normalizeModule(specifier), name: '*', steps: [] };
    }
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      return arg && ts.isStringLiteralLike(arg) && !arg.text.startsWith('.') ? { k: 'chain', module: normalizeModule(arg.text), name: '*', steps: [] } : UNKNOWN_CALL;
    }
    const callee = unwrap(node.expression);
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON' && callee.name.text === 'stringify') {
      const arg = node.arguments[0];
      return arg ? { k: 'json', inner: this.evaluate(arg, ctx, depth) } : UNKNOWN_CALL;
    }
    const target = this.evaluate(callee, ctx, depth);
    if (target.k === 'chain') return { ...target, steps: [...target.steps, { kind: 'call', args: node.arguments, ctx, node }] };
    if (isChoiceOfChains(target)) return either(target.options.map((chain) => ({ ...chain, steps: [...chain.steps, { kind: 'call', args: node.arguments, ctx, node }] })));
    if (target.k === 'unknown' && ts.isPropertyAccessExpression(callee) && callee.name.text === 'pipe' && node.arguments.length === 1) {
      // `prompt.pipe(model)` with a prompt built where we cannot follow: what runs last is still known.
      const piped = this.evaluate(node.arguments[0]!, ctx, depth);
      if (piped.k === 'chain') return { ...piped, inputUnseen: true };
    }
    if (target.k === 'function') {
      const returned = this.returnValue(target.node, target.ctx, depth);
      if (returned.k === 'chain') return withArguments(returned, target.node, node, ctx);
      // What it returns is out of reach, but its declaration says (`getModel(): BaseChatModel`).
      if (returned.k === 'unknown' && target.node.type) return this.typeValue(target.node.type, target.ctx, depth) ?? returned;
      return returned;
    }
    if (target.k === 'unknown' && target.returns && target.ctx) return this.typeValue(target.returns, target.ctx, depth) ?? UNKNOWN_CALL;
    return { k: 'unknown', why: 'call', node, ctx };
  }

  private moduleObject(target: ModuleContext): Value {
    // A CommonJS module of our own: `module.exports = expr`, or its `exports.name = …` one by one.
    const exported = target.index.exports.get('default');
    return exported?.kind === 'expression' ? this.evaluate(exported.expression, target) : { k: 'module', ctx: target };
  }

  /** What a same-project function returns, when one of its returns is an SDK chain or all agree on data. */
  returnValue(fn: ts.SignatureDeclaration, ctx: ModuleContext, depth: number): Value {
    const body = (fn as ts.FunctionLikeDeclaration).body;
    if (!body) return UNKNOWN_CALL;
    if (!ts.isBlock(body)) return this.evaluate(body, ctx, depth);
    const returns = returnedExpressions(fn);
    if (returns.length === 0) return UNKNOWN_CALL;
    const values = returns.map((expression) => this.evaluate(expression, ctx, depth));
    // A factory that builds one client or another (`if (legacy) return new ChatX(); return new Y()`).
    const chains = values.filter((value) => value.k === 'chain');
    if (chains.length > 0) return either(chains);
    if (values.length === 1) return values[0]!;
    // `if (reasoning) return { max_completion_tokens: n }; return { max_tokens: n }`: one of these.
    return values.length <= MAX_RETURNS && values.every((value) => value.k !== 'unknown') ? either(values) : UNKNOWN_CALL;
  }

  /** Whether an object-like value sends `key`. Later entries win; unknown spreads make it unknown. */
  property(value: Value, key: string, depth = 0): PropertyLookup {
    // Spreads can lead back to the object being read (`this.opts = { ...this.opts, … }` in a few places).
    if (depth > MAX_SPREAD_DEPTH) return { state: 'unknown', why: 'binding' };
    switch (value.k) {
      case 'object':
        return this.objectProperty(value, key, depth);
      case 'nullish':
        return { state: 'absent' };
      case 'json':
        return this.property(value.inner, key, depth);
      case 'either': {
        const chosen = this.choices?.get(value);
        if (chosen) return this.property(chosen, key, depth);
        this.conditionals?.add(value);
        const results = value.options.map((option) => this.property(option, key, depth));
        if (results.every((result) => result.state === 'present')) {
          // Sent either way; what is sent is one of the options' values.
          const values = results.map((result) => (result as Extract<PropertyLookup, { state: 'present' }>).value);
          return samePrimitive(values) ? results[0]! : { ...(results[0] as Extract<PropertyLookup, { state: 'present' }>), value: either(values) };
        }
        if (results.every((result) => result.state === 'absent')) return { state: 'absent' };
        return { state: 'unknown', why: 'conditional' };
      }
      case 'unknown':
        return { state: 'unknown', why: value.why };
      default:
        return { state: 'unknown', why: 'binding' };
    }
  }

  private objectProperty(value: Extract<Value, { k: 'object' }>, key: string, depth: number): PropertyLookup {
    let result: PropertyLookup = { state: 'absent' };
    for (const element of value.node.properties) {
      if (ts.isSpreadAssignment(element)) {
        const inner = this.property(this.evaluate(element.expression, value.ctx, depth), key, depth + 1);
        // An explicit key before an opaque spread is still sent unless the spread overrides it.
        if (inner.state === 'present') result = inner;
        else if (inner.state === 'unknown' && result.state !== 'present') result = inner;
        continue;
      }
      const name = element.name ? propertyNameText(element.name) : undefined;
      if (name === undefined) {
        if (result.state !== 'present' && element.name && ts.isComputedPropertyName(element.name)) result = { state: 'unknown', why: 'computed' };
        continue;
      }
      if (name !== key) continue;
      if (ts.isPropertyAssignment(element)) {
        result = presence(this.evaluate(element.initializer, value.ctx, depth), element, element.initializer, value.ctx);
      } else if (ts.isShorthandPropertyAssignment(element)) {
        result = presence(this.evaluate(element.name, value.ctx, depth), element, element.name, value.ctx);
      } else {
        result = { state: 'present', value: { k: 'unknown', why: 'computed' }, node: element, valueNode: element, ctx: value.ctx };
      }
    }
    const mutation = value.mutations?.get(key);
    if (mutation) {
      const expression = mutation.expression!;
      const assigned = presence(this.evaluate(expression, value.ctx, depth), expression, expression, value.ctx);
      // `if (opts.maxTokens) params.max_tokens = opts.maxTokens`: sent only when the branch runs.
      const always = mutation.depth <= (value.declaredDepth ?? 0);
      if (always || assigned.state === result.state) result = assigned;
      else result = { state: 'unknown', why: 'conditional' };
    } else if (value.mutations?.has('*') && result.state === 'absent') {
      result = { state: 'unknown', why: 'binding' };
    }
    return result;
  }

  /** The elements of an array-like value, or undefined when they cannot be listed. */
  elements(value: Value, depth = 0): ElementList | undefined {
    if (value.k !== 'array') return undefined;
    const items: ElementList = [];
    for (const element of value.node.elements) {
      if (ts.isSpreadElement(element)) {
        const inner = this.evaluate(element.expression, value.ctx, depth);
        const spread = this.elements(inner, depth + 1);
        if (spread) items.push(...spread);
        else items.push({ spread: true, node: element, ctx: value.ctx });
      } else if (!ts.isOmittedExpression(element)) {
        items.push({ value: this.evaluate(element, value.ctx, depth), node: element, ctx: value.ctx });
      }
    }
    return items;
  }
}

export type ElementList = Array<
  { value: Value; node: ts.Expression; ctx: ModuleContext; spread?: undefined } | { spread: true; node: ts.Node; ctx: ModuleContext }
>;

export type PropertyLookup =
  | { state: 'present'; value: Value; node: ts.Node; valueNode: ts.Node; ctx: ModuleContext }
  | { state: 'absent'; node?: ts.Node }
  | { state: 'unknown'; why: UnknownReason };

function presence(value: Value, node: ts.Node, valueNode: ts.Node, ctx: ModuleContext): PropertyLookup {
  if (value.k === 'nullish') return { state: 'absent', node };
  // A value we cannot compute is still sent; only a branch that is provably nullish makes it doubtful.
  if (value.k === 'either' && value.options.some((option) => option.k === 'nullish')) {
    return value.options.every((option) => option.k === 'nullish') ? { state: 'absent', node } : { state: 'unknown', why: 'conditional' };
  }
  return { state: 'present', value, node, valueNode, ctx };
}

/**
 * A factory that hands its parameters to the client it builds (`static create(opts) { return new
 * Client(opts) }`): the client is built from what this call passes. Only steps whose arguments are
 * all the factory's own parameters are rewritten; anything else stays as the factory wrote it.
 */
function withArguments(chain: Extract<Value, { k: 'chain' }>, fn: ts.SignatureDeclaration, call: ts.CallExpression, ctx: ModuleContext): Value {
  const positions = new Map<string, number>();
  fn.parameters.forEach((parameter, i) => {
    if (ts.isIdentifier(parameter.name) && !parameter.dotDotDotToken) positions.set(parameter.name.text, i);
  });
  if (positions.size === 0) return chain;
  let changed = false;
  const steps = chain.steps.map((step): Step => {
    if (step.kind === 'prop' || step.args.length === 0) return step;
    const indexes = step.args.map((arg) => (ts.isIdentifier(arg) ? positions.get(arg.text) : undefined));
    if (indexes.some((index) => index === undefined || !call.arguments[index])) return step;
    changed = true;
    return { ...step, args: indexes.map((index) => call.arguments[index!]!), ctx };
  });
  return changed ? { ...chain, steps } : chain;
}

/** The `super(…)` call a class's constructor makes, if it makes one as a statement of its own. */
function superCallOf(classNode: ts.ClassLikeDeclaration): ts.CallExpression | undefined {
  const body = classNode.members.find(ts.isConstructorDeclaration)?.body;
  for (const statement of body?.statements ?? []) {
    if (!ts.isExpressionStatement(statement)) continue;
    const call = statement.expression;
    if (ts.isCallExpression(call) && call.expression.kind === ts.SyntaxKind.SuperKeyword) return call;
  }
  return undefined;
}

/** The last change of each key made to this variable's object: after its declaration, inside its scope. */
function mutationsOf(index: FileIndex, binding: Extract<Binding, { kind: 'variable' }>, readAt: number | undefined): Map<string, Mutation | null> | undefined {
  const [start, end] = binding.scope;
  let mine: Map<string, Mutation | null> | undefined;
  for (const mutation of index.mutations.get(binding.name) ?? []) {
    if (mutation.pos < binding.node.end || mutation.pos < start || mutation.pos > end) continue;
    (mine ??= new Map()).set(mutation.key, mutation.key === '*' ? null : mutation);
  }
  // A module-level object handed to functions is shared configuration, not a request being built.
  if (start !== 0 && !mine?.has('*') && handedToHelper(index, binding, readAt ?? end)) (mine ??= new Map()).set('*', null);
  return mine;
}

// Builtins and request senders that read their arguments without changing them.
const READS_ONLY = new Set(['fetch', 'String', 'Number', 'Boolean', 'structuredClone', 'encodeURIComponent', 'generateText', 'streamText', 'generateObject', 'streamObject']);

/**
 * Whether the object is handed to a project function or method (`applyDefaults(params)`,
 * `this.addMaxTokens(params)`) before it is read: that helper may fill in keys.
 */
function handedToHelper(index: FileIndex, binding: Extract<Binding, { kind: 'variable' }>, readAt: number): boolean {
  // Calls are indexed in source order: start at the first one after the declaration.
  let low = 0;
  let high = index.calls.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (index.calls[middle]!.pos < binding.node.end) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < index.calls.length; i++) {
    const call = index.calls[i]!;
    if (call.pos >= readAt) break;
    const callee = call.expression;
    const helper = ts.isIdentifier(callee)
      ? !READS_ONLY.has(callee.text)
      : ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && callee.name.text !== 'fetch';
    if (helper && call.arguments.some((argument) => ts.isIdentifier(argument) && argument.text === binding.name)) return true;
  }
  return false;
}

/** `openai/index.js` and `openai` are the same module to us. */
export function normalizeModule(specifier: string): string {
  if (!specifier.startsWith('node:') && !specifier.includes('/index')) return specifier;
  return specifier.replace(/^node:/, '').replace(/\/index(\.[cm]?[jt]s)?$/, '');
}

function declaredWithInitializer(classNode: ts.ClassLikeDeclaration, key: string): boolean {
  return classNode.members.some((member) => ts.isPropertyDeclaration(member) && propertyNameText(member.name) === key && member.initializer !== undefined);
}

/** What a function's `return` statements (or its expression body) hand back, nested functions aside. */
export function returnedExpressions(fn: ts.SignatureDeclaration): ts.Expression[] {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const returns: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression) returns.push(node.expression);
    if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return returns;
}

function declaredOptional(cls: ts.ClassLikeDeclaration, key: string): boolean {
  return cls.members.some(
    (member) => ts.isPropertyDeclaration(member) && propertyNameText(member.name) === key && (!!member.questionToken || (!!member.type && includesUndefined(member.type))),
  );
}

/** The declared return type of a method of a type literal or same-file interface. */
function methodReturnType(type: ts.TypeNode, key: string, ctx: ModuleContext): ts.TypeNode | undefined {
  const member = typeMembers(type, ctx)?.find((m) => propertyNameText(m.name) === key);
  if (member && ts.isMethodSignature(member)) return member.type;
  if (member && ts.isPropertySignature(member) && member.type && ts.isFunctionTypeNode(member.type)) return member.type.type;
  return undefined;
}

/** `number | undefined`, `string | null`. */
function includesUndefined(type: ts.TypeNode): boolean {
  return (
    ts.isUnionTypeNode(type) &&
    type.types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword))
  );
}

/**
 * The declared type at `path` inside `type`, through type literals and interfaces or type aliases
 * declared at the top of the same file (undefined when the path leaves what is written there), and
 * whether a step on the way is optional (`limit?: number`).
 */
function memberAt(type: ts.TypeNode, path: readonly string[], ctx: ModuleContext): { type: ts.TypeNode | undefined; optional: boolean } {
  let current: ts.TypeNode | undefined = type;
  let optional = false;
  for (const key of path) {
    const members = current && typeMembers(current, ctx);
    const member = members?.find((m) => ts.isPropertySignature(m) && propertyNameText(m.name) === key) as ts.PropertySignature | undefined;
    if (!member) return { type: undefined, optional };
    optional ||= !!member.questionToken;
    current = member.type;
  }
  return { type: current, optional };
}

function typeMembers(type: ts.TypeNode, ctx: ModuleContext, depth = 0): readonly ts.TypeElement[] | undefined {
  if (depth > 4) return undefined;
  if (ts.isTypeLiteralNode(type)) return type.members;
  if (ts.isParenthesizedTypeNode(type)) return typeMembers(type.type, ctx, depth + 1);
  if (ts.isIntersectionTypeNode(type)) return type.types.flatMap((part) => typeMembers(part, ctx, depth + 1) ?? []);
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  const name = type.typeName.text;
  const declared = ctx.sourceFile.statements.find((statement) => ts.isInterfaceDeclaration(statement) && statement.name.text === name);
  if (declared) return (declared as ts.InterfaceDeclaration).members;
  const alias = typeAlias(ctx, name);
  return alias && typeMembers(alias, ctx, depth + 1);
}

// Generic types that stand for (part of) their first argument, as far as its method calls go.
// Not `Partial<…>`: that is how options bags are typed, and it would make every init object a client.
const WRAPPER_TYPES = new Set(['Promise', 'Awaited', 'Pick', 'Omit', 'NonNullable']);

/** The type a JSDoc `@param {Type} name` tag gives a parameter (JavaScript files carry types there). */
function jsDocParameterType(fn: ts.SignatureDeclaration, parameter: ts.ParameterDeclaration): ts.TypeNode | undefined {
  if (!ts.isIdentifier(parameter.name)) return undefined;
  const name = parameter.name.text;
  for (const doc of (fn as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []) {
    for (const tag of doc.tags ?? []) {
      if (ts.isJSDocParameterTag(tag) && ts.isIdentifier(tag.name) && tag.name.text === name) return tag.typeExpression?.type;
    }
  }
  return undefined;
}

/** The aliased type of `type Name = …` declared at the top of a module. */
function typeAlias(ctx: ModuleContext, name: string): ts.TypeNode | undefined {
  for (const statement of ctx.sourceFile.statements) {
    if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name) return statement.type;
  }
  return undefined;
}

function isPrimitiveType(type: ts.TypeNode): boolean {
  if (ts.isUnionTypeNode(type)) return type.types.every(isPrimitiveType);
  if (ts.isArrayTypeNode(type)) return isPrimitiveType(type.elementType);
  return (
    type.kind === ts.SyntaxKind.StringKeyword ||
    type.kind === ts.SyntaxKind.NumberKeyword ||
    type.kind === ts.SyntaxKind.BooleanKeyword ||
    ts.isLiteralTypeNode(type)
  );
}

/**
 * Whether `this.method` inside `cls` may run another class's code: the class is abstract, or a class
 * in the same file extends it and declares the method again. Private methods are never overridden.
 */
function mayBeOverridden(cls: ts.ClassLikeDeclaration, method: ts.SignatureDeclaration, ctx: ModuleContext): boolean {
  if (!ts.isMethodDeclaration(method) || !cls.members.includes(method)) return false;
  if (ts.isPrivateIdentifier(method.name) || ts.getModifiers(method)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword)) return false;
  if (ts.getModifiers(cls)?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword)) return true;
  const name = cls.name?.text;
  const key = propertyNameText(method.name);
  if (!name || key === undefined) return false;
  return ctx.index.classRanges.some(({ node }) => {
    const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    return !!heritage && ts.isIdentifier(heritage) && heritage.text === name && node.members.some((m) => ts.isMethodDeclaration(m) && propertyNameText(m.name) === key);
  });
}

export function isStatic(member: ts.ClassElement): boolean {
  return ts.canHaveModifiers(member) && (ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword) ?? false);
}

/** One of several SDK objects (a factory with several returns): calls on it may be any of them. */
export function isChoiceOfChains(value: Value): value is { k: 'either'; options: Array<Extract<Value, { k: 'chain' }>> } {
  return value.k === 'either' && value.options.every((option) => option.k === 'chain');
}

function samePrimitive(values: readonly Value[]): boolean {
  const [first, ...rest] = values;
  if (!first || (first.k !== 'string' && first.k !== 'number' && first.k !== 'boolean')) return false;
  return rest.every((value) => value.k === first.k && value.value === first.value);
}

function either(options: Value[]): Value {
  const flat = options.flatMap((option) => (option.k === 'either' ? option.options : [option]));
  return flat.length === 1 ? flat[0]! : { k: 'either', options: flat };
}
