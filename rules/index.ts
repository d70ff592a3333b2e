import type { Rule } from '../src/rule.js';
import noDynamicPromptPrefix from './no-dynamic-prompt-prefix.js';
import noVerboseSystemPrompt from './no-verbose-system-prompt.js';
import requireMaxTokens from './require-max-tokens.js';
import requireStopSequences from './require-stop-sequences.js';

/** Every rule, sorted by id. */
export const rules: readonly Rule<any>[] = [noDynamicPromptPrefix, noVerboseSystemPrompt, requireMaxTokens, requireStopSequences];
