import { insertProperty, stringArrayLiteral } from '../src/fix/edits.js';
import type { CallSite, Finding, Prompt } from '../src/model.js';
import { defineRule, type RuleContext } from '../src/rule.js';

export interface Options {
  onlyWithEvidence: boolean;
}

// OpenAI documents `stop` as unsupported on o3 and o4-mini; reports say the same of other reasoning
// models, so every o-series and GPT-5 id is left alone (providers.md §3).
const REJECTS_STOP = /(^|\/)(o\d(?:-[\w.-]+)?|gpt-5[\w.-]*)$/i;

export interface StopEvidence {
  stop: string;
  reason: string;
}

/** Where the prompt itself says the answer ends: a closing tag, a named end marker, or transcript turns. */
export function stopEvidence(text: string): StopEvidence | undefined {
  const wrap = /\b(?:wrap|enclose|inside|within|between|in)\b[^.\n]{0,40}?<([a-zA-Z][\w-]*)>/i.exec(text);
  const pair = /<([a-zA-Z][\w-]*)>[^<]{0,200}<\/\1>/.exec(text);
  const tag = wrap?.[1] ?? pair?.[1];
  if (tag && /answer|response|reply|output|result|final|summary|json|code|sql|query/i.test(tag)) {
    return { stop: `</${tag}>`, reason: `the prompt asks for the answer inside <${tag}> tags` };
  }
  const marker = /\b(?:end|finish|terminate|conclude)\s+(?:your|the|each)?\s*(?:answer|response|reply|output|message)?\s*with\s+(?:the\s+(?:word|line|token|marker)\s+)?["'`]([^"'`\n]{1,20})["'`]/i.exec(text)
    ?? /\b(?:end|finish)\s+(?:your|the|each)?\s*(?:answer|response|reply|output|message)?\s*with\s+(\[[A-Z_ ]{2,16}\]|#{3,}|-{3,}|={3,}|END\b|DONE\b)/i.exec(text);
  if (marker?.[1]) return { stop: marker[1], reason: `the prompt asks to end the answer with "${marker[1]}"` };
  const turns = /^(User|Human|Customer|Q|Question):[ \t]/m.exec(text);
  const replies = /^(Assistant|AI|Agent|Bot|A|Answer|Support):[ \t]?/m.exec(text);
  if (turns && replies) return { stop: `\n${turns[1]}:`, reason: `the prompt is a transcript; the model would go on to write the next "${turns[1]}:" turn` };
  return undefined;
}

function promptTextOf(prompt: Prompt): string {
  return prompt.parts.map((part) => (part.kind === 'text' ? part.text : ' ')).join('');
}

export default defineRule<Options>({
  id: 'require-stop-sequences',
  meta: {
    type: 'suggestion',
    description: 'Require stop sequences on free-text LLM calls whose prompt shows where the answer ends.',
    recommended: true,
    defaultSeverity: 'warn',
    fix: 'suggestion',
    messages: {
      withEvidence: '{{api}} call sends no stop sequences although {{reason}}; without {{param}} the model keeps generating (and billing) past it.',
      missing: '{{api}} call sends no stop sequences ({{param}}); free-text output runs until the model stops on its own.',
      addStop: 'Add {{param}}: {{value}}.',
    },
    options: {
      type: 'object',
      properties: {
        onlyWithEvidence: {
          type: 'boolean',
          description: 'Report only when the prompt shows where the answer ends (a closing tag, an end marker, transcript turns).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { onlyWithEvidence: true },
    allOptions: { onlyWithEvidence: false },
  },

  *check(site: CallSite, context: RuleContext<Options>): Iterable<Finding> {
    if (site.stop.state !== 'absent' || site.stopParam === null || site.structured !== 'no') return;
    const modelId = site.model.state === 'present' ? site.model.value : undefined;
    if (modelId && REJECTS_STOP.test(modelId)) return;
    // An OpenAI model we cannot name may be a reasoning model, which rejects `stop` with a 400.
    if (!modelId && site.family.startsWith('openai')) return;
    const text = site.segments
      .filter((segment) => segment.prompt.state === 'present' && segment.prompt.value)
      .map((segment) => promptTextOf((segment.prompt as { value: Prompt }).value))
      .join('\n');
    const evidence = stopEvidence(text);
    if (!evidence && context.options.onlyWithEvidence) return;
    // LangChain's ChatAnthropic and ChatGoogleGenerativeAI name the constructor field stopSequences.
    const fieldNamedStopSequences = site.family === 'langchain' && site.stopInsertion?.layer === 'settings' && (site.modelVendor === 'anthropic' || site.modelVendor === 'google');
    const param = fieldNamedStopSequences ? 'stopSequences' : site.stopParam;
    const insertion = site.stopInsertion && { ...site.stopInsertion, path: [...site.stopInsertion.path.slice(0, -1), param.split('.').pop()!] };
    const value = stringArrayLiteral([evidence?.stop ?? '\n\n\n']);
    const suggestions = evidence && insertion ? [{ messageId: 'addStop', data: { param, value }, edits: [insertProperty(insertion, value)] }] : [];
    yield {
      messageId: evidence ? 'withEvidence' : 'missing',
      data: { api: site.api, param, ...(evidence ? { reason: evidence.reason } : {}) },
      range: site.calleeRange,
      suggestions,
      ...(evidence ? { extra: { stopSequence: evidence.stop } } : {}),
    };
  },
});
