import express from 'express';
import { ChatAnthropic } from '@langchain/anthropic';
import { AIMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import { COMPANY_NAME } from './config.js';
import { answerQuestion } from './rag/answer-question.js';
import { classifyTicket } from './triage/classify-ticket.js';

const CHAT_SYSTEM =
  'You are the chat assistant on the Larkspur Outfitters website. Answer briefly, and offer to create a ticket when you cannot help.';

const chatModel = new ChatAnthropic({
  model: 'claude-haiku-4-5',
  maxTokens: 1024,
});

const app = express();
app.use(express.json());

app.post('/api/chat', async (req, res) => {
  const history: Array<{ role: 'user' | 'assistant'; content: string }> = req.body.messages ?? [];
  const stream = await chatModel.stream([
    new SystemMessage(CHAT_SYSTEM),
    ...history.map((m) => (m.role === 'user' ? new HumanMessage(m.content) : new AIMessage(m.content))),
  ]);
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  for await (const chunk of stream) res.write(String(chunk.content));
  res.end();
});

app.post('/api/answer', async (req, res) => {
  res.json({ answer: await answerQuestion(String(req.body.question ?? '')) });
});

app.post('/api/triage', async (req, res) => {
  res.json(await classifyTicket(req.body));
});

app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log(`${COMPANY_NAME} support desk listening`);
});
