import ts from '#typescript';
import type { ChangeRate, Prompt, PromptLiteral, PromptPart, Range } from '../model.js';
import { lookupBinding } from './scope.js';
import { type Evaluator, type ModuleContext, unwrap } from './values.js';

// The runtime text of a prompt: static text where provable, every other piece an opaque dynamic part
// graded by how often it changes.

const DEDENT_TAGS = new Set(['dedent', 'stripIndent', 'stripIndents', 'outdent', 'endent', 'ts_dedent', 'dedentBlock']);
const MAX_DEPTH = 10;

interface Built {
  parts: PromptPart[];
  literal?: PromptLiteral;
}

export function promptFrom(ev: Evaluator, expression: ts.Expression, ctx: ModuleContext): Prompt | undefined {
  const built = build(ev, expression, ctx, 0);
  if (!built) return undefined;
  const node = unwrap(expression);
  const prompt: Prompt = { parts: merge(built.parts), range: [node.getStart(ctx.sourceFile), node.end] };
  if (built.literal) prompt.literal = built.literal;
  return prompt;
}

export function promptText(prompt: Prompt): string {
  return prompt.parts.map((part) => (part.kind === 'text' ? part.text : '')).join('');
}

function build(ev: Evaluator, expression: ts.Expression, ctx: ModuleContext, depth: number): Built | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrap(expression);
  const range: Range = [node.getStart(ctx.sourceFile), node.end];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return { parts: [{ kind: 'text', text: node.text }], literal: { range, file: ctx.file, quote: quoteOf(node, ctx) } };
  }
  if (ts.isTemplateExpression(node)) {
    const parts: PromptPart[] = [{ kind: 'text', text: node.head.text }];
    for (const span of node.templateSpans) {
      parts.push(...inlineOrDynamic(ev, span.expression, ctx, depth));
      parts.push({ kind: 'text', text: span.literal.text });
    }
    return { parts, literal: { range, file: ctx.file, quote: '`' } };
  }
  if (ts.isTaggedTemplateExpression(node)) {
    const tag = tagName(node.tag);
    if (!tag || !DEDENT_TAGS.has(tag)) return undefined;
    const inner = build(ev, node.template, ctx, depth + 1);
    if (!inner) return undefined;
    return { parts: dedentParts(inner.parts), literal: { range, file: ctx.file, quote: '`', tag } };
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = build(ev, node.left, ctx, depth + 1) ?? { parts: dynamic(ev, node.left, ctx) };
    const right = build(ev, node.right, ctx, depth + 1) ?? { parts: dynamic(ev, node.right, ctx) };
    return { parts: [...left.parts, ...right.parts] };
  }
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    const value = ev.evaluate(node, ctx);
    if (value.k === 'string' && value.node && value.ctx && value.node !== node) {
      return build(ev, value.node as ts.Expression, value.ctx, depth + 1) ?? { parts: [{ kind: 'text', text: value.value }] };
    }
    if (value.k === 'string') return { parts: [{ kind: 'text', text: value.value }] };
    if (value.k === 'unknown' && value.node && value.ctx && value.node !== node && isPromptShaped(value.node)) {
      return build(ev, value.node as ts.Expression, value.ctx, depth + 1);
    }
    return undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const receiver = node.expression.expression;
    if (method === 'trim' || method === 'trimStart' || method === 'trimEnd') {
      const inner = build(ev, receiver, ctx, depth + 1);
      if (!inner) return undefined;
      const parts = trimParts(inner.parts, method !== 'trimEnd', method !== 'trimStart');
      return inner.literal && method === 'trim' ? { parts, literal: { ...inner.literal, trimmed: true } } : { parts };
    }
    if (method === 'join') return joined(ev, receiver, node.arguments[0], ctx, depth);
  }
  if (ts.isCallExpression(node)) {
    const callee = ev.evaluate(node.expression, ctx);
    if (callee.k === 'function') {
      const body = (callee.node as ts.FunctionLikeDeclaration).body;
      const returned = body && !ts.isBlock(body) ? body : body && singleReturn(body);
      if (returned) return build(ev, returned, callee.ctx, depth + 1);
    }
  }
  return undefined;
}

function isPromptShaped(node: ts.Node): boolean {
  return (
    ts.isTemplateExpression(node) ||
    ts.isTaggedTemplateExpression(node) ||
    ts.isBinaryExpression(node) ||
    ts.isCallExpression(node)
  );
}

