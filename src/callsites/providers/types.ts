import type ts from '#typescript';
import type { Chain, SdkMatch } from '../chain.js';
import type { Evaluator, ModuleContext } from '../values.js';

export interface CallInfo {
  chain: Chain;
  exportName: string;
  /** Signature of the callee after its root, e.g. `:new.chat.completions.create`. */
  signature: string;
  call: ts.CallExpression;
  ctx: ModuleContext;
  ev: Evaluator;
}

/** One SDK family's matcher: the only place its spellings live. */
export interface ProviderAdapter {
  id: string;
  /** Module specifiers this adapter can match; a cheap pre-check before `match`. */
  modules: RegExp;
  /**
   * Named exports a call site may call directly (`generateText(…)`, `ofetch(…)`). A project module
   * re-exporting one keeps its name, so other identifiers imported from project files are not followed.
   */
  directCalls?: readonly string[];
  match(info: CallInfo): SdkMatch | undefined;
}

/** The final call's argument at `index` as a request layer. */
export function callArg(info: CallInfo, index = 0, role: 'request' | 'settings' | 'call-options' = 'request') {
  const expression = info.call.arguments[index];
  return expression ? [{ expression, ctx: info.ctx, role }] : [];
}
