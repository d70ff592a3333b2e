import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import OpenAI from 'openai';
import { REPORT_REGION, REPORT_TIMEZONE } from '../config.js';
import type { Ticket, TriageResult } from '../types.js';

const bedrock = new BedrockRuntimeClient({ region: REPORT_REGION });
const openai = new OpenAI();

const REPORT_SYSTEM = `You write the nightly support report for the operations manager.
Sections, in this order: volume, top three contact reasons, tickets at risk of breaching the SLA, notable customer feedback.
Use plain sentences, no more than 250 words in total, and finish the report with </report>.`;

const HEADLINE_SYSTEM = 'Write a one-line headline for a daily support report. No quotes, no emoji.';

interface DayStats {
  date: string;
  tickets: Array<Ticket & { triage: TriageResult }>;
  medianFirstResponseMinutes: number;
}

function statsToText(stats: DayStats): string {
  const byCategory = new Map<string, number>();
  for (const t of stats.tickets) byCategory.set(t.triage.category, (byCategory.get(t.triage.category) ?? 0) + 1);
  const lines = [...byCategory].map(([category, count]) => `${category}: ${count}`);
  return `Date: ${stats.date} (${REPORT_TIMEZONE})\nTickets: ${stats.tickets.length}\nMedian first response: ${stats.medianFirstResponseMinutes} min\n${lines.join('\n')}`;
}

export async function buildNightlyReport(stats: DayStats): Promise<{ headline: string; body: string }> {
  const response = await bedrock.send(
    new ConverseCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
      system: [{ text: REPORT_SYSTEM }],
      messages: [{ role: 'user', content: [{ text: statsToText(stats) }] }],
      inferenceConfig: { maxTokens: 1500, stopSequences: ['</report>'], temperature: 0.3 },
    }),
  );
  const body = response.output?.message?.content?.[0]?.text ?? '';

  const headline = await openai.chat.completions.create({
    model: 'gpt-3.5-turbo',
    messages: [
      { role: 'system', content: HEADLINE_SYSTEM },
      { role: 'user', content: body },
    ],
    max_tokens: 40,
    stop: ['\n'],
  });
  return { headline: headline.choices[0]?.message.content?.trim() ?? 'Daily support report', body };
}
