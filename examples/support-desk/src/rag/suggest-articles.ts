import { ChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { Article } from '../types.js';

const model = new ChatOpenAI({
  model: 'gpt-4o-mini',
  maxTokens: 200,
  stop: ['</articles>'],
  temperature: 0,
});

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    'Pick the help-center articles an agent should link in a reply. List the article ids inside <articles></articles>, one per line, best match first.',
  ],
  ['human', 'Ticket:\n{ticket}\n\nCandidate articles:\n{candidates}'],
]);

const chain = prompt.pipe(model);

export async function suggestArticles(ticketText: string, candidates: Article[]): Promise<string[]> {
  const result = await chain.invoke({
    ticket: ticketText,
    candidates: candidates.map((a) => `${a.id}: ${a.title}`).join('\n'),
  });
  return String(result.content)
    .replace('<articles>', '')
    .split('\n')
    .map((line) => line.trim())
    .filter((id) => candidates.some((a) => a.id === id));
}
