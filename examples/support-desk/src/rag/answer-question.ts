import Anthropic from '@anthropic-ai/sdk';
import type { Article } from '../types.js';
import { searchArticles } from './embed.js';

const anthropic = new Anthropic();

const ANSWER_SYSTEM = `You answer customer questions using only the help-center articles provided in the user message.
If the articles do not contain the answer, say that you do not know and suggest contacting support.
Think through the relevant articles first, then write the final answer for the customer inside <answer></answer> tags.
Mention the URL of every article you used.`;

function renderSources(articles: Article[]): string {
  return articles.map((a, i) => `<source id="${i + 1}" url="${a.url}">\n${a.body}\n</source>`).join('\n');
}

export async function answerQuestion(question: string): Promise<string> {
  const sources = await searchArticles(question);
  const message = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 800,
    system: ANSWER_SYSTEM,
    messages: [{ role: 'user', content: `${renderSources(sources)}\n\nQuestion: ${question}` }],
  });
  const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  const match = /<answer>([\s\S]*?)<\/answer>/.exec(text);
  return (match?.[1] ?? text).trim();
}
