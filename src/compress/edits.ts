export type Tier = 'safe' | 'review';

/** One replacement in the masked text of a prompt. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  rule: string;
  tier: Tier;
  reason: string;
  /** Other acceptable replacements, tried in order when `text` saves no token. */
  alternatives?: string[];
  /** What to show instead of the raw range, when it is too long to display (dedent). */
  display?: { before: string; after: string };
}

export interface Pass {
  rule: string;
  tier: Tier;
  find(text: string): TextEdit[];
}

/** Sorts and drops edits overlapping an earlier one (same start: the first found wins). */
export function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i);
  const out: TextEdit[] = [];
  let end = -1;
  for (const { e } of sorted) {
    if (e.start >= end && !(e.start === e.end && e.start === end && out.length > 0)) {
      out.push(e);
      end = e.end;
    }
  }
  return out;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let cursor = 0;
  for (const e of edits) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

export function upperFirst(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

export function isCapitalized(s: string): boolean {
  const c = s[0];
  return c !== undefined && c !== c.toLowerCase();
}
