import type { PromptPart } from '../model.js';

// Private-use characters: they never occur in real prompts, are not letters (so no phrase rule can
// match into them) and survive every rewrite unchanged.
export const ATOM_OPEN = '\uE000';
export const ATOM_CLOSE = '\uE001';
export const ATOM_PATTERN = /\uE000(\d+)\uE001/g;

export function atomMarker(index: number): string {
  return `${ATOM_OPEN}${index}${ATOM_CLOSE}`;
}

/** The runtime text of a prompt with every dynamic part replaced by an opaque atom. */
export function promptToAtomText(parts: PromptPart[]): { text: string; atoms: string[] } {
  const atoms: string[] = [];
  let text = '';
  for (const part of parts) {
    if (part.kind === 'text') {
      text += part.text;
    } else {
      text += atomMarker(atoms.length);
      atoms.push(part.source);
    }
  }
  return { text, atoms };
}