function singleReturn(body: ts.Block): ts.Expression | undefined {
  const returns = body.statements.filter(ts.isReturnStatement);
  return returns.length === 1 && body.statements[body.statements.length - 1] === returns[0] ? returns[0]!.expression : undefined;
}

function joined(ev: Evaluator, receiver: ts.Expression, separator: ts.Expression | undefined, ctx: ModuleContext, depth: number): Built | undefined {
  let sep = ',';
  if (separator) {
    const value = ev.evaluate(separator, ctx);
    if (value.k !== 'string') return undefined;
    sep = value.value;
  }
  const array = ev.evaluate(receiver, ctx);
  const elements = ev.elements(array);
  if (!elements) return undefined;
  const parts: PromptPart[] = [];
  elements.forEach((element, i) => {
    if (i > 0) parts.push({ kind: 'text', text: sep });
    if (element.spread) parts.push(...dynamic(ev, element.node as ts.Expression, element.ctx));
    else parts.push(...(build(ev, element.node, element.ctx, depth + 1)?.parts ?? dynamic(ev, element.node, element.ctx)));
  });
  return { parts };
}

function inlineOrDynamic(ev: Evaluator, expression: ts.Expression, ctx: ModuleContext, depth: number): PromptPart[] {
  const value = ev.evaluate(expression, ctx);
  if (value.k === 'string' || value.k === 'number' || value.k === 'boolean') return [{ kind: 'text', text: String(value.value) }];
  const nested = ts.isIdentifier(unwrap(expression)) || ts.isCallExpression(unwrap(expression)) ? build(ev, expression, ctx, depth + 1) : undefined;
  if (nested && nested.parts.every((part) => part.kind === 'text')) return nested.parts;
  return dynamic(ev, expression, ctx);
}

function dynamic(ev: Evaluator, expression: ts.Expression, ctx: ModuleContext): PromptPart[] {
  const node = unwrap(expression);
  const source = node.getText(ctx.sourceFile);
  const { rate, label } = changeRate(ev, node, ctx);
  return [{ kind: 'dynamic', file: ctx.file, range: [node.getStart(ctx.sourceFile), node.end], source, rate, label }];
}

const USER_WORDS = /user|customer|profile|account|member|email|tenant|persona|firstname|lastname|fullname|displayname|username|owner|employee|patient|student|client(?!s?$)/i;
const DATE_ONLY = /^(toDateString|toLocaleDateString|getFullYear|getMonth|getDate|getDay|getUTCFullYear|getUTCMonth|getUTCDate)$/;
const RANDOM_CALLS = /^(randomUUID|uuid|uuidv4|v4|v7|nanoid|ulid|cuid|createId|generateId|random)$/;

/** How often a dynamic part changes, from its shape and where its root binding lives. */
export function changeRate(ev: Evaluator, node: ts.Expression, ctx: ModuleContext): { rate: ChangeRate; label: string } {
  const text = node.getText(ctx.sourceFile);
  const time = timeRate(node, ctx);
  if (time) return time;
  let root: ts.Expression = node;
  const names: string[] = [];
  for (;;) {
    root = unwrap(root);
    if (ts.isPropertyAccessExpression(root)) {
      names.unshift(root.name.text);
      root = root.expression;
    } else if (ts.isElementAccessExpression(root) || ts.isCallExpression(root) || ts.isNonNullExpression(root)) {
      if (ts.isCallExpression(root) && ts.isIdentifier(root.expression)) names.unshift(root.expression.text);
      root = root.expression;
    } else {
      break;
    }
  }
  if (ts.isPropertyAccessExpression(node) && /^process\.env\./.test(text)) return { rate: 'deploy', label: 'environment variable' };
  if (!ts.isIdentifier(root)) {
    if (root.kind === ts.SyntaxKind.ThisKeyword) return { rate: 'unknown', label: text };
    return { rate: 'unknown', label: text };
  }
  names.unshift(root.text);
  const userish = names.some((name) => USER_WORDS.test(name));
  const binding = lookupBinding(ctx.index, root.text, root.pos);
  if (!binding) return { rate: 'unknown', label: text };
  if (binding.kind === 'import') {
    return { rate: userish ? 'unknown' : 'deploy', label: binding.module.startsWith('.') ? 'imported constant' : 'module import' };
  }
  if (binding.kind === 'parameter') return userish ? { rate: 'user', label: 'user data' } : { rate: 'request', label: 'request data' };
  if (binding.kind === 'variable') {
    const moduleLevel = binding.scope[0] === ctx.sourceFile.pos && binding.scope[1] === ctx.sourceFile.end;
    // A module-level value is computed once per process, whatever it reads (`new Date()` at start-up).
    if (!moduleLevel && binding.init) {
      const inner = timeRate(unwrap(binding.init), ctx);
      if (inner) return inner;
    }
    if (moduleLevel) {
      const value = ev.evaluate(root, ctx);
      if (value.k === 'string' || value.k === 'number' || value.k === 'boolean') return { rate: 'constant', label: 'module constant' };
      return { rate: 'deploy', label: 'module constant' };
    }
    return userish ? { rate: 'user', label: 'user data' } : { rate: 'request', label: 'request data' };
  }
  return { rate: 'unknown', label: text };
}

