// Runs in the browser; talks to our own /api/chat route, never to a model provider directly.
interface WidgetMessage {
  role: 'user' | 'assistant';
  content: string;
}

const history: WidgetMessage[] = [];

export async function sendMessage(text: string, onToken: (token: string) => void): Promise<void> {
  history.push({ role: 'user', content: text });
  const res = await fetch('/api/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ messages: history }),
  });
  if (!res.ok || !res.body) throw new Error(`Chat failed with status ${res.status}`);

  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let reply = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const token = decoder.decode(value, { stream: true });
    reply += token;
    onToken(token);
  }
  history.push({ role: 'assistant', content: reply });
}
