import type { CallSite, ChangeRate, Edit, Finding, PromptPart } from '../src/model.js';
import { defineRule, type RuleContext } from '../src/rule.js';
import { countTokens, encodingForModel } from '../src/tokens/count.js';

export interface Options {
  minStaticTokens: number;
  rates: Array<'request' | 'user' | 'day'>;
}

const RATE_TEXT: Record<ChangeRate, string> = {
  request: 'changes on every request',
  user: 'changes per user',
  day: 'changes daily',
  deploy: 'changes per deploy',
  constant: 'is constant',
  unknown: 'may change',
};

const CONSEQUENCE: Record<'request' | 'user' | 'day', string> = {
  request: 'the provider prompt cache never hits for them',
  user: 'each user pays a fresh cache write for them',
  day: 'they are written to the cache again every day',
};

type DynamicPart = Extract<PromptPart, { kind: 'dynamic' }>;

/** Static text after the first flagged dynamic part, across the cacheable prefix (tools, system). */
function firstFlagged(site: CallSite, rates: ReadonlySet<string>) {
  for (const [index, segment] of site.segments.entries()) {
    if (segment.prompt.state !== 'present') {
      if (segment.slot === 'tools') continue;
      return undefined;
    }
    const parts = segment.prompt.value?.parts ?? [];
    for (const [partIndex, part] of parts.entries()) {
      if (part.kind !== 'dynamic') continue;
      if (!rates.has(part.rate)) continue;
      let after = '';
      for (const later of parts.slice(partIndex + 1)) if (later.kind === 'text') after += later.text;
      // Later system/developer segments are part of the same cached prefix; user turns are not.
      for (const next of site.segments.slice(index + 1)) {
        if (next.slot !== 'system' || next.prompt.state !== 'present') break;
        for (const later of next.prompt.value?.parts ?? []) if (later.kind === 'text') after += later.text;
      }
      return { part, segment, after, parts, partIndex };
    }
    // A user turn that starts the conversation ends the shared prefix.
    if (segment.slot === 'message' && segment.role !== 'system') return undefined;
  }
  return undefined;
}

/** Moving the line that holds the part to the end of its template, when both sit in one literal here. */
function moveToEnd(site: CallSite, context: RuleContext<Options>, part: DynamicPart, parts: PromptPart[], partIndex: number): Edit[] | undefined {
  const segment = site.segments.find((s) => s.prompt.state === 'present' && s.prompt.value?.parts === parts);
  const literal = segment?.prompt.state === 'present' ? segment.prompt.value?.literal : undefined;
  if (!literal || literal.file !== context.file || literal.quote !== '`' || literal.tag) return undefined;
  if (part.file !== context.file) return undefined;
  const text = context.text;
  const source = text.slice(literal.range[0] + 1, literal.range[1] - 1);
  const offset = literal.range[0] + 1;
  const at = source.lastIndexOf('${', part.range[0] - offset);
  if (at === -1) return undefined;
  const lineStart = source.lastIndexOf('\n', at) + 1;
  const lineEnd = source.indexOf('\n', at);
  if (lineEnd === -1) return undefined;
  const line = source.slice(lineStart, lineEnd);
  // Only a line with this one interpolation, followed by more text, moves safely.
  if ((line.match(/\$\{/g) ?? []).length !== 1 || source.slice(lineEnd + 1).trim() === '') return undefined;
  if (parts.slice(0, partIndex).some((p) => p.kind === 'dynamic')) return undefined;
  const rest = source.slice(lineEnd + 1);
  const trailing = /\s*$/.exec(rest)![0];
  const body = rest.slice(0, rest.length - trailing.length);
  const moved = `${source.slice(0, lineStart)}${body}\n\n${line.trim()}${trailing}`;
  return [{ range: [offset, literal.range[1] - 1], text: moved }];
}

export default defineRule<Options>({
  id: 'no-dynamic-prompt-prefix',
  meta: {
    type: 'suggestion',
    description: 'Disallow per-request or per-user values ahead of static prompt text, where they break provider prompt caching.',
    recommended: true,
    defaultSeverity: 'warn',
    fix: 'suggestion',
    messages: {
      dynamicPrefix: '{{label}} `{{source}}` {{rateText}} and comes before {{tokens}} static tokens of the {{slot}}: {{consequence}}. Move it after the static text or into the user turn.',
      moveToEnd: 'Move the line with `{{source}}` to the end of the prompt.',
    },
    options: {
      type: 'object',
      properties: {
        minStaticTokens: { type: 'integer', minimum: 0, description: 'Report only when at least this many static tokens follow the dynamic part.' },
        rates: {
          type: 'array',
          items: { type: 'string', enum: ['request', 'user', 'day'] },
          description: 'How often a value must change to be reported.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { minStaticTokens: 256, rates: ['request', 'user'] },
    allOptions: { minStaticTokens: 64, rates: ['request', 'user', 'day'] },
  },

  *check(site: CallSite, context: RuleContext<Options>): Iterable<Finding> {
    const found = firstFlagged(site, new Set(context.options.rates));
    if (!found) return;
    const { part, segment, after, parts, partIndex } = found;
    if (after.trim() === '') return;
    const modelId = site.model.state === 'present' ? site.model.value : context.settings.defaultModel;
    const { encoding, approximate } = encodingForModel(modelId);
    const tokens = countTokens(after, encoding);
    if (tokens < context.options.minStaticTokens) return;
    const edits = moveToEnd(site, context, part, parts, partIndex);
    const rate = part.rate as 'request' | 'user' | 'day';
    yield {
      messageId: 'dynamicPrefix',
      data: {
        label: part.label.charAt(0).toUpperCase() + part.label.slice(1),
        source: part.source.length > 40 ? `${part.source.slice(0, 37)}...` : part.source,
        rateText: RATE_TEXT[part.rate],
        tokens,
        slot: segment.slot === 'system' ? 'system prompt' : segment.slot === 'tools' ? 'tool definitions' : 'first message',
        consequence: CONSEQUENCE[rate],
      },
      range: part.file === context.file ? part.range : site.calleeRange,
      suggestions: edits ? [{ messageId: 'moveToEnd', data: { source: part.source }, edits }] : [],
      extra: { dynamicKind: part.rate, staticTokensAfter: tokens, encoding, approximate },
    };
  },
});