function timeRate(node: ts.Expression, ctx: ModuleContext): { rate: ChangeRate; label: string } | undefined {
  const text = node.getText(ctx.sourceFile);
  if (!/\bDate\b|\brandom|uuid|nanoid|ulid|performance\.now|hrtime/i.test(text)) return undefined;
  let dateRooted = false;
  let dayOnly = false;
  let random = false;
  const visit = (child: ts.Node): void => {
    if (ts.isNewExpression(child) && ts.isIdentifier(child.expression) && child.expression.text === 'Date' && !(child.arguments?.length)) dateRooted = true;
    if (ts.isCallExpression(child)) {
      const callee = child.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Date' && name === 'now') dateRooted = true;
      if (DATE_ONLY.test(name)) dayOnly = true;
      if (name === 'slice' || name === 'substring' || name === 'split') {
        const arg = child.arguments[1] ?? child.arguments[0];
        if (arg && ((ts.isNumericLiteral(arg) && Number(arg.text) <= 10) || (ts.isStringLiteral(arg) && arg.text === 'T'))) dayOnly = true;
      }
      if (RANDOM_CALLS.test(name) || (name === 'random' && text.includes('Math.random'))) random = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  if (random) return { rate: 'request', label: 'random value' };
  if (dateRooted) return dayOnly ? { rate: 'day', label: 'current date' } : { rate: 'request', label: 'current time' };
  return undefined;
}

function tagName(tag: ts.Expression): string | undefined {
  if (ts.isIdentifier(tag)) return tag.text;
  if (ts.isPropertyAccessExpression(tag) && ts.isIdentifier(tag.expression)) return `${tag.expression.text}.${tag.name.text}`;
  if (ts.isCallExpression(tag)) return tagName(tag.expression);
  return undefined;
}

function quoteOf(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, ctx: ModuleContext): PromptLiteral['quote'] {
  if (ts.isNoSubstitutionTemplateLiteral(node)) return '`';
  return ctx.text[node.getStart(ctx.sourceFile)] === "'" ? "'" : '"';
}

function merge(parts: PromptPart[]): PromptPart[] {
  const out: PromptPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (part.kind === 'text' && part.text === '') continue;
    if (part.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text + part.text };
    else out.push(part);
  }
  return out;
}

function trimParts(parts: PromptPart[], start: boolean, end: boolean): PromptPart[] {
  const out = merge(parts);
  if (start && out[0]?.kind === 'text') out[0] = { kind: 'text', text: out[0].text.trimStart() };
  const last = out[out.length - 1];
  if (end && last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text.trimEnd() };
  return merge(out);
}

/** The common semantics of dedent-style tags: drop the first and last blank lines and the shared indentation. */
export function dedentParts(parts: PromptPart[]): PromptPart[] {
  const merged = merge(parts);
  const lines: string[] = [];
  for (const part of merged) if (part.kind === 'text') lines.push(...part.text.split('\n').slice(1));
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(indent)) indent = 0;
  const strip = (text: string): string =>
    text
      .split('\n')
      .map((line, i) => (i === 0 ? line : line.slice(Math.min(indent, line.length - line.trimStart().length))))
      .join('\n');
  const out = merged.map((part) => (part.kind === 'text' ? { kind: 'text' as const, text: strip(part.text) } : part));
  if (out[0]?.kind === 'text') out[0] = { kind: 'text', text: out[0].text.replace(/^[ \t]*\n/, '') };
  const last = out[out.length - 1];
  if (last?.kind === 'text') out[out.length - 1] = { kind: 'text', text: last.text.replace(/\n[ \t]*$/, '') };
  return merge(out);
}
