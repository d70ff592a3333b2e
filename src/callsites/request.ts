import ts from '#typescript';
import type { ApiFamily, CallSite, ObjectSpan, ParamInsertion, Prompt, PromptPart, PromptSegment, Resolved, Tristate, UnknownReason } from '../model.js';
import type { Layer, SdkMatch } from './chain.js';
import { chainRoot } from './chain.js';
import { FAMILIES, type FamilyShape } from './families.js';
import { promptFrom } from './prompt.js';
import { propertyNameText } from './scope.js';
import { type Evaluator, type ModuleContext, type Value, unwrap } from './values.js';

// Turns an adapter's match (request layers) into the provider-neutral CallSite the rules read.

type Lookup =
  | { state: 'present'; param: string; value: Value; valueNode: ts.Node; ctx: ModuleContext }
  | { state: 'absent'; param?: string }
  | { state: 'unknown'; why: UnknownReason; param?: string };

const STRUCTURED: Partial<Record<ApiFamily, string[][]>> = {
  'openai-chat': [['response_format'], ['tool_choice']],
  'openai-responses': [['text', 'format'], ['tool_choice']],
  'anthropic-messages': [['output_config', 'format'], ['output_format'], ['tool_choice']],
  'ai-sdk': [['output'], ['experimental_output'], ['toolChoice'], ['schema']],
  gemini: [['config', 'responseMimeType'], ['config', 'responseSchema'], ['config', 'responseJsonSchema'], ['generationConfig', 'responseMimeType'], ['generationConfig', 'responseSchema']],
  'gemini-legacy': [['generationConfig', 'responseMimeType'], ['generationConfig', 'responseSchema']],
  'bedrock-converse': [['outputConfig'], ['toolConfig', 'toolChoice']],
  mistral: [['responseFormat'], ['response_format'], ['toolChoice'], ['tool_choice']],
  'cohere-v2': [['responseFormat'], ['response_format']],
  groq: [['response_format'], ['tool_choice']],
  'ollama-chat': [['format']],
  'ollama-generate': [['format']],
  langchain: [['response_format'], ['tool_choice']],
};

const MAX_BRANCHES = 8;

export class RequestReader {
  private readonly values: Array<{ layer: Layer; value: Value }>;

  constructor(
    private readonly ev: Evaluator,
    private readonly match: SdkMatch,
  ) {
    this.values = [];
    for (const layer of match.layers) {
      const value = layer.value ?? ev.evaluate(layer.expression, layer.ctx);
      // A prompt passed where options could go (`generateContent('text')`) is not an options layer.
      if (value.k === 'string' || value.k === 'array' || value.k === 'number' || value.k === 'boolean' || (value.k === 'unknown' && value.primitive)) continue;
      this.values.push({ layer, value });
    }
  }

  lookup(paths: readonly (readonly string[])[]): Lookup {
    if (this.match.opaque) return { state: 'unknown', why: 'binding' };
    const values = this.values.map((entry) => entry.value);
    // `...(reasoning ? { max_completion_tokens: n } : { max_tokens: n })` sends a cap either way:
    // when conditionals leave a parameter in doubt, judge each combination of their branches.
    const { result, branches } = this.ev.branchwise(() => this.lookupIn(values, paths), MAX_BRANCHES);
    if (result.state !== 'unknown' || result.why !== 'conditional' || !branches) return result;
    if (branches.every((outcome) => outcome.state === 'absent')) return { state: 'absent' };
    if (!branches.every((outcome) => outcome.state === 'present')) {
      // Name the key a branch sends, not the first name looked up, which may be sent by none.
      const sent = branches.find((outcome) => outcome.state === 'present');
      return sent ? { ...result, param: sent.param } : { state: 'unknown', why: result.why };
    }
    const [first, ...rest] = branches as Array<Extract<Lookup, { state: 'present' }>>;
    const sameNumber = first!.value.k === 'number' && rest.every((outcome) => outcome.value.k === 'number' && outcome.value.value === (first!.value as { value: number }).value);
    return sameNumber ? first! : { ...first!, value: { k: 'unknown', why: 'conditional' } };
  }

  private lookupIn(values: readonly Value[], paths: readonly (readonly string[])[]): Lookup {
    let unknown: Lookup | undefined;
    for (const path of paths) {
      const result = this.lookupPath(values, path);
      if (result.state === 'present') return result;
      if (result.state === 'unknown') unknown ??= result;
    }
    return unknown ?? { state: 'absent' };
  }

