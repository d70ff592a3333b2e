import type ts from '#typescript';
import type { ApiFamily, ProviderId } from '../model.js';
import type { ModuleContext, Step, Value } from './values.js';

export type Chain = Extract<Value, { k: 'chain' }>;

/**
 * A chain as text: the root export, then `:new`, `()` and `.name` per step. Namespace roots
 * (`import * as x`, `require('x')`) take their first property as the export name.
 */
export function chainRoot(chain: Chain): { exportName: string; steps: readonly Step[] } {
  if (chain.name === '*' && chain.steps[0]?.kind === 'prop') {
    return { exportName: chain.steps[0].name, steps: chain.steps.slice(1) };
  }
  return { exportName: chain.name === '*' ? 'default' : chain.name, steps: chain.steps };
}

export function signature(steps: readonly Step[]): string {
  let out = '';
  for (const step of steps) out += step.kind === 'prop' ? `.${step.name}` : step.kind === 'new' ? ':new' : '()';
  return out;
}

/** One request layer: an object whose keys are request parameters, in its own module. */
export interface Layer {
  expression: ts.Expression;
  ctx: ModuleContext;
  /** Layers that hold client or model configuration rather than a request (LangChain fields). */
  role: 'request' | 'settings' | 'call-options';
  /** What the layer holds when it is not `expression` itself: the objects a settings function returns. */
  value?: Value;
}

export interface SdkMatch {
  provider: ProviderId;
  family: ApiFamily;
  api: string;
  sdk?: string;
  modelVendor?: string;
  baseURL?: string;
  layers: Layer[];
  /** A model id known from the chain itself (AI SDK provider call, LangChain positional id). */
  modelFromChain?: { state: 'present' | 'unknown'; value?: string };
  /** Set when the chain itself makes the output structured (`withStructuredOutput`, `generateObject`). */
  structured?: boolean;
  /** Cap parameters that count only when provably sent (AI SDK `providerOptions.openai.maxCompletionTokens`). */
  optionalCap?: string[][];
  /** The API has no stop parameter (OpenAI Responses, also behind the AI SDK). */
  noStop?: boolean;
  /** The request body cannot be seen (raw HTTP with an opaque init): every parameter is unknown. */
  opaque?: boolean;
  /** Input of a LangChain runnable call (`invoke(input)`), for system prompt discovery. */
  langchainInput?: Layer;
  /** LangChain prompt templates found in the chain, in order. */
  templates?: Layer[];
  /** Something we cannot follow turns the runnable's input into the model's (an unknown prompt): no prompt is known. */
  promptUnseen?: boolean;
}

export function argLayer(step: Step | undefined, index: number, role: Layer['role'] = 'request'): Layer[] {
  if (!step || step.kind === 'prop') return [];
  const expression = step.args[index];
  return expression ? [{ expression, ctx: step.ctx, role }] : [];
}
