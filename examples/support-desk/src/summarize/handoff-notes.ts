import { GoogleGenAI } from '@google/genai';
import type { Ticket } from '../types.js';

const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function writeHandoffNotes(tickets: Ticket[], shiftLead: string): Promise<string> {
  const open = tickets.map((t) => `- ${t.id} [${t.tags.join(', ')}] ${t.subject}`).join('\n');
  const response = await ai.models.generateContent({
    model: 'gemini-2.5-flash',
    contents: `Shift lead: ${shiftLead}\nOpen tickets:\n${open}`,
    config: {
      systemInstruction: `Today is ${new Date().toDateString()}.
You write the end-of-shift handoff notes for the Larkspur Outfitters support team. In order to make the handoff smooth, please make sure to group the open tickets by what the next shift needs to do: tickets waiting on the customer, tickets waiting on the warehouse, tickets waiting on a carrier investigation, and tickets that need a decision from a team lead.
It is very important that you list every ticket id exactly once. Note that tickets tagged "safety" must always be listed first, in their own group, even if they are waiting on someone else.
For each ticket, please make sure to write one short line that says what the next action is and who owns it. Do not repeat the ticket subject if the next action already makes it clear.
Please end the notes with a single line that says how many tickets are open in total.`,
      maxOutputTokens: 600,
      temperature: 0.2,
    },
  });
  return response.text ?? '';
}
