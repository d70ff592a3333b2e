import OpenAI from 'openai';
import { TRIAGE_MODEL } from '../config.js';
import { TRIAGE_SYSTEM_PROMPT } from '../prompts/triage.js';
import type { Ticket, TriageResult } from '../types.js';

const openai = new OpenAI();

function renderTicket(ticket: Ticket): string {
  const thread = ticket.messages.map((m) => `[${m.author} ${m.sentAt}]\n${m.body}`).join('\n\n');
  return `Subject: ${ticket.subject}\nChannel: ${ticket.channel}\nCustomer tier: ${ticket.customer.tier}\n\n${thread}`;
}

const FALLBACK: TriageResult = { category: 'other', priority: 'P3', sentiment: 'neutral', needsHuman: true };

export async function classifyTicket(ticket: Ticket): Promise<TriageResult> {
  const completion = await openai.chat.completions.create({
    model: TRIAGE_MODEL,
    messages: [
      { role: 'system', content: TRIAGE_SYSTEM_PROMPT },
      { role: 'user', content: renderTicket(ticket) },
    ],
    response_format: { type: 'json_object' },
    max_completion_tokens: 300,
    temperature: 0,
  });

  const raw = completion.choices[0]?.message.content;
  if (!raw) return FALLBACK;
  try {
    return { ...FALLBACK, ...(JSON.parse(raw) as Partial<TriageResult>) };
  } catch {
    return FALLBACK;
  }
}
