import OpenAI from 'openai';

const openai = new OpenAI();

const POLISH_INSTRUCTIONS =
  'You are a copy editor for customer-support emails. Fix grammar and spelling, keep the meaning and the tone, and return only the corrected email.';

export async function polishReply(draft: string): Promise<string> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: POLISH_INSTRUCTIONS },
      { role: 'user', content: draft },
    ],
  });
  return completion.choices[0]?.message.content?.trim() ?? draft;
}