  private lookupPath(values: readonly Value[], path: readonly string[]): Lookup {
    const param = path.join('.');
    let present: Lookup | undefined;
    let unknown: Lookup | undefined;
    for (const value of values) {
      let current: Value = value;
      let result: Lookup | undefined;
      for (const [i, key] of path.entries()) {
        const found = this.ev.property(current, key);
        if (found.state === 'absent') {
          result = { state: 'absent', param };
          break;
        }
        if (found.state === 'unknown') {
          result = { state: 'unknown', why: found.why, param };
          break;
        }
        // A value the caller may leave out is sent only sometimes, like a branch that sends null.
        if (i === path.length - 1) {
          result = found.value.k === 'unknown' && found.value.optional
            ? { state: 'unknown', why: 'parameter', param }
            : { state: 'present', param, value: found.value, valueNode: found.valueNode, ctx: found.ctx };
        }
        else current = found.value;
      }
      if (result?.state === 'present') present = result;
      else if (result?.state === 'unknown') unknown = result;
    }
    return present ?? unknown ?? { state: 'absent', param };
  }

  /** The object literal a missing parameter would be added to, with the key path still to create. */
  insertion(path: readonly string[], file: string, roles: Layer['role'][]): ParamInsertion | undefined {
    for (let i = this.values.length - 1; i >= 0; i--) {
      const { layer } = this.values[i]!;
      if (!roles.includes(layer.role) || layer.ctx.file !== file) continue;
      const top = unwrap(layer.expression);
      if (!ts.isObjectLiteralExpression(top)) continue;
      let node: ts.ObjectLiteralExpression = top;
      let remaining = [...path];
      while (remaining.length > 1) {
        const key = remaining[0]!;
        const property = node.properties.find(
          (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === key,
        );
        if (!property) break;
        let inner = unwrap(property.initializer);
        if (ts.isCallExpression(inner) && inner.expression.getText(layer.ctx.sourceFile) === 'JSON.stringify' && inner.arguments[0]) {
          inner = unwrap(inner.arguments[0]);
        }
        if (!ts.isObjectLiteralExpression(inner)) return undefined;
        node = inner;
        remaining = remaining.slice(1);
      }
      if (node.properties.some((p) => ts.isSpreadAssignment(p))) return undefined;
      return { object: objectSpan(node, layer.ctx), path: remaining, layer: layer.role };
    }
    return undefined;
  }
}

export function objectSpan(node: ts.ObjectLiteralExpression, ctx: ModuleContext): ObjectSpan {
  const start = node.getStart(ctx.sourceFile);
  const last = node.properties[node.properties.length - 1];
  const insertAt = last ? last.end : start + 1;
  const between = last ? ctx.text.slice(last.end, node.end - 1) : '';
  const text = ctx.text.slice(start, node.end);
  const first = node.properties[0];
  let indent = '';
  if (first) {
    const firstStart = first.getStart(ctx.sourceFile);
    const lineStart = ctx.text.lastIndexOf('\n', firstStart - 1) + 1;
    const prefix = ctx.text.slice(lineStart, firstStart);
    indent = /^\s*$/.test(prefix) ? prefix : '';
  }
  return {
    range: [start, node.end],
    insertAt,
    hasProperties: node.properties.length > 0,
    trailingComma: between.includes(','),
    multiline: text.includes('\n'),
    indent,
  };
}

export function buildCallSite(match: SdkMatch, call: ts.CallExpression, ctx: ModuleContext, ev: Evaluator): CallSite {
  const family = FAMILIES[match.family];
  const reader = new RequestReader(ev, match);
  const callee = call.expression;
  let capLookup = reader.lookup(family.cap);
  if (capLookup.state !== 'present' && match.optionalCap) {
    const optional = reader.lookup(match.optionalCap);
    if (optional.state === 'present') capLookup = optional;
  }
  const stopLookup = family.stop ? reader.lookup(family.stop) : undefined;
  const insertRoles: Layer['role'][] = match.family === 'langchain' ? ['settings'] : ['request'];
  const stopInsertRoles: Layer['role'][] = match.family === 'langchain' ? ['settings', 'call-options'] : ['request'];
  const site = new LazyCallSite({
    prompts: once(() => systemPrompt(ev, reader, family, match)),
    structured: once(() => (match.structured ? 'yes' : structured(reader, match.family))),
    streaming: once(() => (/stream/i.test(match.api) ? 'yes' : streaming(reader))),
    capInsertion: once(() => reader.insertion(family.capInsert, ctx.file, insertRoles)),
    stopInsertion: once(() => (family.stopInsert && !match.noStop ? reader.insertion(family.stopInsert, ctx.file, stopInsertRoles) : undefined)),
  });
  site.provider = match.provider;
  site.family = match.family;
  site.api = match.api;
  site.range = [call.getStart(ctx.sourceFile), call.end];
  site.calleeRange = [callee.getStart(ctx.sourceFile), callee.end];
  site.model = modelOf(reader, family, match);
  site.outputCap = capLookup.state === 'present'
    ? { state: 'present', param: capLookup.param, value: capLookup.value.k === 'number' ? capLookup.value.value : null, range: rangeOf(capLookup.valueNode, capLookup.ctx) }
    : capLookup.state === 'absent'
      ? { state: 'absent' }
      : doubtful(capLookup);
  site.stop = !stopLookup
    ? { state: 'absent' }
    : stopLookup.state === 'present'
      ? { state: 'present', param: stopLookup.param }
      : stopLookup.state === 'absent'
        ? { state: 'absent' }
        : doubtful(stopLookup);
  site.capParam = family.capInsert.join('.');
  site.stopParam = family.stopInsert && !match.noStop ? family.stopInsert.join('.') : null;
  if (match.sdk) site.sdk = match.sdk;
  if (match.modelVendor) site.modelVendor = match.modelVendor;
  if (match.baseURL) site.baseURL = match.baseURL;
  return site;
}

interface LazyParts {
  prompts: () => Pick<CallSite, 'system' | 'segments'>;
  structured: () => CallSite['structured'];
  streaming: () => CallSite['streaming'];
  capInsertion: () => CallSite['capInsertion'];
  stopInsertion: () => CallSite['stopInsertion'];
}

/**
 * What only some rules read (prompts above all, which cost more than the rest of the call) is
 * worked out when first asked for: the ESLint plugin often runs a single rule. The getters live on
 * the prototype: getters in an object literal give every site its own hidden class, which V8 keeps
 * in old space, and through it each file's tree survived young-generation collections.
 */
class LazyCallSite implements CallSite {
  declare provider: CallSite['provider'];
  declare family: CallSite['family'];
  declare api: string;
  declare sdk?: string;
  declare modelVendor?: string;
  declare baseURL?: string;
  declare range: CallSite['range'];
  declare calleeRange: CallSite['calleeRange'];
  declare model: CallSite['model'];
  declare outputCap: CallSite['outputCap'];
  declare stop: CallSite['stop'];
  declare capParam: string;
  declare stopParam: string | null;

