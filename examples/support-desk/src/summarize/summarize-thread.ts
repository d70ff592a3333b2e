import { anthropic } from '@ai-sdk/anthropic';
import { generateText } from 'ai';
import type { Ticket } from '../types.js';

const SUMMARY_SYSTEM = `Summarize a customer-support thread for the agent who picks it up next.
Cover: what the customer wants, what has been tried, and what is still open.
Write at most five short bullet points inside <summary></summary> tags.`;

export async function summarizeThread(ticket: Ticket): Promise<string> {
  const thread = ticket.messages.map((m) => `${m.author}: ${m.body}`).join('\n');
  const { text } = await generateText({
    model: anthropic('claude-3-5-haiku-latest'),
    system: SUMMARY_SYSTEM,
    prompt: `<thread>\n${thread}\n</thread>`,
    maxOutputTokens: 400,
    stopSequences: ['</summary>'],
  });
  return text.replace('<summary>', '').trim();
}
