import { compressText } from '../src/compress/index.js';
import { ATOM_PATTERN, promptToAtomText } from '../src/compress/atoms.js';
import { emitLiteral } from '../src/compress/emit.js';
import type { CallSite, Edit, Finding, Prompt } from '../src/model.js';
import { defineRule, type RuleContext } from '../src/rule.js';
import { countTokens, encodingForModel } from '../src/tokens/count.js';
import { dollarDelta, priceFor } from '../src/tokens/pricing.js';

export interface Options {
  minSavedTokens: number;
  minSavedPercent: number;
}

const staticText = (text: string) => text.replace(ATOM_PATTERN, '');

function formatDollars(amount: number): string {
  if (amount >= 100) return `$${amount.toFixed(0)}`;
  if (amount >= 1) return `$${amount.toFixed(2)}`;
  return `$${amount.toPrecision(2)}`;
}

/** The rewrite as an edit of the literal that holds the prompt, when that literal is in this file. */
function rewriteEdit(prompt: Prompt, text: string, atoms: string[], context: RuleContext<Options>): Edit | undefined {
  const literal = prompt.literal;
  if (!literal || literal.file !== context.file) return undefined;
  const source = emitLiteral(text, atoms, {
    quote: literal.quote,
    ...(literal.tag ? { tag: literal.tag } : {}),
    ...(literal.trimmed ? { trimmed: true } : {}),
  });
  if (source === undefined) return undefined;
  // Template literals read CRLF as LF, so a CRLF file keeps its line endings at no cost to the value.
  const emitted = literal.quote === '`' && context.text.includes('\r\n') ? source.replace(/\r?\n/g, '\r\n') : source;
  const original = context.text.slice(literal.range[0], literal.range[1]);
  // Keep the tag (`dedent`) as written: the emitter returns only the template itself.
  const tagPrefix = literal.tag && !source.startsWith(literal.tag) ? original.slice(0, original.indexOf('`')) : '';
  return { range: literal.range, text: tagPrefix + emitted };
}

export default defineRule<Options>({
  id: 'no-verbose-system-prompt',
  meta: {
    type: 'suggestion',
    description: 'Disallow system prompts whose meaning-preserving compressed rewrite saves a meaningful number of tokens.',
    recommended: true,
    defaultSeverity: 'warn',
    fix: 'both',
    messages: {
      verbose: 'System prompt can be compressed from {{before}} to {{after}} tokens ({{saved}} fewer, {{percent}}%){{cost}}.',
      applySafe: 'Apply the safe rewrite ({{saved}} tokens fewer).',
      applyReview: 'Apply the full rewrite, including emphasis and duplicate removal ({{saved}} tokens fewer); review it first.',
    },
    options: {
      type: 'object',
      properties: {
        minSavedTokens: { type: 'integer', minimum: 1, description: 'Report only when the safe rewrite saves at least this many tokens.' },
        minSavedPercent: { type: 'number', minimum: 0, maximum: 100, description: 'Report only when the safe rewrite saves at least this share of the prompt.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { minSavedTokens: 8, minSavedPercent: 1 },
    allOptions: { minSavedTokens: 4, minSavedPercent: 1 },
  },

  *check(site: CallSite, context: RuleContext<Options>): Iterable<Finding> {
    if (site.system.state !== 'present' || !site.system.value) return;
    const prompt = site.system.value;
    const { text, atoms } = promptToAtomText(prompt.parts);
    if (staticText(text).trim() === '') return;
    const modelId = site.model.state === 'present' ? site.model.value : undefined;
    const model = modelId ?? context.settings.defaultModel;
    const { encoding, approximate } = encodingForModel(model);
    const safe = compressText(text, { tier: 'safe', encoding });
    if (safe.text === text) return;
    const before = countTokens(staticText(text), encoding);
    const after = countTokens(staticText(safe.text), encoding);
    const saved = before - after;
    if (saved < context.options.minSavedTokens || (saved / before) * 100 < context.options.minSavedPercent) return;

    const price = priceFor(model, context.settings.pricing);
    const perMonth = context.settings.callsPerDay !== undefined;
    const calls = perMonth ? context.settings.callsPerDay! * 30 : 1000;
    const costDelta = price ? dollarDelta(saved, price, calls) : undefined;
    const cost = costDelta === undefined
      ? model ? ` (no price known for ${model})` : ''
      : `, about ${formatDollars(costDelta)} of input ${perMonth ? 'per month' : 'per 1,000 calls'}`;

    const safeEdit = rewriteEdit(prompt, safe.text, atoms, context);
    const review = compressText(text, { tier: 'all', encoding });
    const reviewEdit = review.text !== safe.text ? rewriteEdit(prompt, review.text, atoms, context) : undefined;
    const reviewSaved = before - countTokens(staticText(review.text), encoding);
    const anchor = prompt.literal && prompt.literal.file === context.file ? prompt.literal.range : site.calleeRange;
    yield {
      messageId: 'verbose',
      data: { before, after, saved, percent: Math.round((saved / before) * 100), cost },
      range: anchor,
      ...(safeEdit ? { fix: [safeEdit] } : {}),
      suggestions: [
        ...(safeEdit ? [{ messageId: 'applySafe', data: { saved }, edits: [safeEdit] }] : []),
        ...(reviewEdit && reviewSaved > saved ? [{ messageId: 'applyReview', data: { saved: reviewSaved }, edits: [reviewEdit] }] : []),
      ],
      extra: {
        tokensBefore: before,
        tokensAfter: after,
        encoding,
        approximate,
        costDelta: costDelta ?? null,
        costPeriod: perMonth ? 'month' : '1000 calls',
        changes: safe.changes.map((change) => ({ rule: change.rule, tier: change.tier })),
      },
    };
  },
});