  constructor(private readonly parts: LazyParts) {}

  get structured(): CallSite['structured'] {
    return this.parts.structured();
  }

  get streaming(): CallSite['streaming'] {
    return this.parts.streaming();
  }

  get capInsertion(): CallSite['capInsertion'] {
    return this.parts.capInsertion();
  }

  get stopInsertion(): CallSite['stopInsertion'] {
    return this.parts.stopInsertion();
  }

  get system(): CallSite['system'] {
    return this.parts.prompts().system;
  }

  get segments(): CallSite['segments'] {
    return this.parts.prompts().segments;
  }
}

/** An unknown parameter; one in doubt between branches keeps its name. */
function doubtful(lookup: Extract<Lookup, { state: 'unknown' }>): { state: 'unknown'; why: UnknownReason; param?: string } {
  return { state: 'unknown', why: lookup.why, ...(lookup.why === 'conditional' && lookup.param ? { param: lookup.param } : {}) };
}

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

function rangeOf(node: ts.Node, ctx: ModuleContext): readonly [number, number] {
  return [node.getStart(ctx.sourceFile), node.end];
}

function modelOf(reader: RequestReader, family: FamilyShape, match: SdkMatch): Resolved<string> {
  if (match.modelFromChain) {
    return match.modelFromChain.state === 'present'
      ? { state: 'present', ...(match.modelFromChain.value !== undefined ? { value: match.modelFromChain.value } : {}) }
      : { state: 'unknown', why: 'binding' };
  }
  const found = reader.lookup(family.model);
  if (found.state === 'present') return found.value.k === 'string' ? { state: 'present', value: found.value.value } : { state: 'present' };
  if (found.state === 'absent') return { state: 'absent' };
  return { state: 'unknown', why: found.why };
}

function structured(reader: RequestReader, family: ApiFamily): Tristate {
  let result: Tristate = 'no';
  for (const path of STRUCTURED[family] ?? []) {
    const found = reader.lookup([path]);
    if (found.state === 'unknown') result = 'unknown';
    if (found.state === 'present' && isStructuring(found.value)) return 'yes';
  }
  return result;
}

/** `tool_choice: 'auto'`, `response_format: { type: 'text' }` and `Output.text()` leave the output free. */
function isStructuring(value: Value): boolean {
  if (value.k === 'string') return !/^(auto|none|text|text\/plain)$/.test(value.value);
  if (value.k === 'chain') {
    const { steps } = chainRoot(value);
    return !steps.some((step) => step.kind === 'prop' && step.name === 'text');
  }
  if (value.k === 'object') {
    const type = value.node.properties.find((p) => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'type');
    if (type && ts.isPropertyAssignment(type) && ts.isStringLiteralLike(type.initializer)) return !/^(auto|none|text)$/.test(type.initializer.text);
  }
  return value.k !== 'nullish' && value.k !== 'boolean';
}

function streaming(reader: RequestReader): Tristate {
  const found = reader.lookup([['stream']]);
  if (found.state === 'present') return found.value.k === 'boolean' ? (found.value.value ? 'yes' : 'no') : 'unknown';
  return found.state === 'unknown' ? 'unknown' : 'no';
}

// ---- prompts --------------------------------------------------------------------------

const MAX_SEGMENTS = 8;

function systemPrompt(ev: Evaluator, reader: RequestReader, family: FamilyShape, match: SdkMatch): { system: Resolved<Prompt>; segments: PromptSegment[] } {
  // A LangChain model configured elsewhere hides its settings, not the templates piped into it.
  const promptVisible = match.family === 'langchain' && (match.templates?.length ?? 0) > 0;
  if (match.opaque && !promptVisible) return { system: { state: 'unknown', why: 'binding' }, segments: [] };
  const segments: PromptSegment[] = [];
  const tools = family.tools.length ? reader.lookup(family.tools) : undefined;
  if (tools?.state === 'present') segments.push({ slot: 'tools', role: 'tools', prompt: { state: 'unknown', why: 'computed' } });

  let system: Resolved<Prompt> = { state: 'absent' };
  if (family.system.length) {
    const found = reader.lookup(family.system);
    if (found.state === 'present') {
      system = contentPrompt(ev, found.value, found.valueNode, found.ctx);
      segments.push({ slot: 'system', role: found.param.split('.').pop()!, prompt: system });
    } else if (found.state === 'unknown') {
      system = { state: 'unknown', why: found.why };
    }
  }

  if (family.messageStyle === 'langchain') {
    const fromChain = langchainMessages(ev, match);
    if (system.state === 'absent') system = fromChain.system;
    segments.push(...fromChain.segments);
    return { system, segments: segments.slice(0, MAX_SEGMENTS) };
  }

  if (family.messages.length && family.messageStyle !== 'none') {
    // Where the system prompt can only come from the messages, or may come from them too.
    const messagesMaySetSystem = family.system.length === 0 || family.systemInMessages === true;
    const found = reader.lookup(family.messages);
    if (found.state === 'present') {
      const listed = messageList(ev, found.value, family.messageStyle);
      if (listed === undefined) {
        // A bare prompt (`prompt: \`…\``, `input: '…'`) is the first user turn.
        const prompt = found.value.k === 'array' ? undefined : contentPrompt(ev, found.value, found.valueNode, found.ctx);
        // A string, even one we cannot read, is a user turn: it carries no system prompt.
        const text = found.value.k === 'string' || (found.value.k === 'unknown' && found.value.primitive === true);
        if (prompt?.state === 'present') {
          segments.push({ slot: 'message', role: 'user', prompt });
        } else if (system.state === 'absent' && messagesMaySetSystem && !text) {
          system = { state: 'unknown', why: 'binding' };
        }
      } else {
        let sawUnknownFirst = false;
        for (const message of listed) {
          if (message === 'spread') {
            if (system.state === 'absent' && segments.every((s) => s.slot !== 'message')) sawUnknownFirst = true;
            break;
          }
          segments.push({ slot: message.role === 'system' || message.role === 'developer' ? 'system' : 'message', role: message.role, prompt: message.prompt });
          if ((message.role === 'system' || message.role === 'developer') && system.state === 'absent') system = message.prompt;
        }
        if (sawUnknownFirst && messagesMaySetSystem) system = { state: 'unknown', why: 'spread' };
      }
    } else if (found.state === 'unknown' && system.state === 'absent' && messagesMaySetSystem) {
      system = { state: 'unknown', why: found.why };
    }
  }
  return { system, segments: segments.slice(0, MAX_SEGMENTS) };
}

type Message = { role: string; prompt: Resolved<Prompt> } | 'spread';

function messageList(ev: Evaluator, value: Value, style: FamilyShape['messageStyle']): Message[] | undefined {
  const elements = ev.elements(value);
  if (!elements) return undefined;
  const out: Message[] = [];
  for (const element of elements.slice(0, MAX_SEGMENTS)) {
    if (element.spread) {
      out.push('spread');
      break;
    }
    const message = element.value;
    if (message.k !== 'object') {
      out.push('spread');
      break;
    }
    const role = ev.property(message, 'role');
    const roleName = role.state === 'present' && role.value.k === 'string' ? role.value.value : undefined;
    if (!roleName) {
      out.push('spread');
      break;
    }
    const contentKey = style === 'gemini' ? 'parts' : 'content';
    const content = ev.property(message, contentKey);
    const prompt: Resolved<Prompt> = content.state === 'present' ? contentPrompt(ev, content.value, content.valueNode, content.ctx) : { state: 'unknown', why: 'binding' };
    out.push({ role: roleName === 'model' ? 'assistant' : roleName, prompt });
  }
  return out;
}

/** A prompt given as a string, an array of text blocks (`[{ type: 'text', text }]`), `{ parts }` or `{ text }`. */
export function contentPrompt(ev: Evaluator, value: Value, node: ts.Node, ctx: ModuleContext, depth = 0): Resolved<Prompt> {
  if (depth > 4) return { state: 'unknown', why: 'binding' };
  const expression = node as ts.Expression;
  const direct = promptFrom(ev, expression, ctx);
  if (direct) return { state: 'present', value: direct };
  if (value.k === 'nullish') return { state: 'absent' };
  const elements = ev.elements(value);
  if (elements) {
    const parts: PromptPart[] = [];
    for (const element of elements) {
      if (element.spread) return { state: 'unknown', why: 'spread' };
      const inner = contentPrompt(ev, element.value, element.node, element.ctx, depth + 1);
      if (inner.state === 'absent') continue;
      if (inner.state !== 'present' || !inner.value) return { state: 'unknown', why: 'binding' };
      if (parts.length) parts.push({ kind: 'text', text: '\n' });
      parts.push(...inner.value.parts);
    }
    return { state: 'present', value: { parts, range: [node.getStart(ctx.sourceFile), node.end] } };
  }
  if (value.k === 'object') {
    for (const key of ['text', 'parts', 'content']) {
      const found = ev.property(value, key);
      if (found.state === 'present') return contentPrompt(ev, found.value, found.valueNode, found.ctx, depth + 1);
    }
    // Non-text blocks (cachePoint, image) carry no prompt text.
    return { state: 'absent' };
  }
  return { state: 'unknown', why: value.k === 'unknown' ? value.why : 'binding' };
}

function langchainMessages(ev: Evaluator, match: SdkMatch): { system: Resolved<Prompt>; segments: PromptSegment[] } {
  const segments: PromptSegment[] = [];
  if (match.promptUnseen) return { system: { state: 'unknown', why: 'binding' }, segments };
  let system: Resolved<Prompt> = { state: 'absent' };
  let sawTemplate = false;
  for (const template of match.templates ?? []) {
    sawTemplate = true;
    const listed = langchainList(ev, ev.evaluate(template.expression, template.ctx), true);
    if (!listed) return { system: { state: 'unknown', why: 'binding' }, segments };
    for (const message of listed) {
      if (message === 'spread') break;
      segments.push({ slot: message.role === 'system' ? 'system' : 'message', role: message.role, prompt: message.prompt });
      if (message.role === 'system' && system.state === 'absent') system = message.prompt;
    }
  }
  if (sawTemplate) return { system, segments };
  const input = match.langchainInput;
  if (!input) return { system, segments };
  const value = ev.evaluate(input.expression, input.ctx);
  if (value.k === 'string' || (value.k === 'unknown' && value.primitive)) {
    return { system, segments: [{ slot: 'message', role: 'user', prompt: contentPrompt(ev, value, input.expression, input.ctx) }] };
  }
  const listed = langchainList(ev, value, false);
  if (!listed) return { system: { state: 'unknown', why: value.k === 'unknown' ? value.why : 'binding' }, segments };
  for (const message of listed) {
    if (message === 'spread') {
      if (system.state === 'absent' && segments.length === 0) system = { state: 'unknown', why: 'spread' };
      break;
    }
    segments.push({ slot: message.role === 'system' ? 'system' : 'message', role: message.role, prompt: message.prompt });
    if (message.role === 'system' && system.state === 'absent') system = message.prompt;
  }
  return { system, segments };
}

const LC_ROLES: Record<string, string> = { system: 'system', human: 'user', user: 'user', ai: 'assistant', assistant: 'assistant', placeholder: 'placeholder' };
const LC_CLASSES: Record<string, string> = {
  SystemMessage: 'system',
  HumanMessage: 'user',
  AIMessage: 'assistant',
  SystemMessagePromptTemplate: 'system',
  HumanMessagePromptTemplate: 'user',
};

function langchainList(ev: Evaluator, value: Value, template: boolean): Message[] | undefined {
  const elements = ev.elements(value);
  if (!elements) return undefined;
  const out: Message[] = [];
  for (const element of elements.slice(0, MAX_SEGMENTS)) {
    if (element.spread) {
      out.push('spread');
      break;
    }
    const message = element.value;
    let role: string | undefined;
    let content: { value: Value; node: ts.Node; ctx: ModuleContext } | undefined;
    if (message.k === 'array') {
      const pair = ev.elements(message);
      const head = pair?.[0];
      const body = pair?.[1];
      if (head && !head.spread && head.value.k === 'string' && body && !body.spread) {
        role = LC_ROLES[head.value.value];
        content = { value: body.value, node: body.node, ctx: body.ctx };
      }
    } else if (message.k === 'chain') {
      const { exportName, steps } = chainRoot(message);
      role = LC_CLASSES[exportName];
      const ctor = steps.find((step) => step.kind === 'new' || step.kind === 'call');
      const arg = ctor?.args[0];
      if (role && arg && ctor) {
        const argValue = ev.evaluate(arg, ctor.ctx);
        if (argValue.k === 'object') {
          const inner = ev.property(argValue, 'content');
          if (inner.state === 'present') content = { value: inner.value, node: inner.valueNode, ctx: inner.ctx };
        } else {
          content = { value: argValue, node: arg, ctx: ctor.ctx };
        }
      }
    } else if (message.k === 'object') {
      const roleProp = ev.property(message, 'role');
      if (roleProp.state === 'present' && roleProp.value.k === 'string') role = LC_ROLES[roleProp.value.value] ?? roleProp.value.value;
      const inner = ev.property(message, 'content');
      if (inner.state === 'present') content = { value: inner.value, node: inner.valueNode, ctx: inner.ctx };
    }
    if (!role || role === 'placeholder') {
      out.push('spread');
      break;
    }
    let prompt: Resolved<Prompt> = content ? contentPrompt(ev, content.value, content.node, content.ctx) : { state: 'unknown', why: 'binding' };
    if (template && prompt.state === 'present' && prompt.value) prompt = { state: 'present', value: templateVariables(prompt.value, content!.ctx.file) };
    out.push({ role, prompt });
  }
  return out;
}

/** LangChain template variables (`{question}`) are filled at run time: dynamic parts of unknown rate. */
function templateVariables(prompt: Prompt, file: string): Prompt {
  const parts: PromptPart[] = [];
  for (const part of prompt.parts) {
    if (part.kind !== 'text') {
      parts.push(part);
      continue;
    }
    let last = 0;
    for (const match of part.text.matchAll(/(?<!\{)\{(\w+)\}(?!\})/g)) {
      parts.push({ kind: 'text', text: part.text.slice(last, match.index) });
      parts.push({ kind: 'dynamic', file, range: prompt.range, source: match[0], rate: 'unknown', label: `template variable ${match[0]}` });
      last = match.index! + match[0].length;
    }
    parts.push({ kind: 'text', text: part.text.slice(last) });
  }
  const out: Prompt = { parts: parts.filter((p) => p.kind !== 'text' || p.text !== ''), range: prompt.range };
  return out;
}
