// Review-tier rules: they change emphasis or structure, so they are offered as suggestions only.
import { isCapitalized, nonOverlapping, type Pass, type TextEdit } from './edits.js';
import { NEGATION } from './invariants.js';
import { leadingPhrase, NOT_A_VERB, obligationMatchers, passOf, STRONG_OBLIGATION, wordAt } from './matchers.js';
import { MASK_OPEN, unmask } from './protect.js';

// "You must validate input" → "Validate input": the obligation's weight goes with it.
const strongObligation: Pass = passOf('obligation', 'review', 'Obligation wording turned into a direct instruction; check it still carries the weight it needs.', obligationMatchers(STRONG_OBLIGATION));

const emphasis: Pass = passOf('emphasis', 'review', 'Emphasis wording removed; check the instruction still carries the weight it needs.', [
  leadingPhrase(
    `it(?: is|'s|’s) (?:absolutely |very |extremely |really |super |so |most |especially |particularly )?(?:important|critical|crucial|essential|vital|imperative|mandatory|paramount|key|necessary) (?:that you|for you to|to)`,
    { skipNext: NOT_A_VERB },
  ),
  leadingPhrase(`it(?: is|'s|’s) of (?:the )?(?:utmost|paramount|critical|great|vital|highest|extreme) importance (?:that you|for you to|to)`, {
    skipNext: NOT_A_VERB,
  }),
  leadingPhrase(`(?:always )?(?:make sure|be sure|ensure)(?: that)? you`, { skipNext: NOT_A_VERB }),
  leadingPhrase(`(?:make sure|be sure|remember) to`, { skipNext: NOT_A_VERB }),
  {
    // Mid-sentence: "…, make sure you read it" / "… and make sure to include…" → "…, read it" / "… and include…"
    re: /(?<=(?:,|\b(?:and|then|so|but|also|[Aa]lways))[ \t]{1,4})(?:make|be)[ \t]+sure(?:[ \t]+to|(?:[ \t]+that)?[ \t]+you)[ \t]+(?=\p{Ll})/gu,
    replace(m, text) {
      const next = wordAt(text, m.index + m[0].length);
      return NOT_A_VERB.test(next) || next === 'not' ? undefined : '';
    },
  },
  {
    // "IMPORTANT: Do X" / "**Warning:** Do X" / "CRITICAL INSTRUCTION: Do X" → "Do X"
    re: /(?<=(?:^|\n)[ \t]{0,40}(?:(?:[-*+•]|\d{1,3}[.)])[ \t]{1,8})?(?:#{1,6}[ \t]{1,4})?|[.!?][ \t]{1,8})(\*\*|__)?(important|very important|critical|crucial|note|warning|attention|reminder|remember|caution|key point|nb)(?:[ \t]+(?:instructions?|notes?|rules?|reminders?|requirements?|information))?(\*\*|__)?[ \t]*[:!]+[ \t]*(\*\*|__)?[ \t]*(?=\p{L})/giu,
    replace(m) {
      const opened = m[1] !== undefined;
      const closed = m[3] !== undefined || m[4] !== undefined;
      if (opened !== closed) return undefined;
      // A title-case "Note:" is plain meta-filler and handled by the safe tier.
      if (/^(?:note|nb)$/i.test(m[2]!) && !/^[A-Z]+$/.test(m[2]!)) return undefined;
      return '';
    },
  },
  {
    // Shouted emphasis words → lower case (the word itself stays).
    re: /(?<![\p{L}'’])(?:MUST(?: NOT)?|NEVER|ALWAYS|DO NOT|DON['’]T|NOT|ONLY|IMPORTANT|CRITICAL|CRUCIAL|VITAL|ESSENTIAL|MANDATORY|REQUIRED|STRICTLY|EXACTLY|ABSOLUTELY|ANY|ALL|EVERY|EACH|NO|NONE|NOTHING|ANYTHING|EVER|SHOULD(?: NOT)?|SHALL|CANNOT|CAN['’]T|WILL NOT|WON['’]T|ENSURE|VERY|EXTREMELY|FORBIDDEN|PROHIBITED|AVOID|WITHOUT|EXCEPT|UNLESS|UNDER NO CIRCUMSTANCES|AT ALL|PLEASE|REALLY)(?![\p{L}'’])/gu,
    replace(m, text) {
      const before = /(\p{L}+)[^\p{L}\n]*$/u.exec(text.slice(Math.max(0, m.index - 40), m.index))?.[1];
      const after = /^[^\p{L}\n]*(\p{L}+)/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 40))?.[1];
      const shouting = (w: string | undefined): boolean => w !== undefined && w.length > 1 && w === w.toUpperCase();
      // Part of an all-caps heading or sentence, or next to an acronym: leave it.
      if (shouting(before) || shouting(after)) return undefined;
      if (before === undefined && after === undefined) return undefined;
      const lower = m[0].toLowerCase();
      const head = text.slice(Math.max(0, m.index - 12), m.index);
      const startsSentence = /(?:^|[.!?:]["')\]]?[ \t]+|\n[ \t]*(?:(?:[-*+•]|\d{1,3}[.)])[ \t]+)?(?:\*\*|__)?)$/.test(head) || m.index === 0;
      return startsSentence ? lower[0]!.toUpperCase() + lower.slice(1) : lower;
    },
    reason: 'Shouted emphasis lowered to normal case; the word itself is kept.',
  },
  { re: /(?<=[\p{L}\p{N})\]])!{2,}/gu, replace: () => '!', reason: 'Repeated exclamation marks reduced to one.' },
]);

const decoration: Pass = passOf('decoration', 'review', 'Markdown decoration removed; the words are unchanged.', [
  {
    re: /\*\*(?=[^\s*])([^*\n]{1,200}?)(?<=[^\s*])\*\*/gu,
    // `**1. Setup**` alone on its line would become a list item.
    replace: (m) => (/^(?:[-+•]|\d{1,3}[.)])[ \t]/.test(m[1]!) ? undefined : m[1]!),
  },
  {
    // A horizontal rule after a blank line (right after text, `---` would be a heading underline).
    re: /(?<=(?:^|\n)[ \t]{0,40}\r?\n|^)[ \t]{0,40}(?:-{3,}|\*{3,}|_{3,}|={3,})[ \t]*(?:\r?\n(?:[ \t]*\r?\n)?|$)/g,
    replace: () => '',
    reason: 'Horizontal rule removed; blank lines already separate the sections.',
  },
]);

// "an extremely clear example" must become "a clear example": the article follows the next word.
function article(original: string, nextWord: string): string {
  const lower = nextWord.toLowerCase();
  const vowelSound = /^(?:hour|honest|honou?r|heir)/.test(lower) || (/^[aeiou]/.test(lower) && !/^(?:uni|use|usu|ur[aeiou]|eu|one|once)/.test(lower));
  const chosen = vowelSound ? 'an' : 'a';
  return isCapitalized(original) ? chosen.toUpperCase()[0] + chosen.slice(1) : chosen;
}

const intensifiers: Pass = passOf('intensifier', 'review', 'Intensifier removed; it rarely changes what the model does.', [
  {
    re: /(?<![\p{L}'’-])(?:(an?)[ \t]+)?(very|really|extremely|absolutely|highly|truly|incredibly|totally|utterly|exceptionally|remarkably|immensely|tremendously)[ \t]+(\p{L})/giu,
    replace(m, text) {
      const next = /^\p{L}+/u.exec(text.slice(m.index + m[0].length - 1))?.[0] ?? '';
      if (/^(?:much|many|well|important|critical|crucial|essential|necessary|good|bad|few|little|like|want|need|mean)$/i.test(next)) {
        return undefined;
      }
      if (next.length > 1 && next === next.toUpperCase()) return undefined;
      const letter = m[1] === undefined && isCapitalized(m[2]!) ? m[3]!.toUpperCase() : m[3]!;
      return m[1] === undefined ? letter : `${article(m[1], next)} ${letter}`;
    },
  },
]);

/** Whether removing this text could break an invariant (numbers, negations, protected spans). */
const HAS_NEGATION = new RegExp(NEGATION.source, 'i');

function guarded(text: string): boolean {
  return text.includes(MASK_OPEN) || /\d/.test(text) || HAS_NEGATION.test(text);
}

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const LIST_OR_HEADING = /^[ \t]*(?:[-*+•]|\d{1,3}[.)]|#{1,6})[ \t]/m;


const TERMINATOR = /[.!?]+["')\]”’]?|\n/g;

/** Sentences ending in . ! or ? (one scan: no backtracking over long lines without punctuation). */
function sentencesOf(block: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  TERMINATOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERMINATOR.exec(block)) !== null) {
    const end = m.index + m[0].length;
    if (m[0] !== '\n') {
      let start = from;
      while (start < m.index && /\s/.test(block[start]!)) start++;
      if (start < m.index) out.push({ start, end });
    }
    from = end;
  }
  return out;
}

/**
 * The range to delete for a sentence: with the space before it (or after it, at the start of a
 * line); a sentence alone on its line takes the line with it, unless that line is a list item or
 * heading, whose count must not change.
 */
function sentenceCut(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEndIndex = text.indexOf('\n', end);
  const lineEnd = lineEndIndex < 0 ? text.length : lineEndIndex;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  // A sentence that opens a list item or heading carries the marker with it.
  if (/^[ \t]*(?:(?:[-*+•]|\d{1,3}[.)]|#{1,6})[ \t]*)?$/.test(before) && LIST_OR_HEADING.test(text.slice(lineStart, lineEnd))) return undefined;
  if (before.trim() === '' && after.trim() === '') {
    return lineEndIndex < 0 ? { start: Math.max(0, lineStart - 1), end: lineEnd } : { start: lineStart, end: lineEnd + 1 };
  }
  const spaceBefore = /[ \t]+$/.exec(before)?.[0].length ?? 0;
  const spaceAfter = /^[ \t]+/.exec(after)?.[0].length ?? 0;
  return spaceBefore > 0 ? { start: start - spaceBefore, end } : { start, end: end + spaceAfter };
}

function makeDuplicates(pieces: () => readonly string[]): Pass {
  return {
    rule: 'duplicate',
    tier: 'review',
    find(text) {
      const edits: TextEdit[] = [];
      const seenBlocks = new Set<string>();
      const seenSentences = new Set<string>();
      const blockRe = /(?:^|\n[ \t]*\r?\n)((?:[^\n]|\n(?![ \t]*\r?\n))+)/g;
      let m: RegExpExecArray | null;
      while ((m = blockRe.exec(text)) !== null) {
        const block = m[1]!;
        const blockStart = m.index + m[0].length - block.length;
        const key = normalize(unmask(block, pieces()));
        if (key === '') continue;
        const removable = !guarded(block) && !LIST_OR_HEADING.test(block) && key.split(' ').length >= 6;
        if (seenBlocks.has(key) && removable) {
          // Remove the block together with the blank line that separated it from the previous one.
          edits.push({
            start: m.index,
            end: blockStart + block.length,
            text: '',
            rule: 'duplicate',
            tier: 'review',
            reason: 'Exact repeat of an earlier block.',
          });
          continue;
        }
        seenBlocks.add(key);
        for (const s of sentencesOf(block)) {
          const sentence = block.slice(s.start, s.end);
          const sentenceKey = normalize(unmask(sentence, pieces()));
          const words = sentenceKey.split(' ').length;
          const start = blockStart + s.start;
          const end = blockStart + s.end;
          if (seenSentences.has(sentenceKey) && words >= 4 && !guarded(sentence)) {
            const cut = sentenceCut(text, start, end);
            if (cut) edits.push({ ...cut, text: '', rule: 'duplicate', tier: 'review', reason: 'Exact repeat of an earlier sentence.' });
          } else {
            seenSentences.add(sentenceKey);
          }
        }
      }
      return nonOverlapping(edits);
    },
  };
}

const ROLE_STATEMENT =
  /(?<=(?:^|\n)[ \t]{0,40}|[.!?][ \t]{1,8})((?:remember(?:,| that)?[ \t]+|as a reminder,?[ \t]+|again,?[ \t]+)?you(?:[ \t]+are|['’]re)[ \t]+(?:\p{Lu}[\p{L}-]*,[ \t]+)?(?:an?|the)[ \t]+([^.!?\n]{2,80}?))([.!])(?=[ \t]|\r?\n|$)/giu;

const repeatedRole: Pass = {
  rule: 'repeated-role',
  tier: 'review',
  find(text) {
    const edits: TextEdit[] = [];
    const seen = new Set<string>();
    ROLE_STATEMENT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ROLE_STATEMENT.exec(text)) !== null) {
      const role = normalize(m[2]!.toLowerCase());
      if (!seen.has(role)) {
        seen.add(role);
        continue;
      }
      if (guarded(m[0])) continue;
      const cut = sentenceCut(text, m.index, m.index + m[0].length);
      if (cut === undefined) continue;
      edits.push({ ...cut, text: '', rule: 'repeated-role', tier: 'review', reason: 'The role was already stated earlier in the prompt.' });
    }
    return edits;
  },
};

/** Review passes; duplicate detection compares unmasked text, so it needs the mask pieces. */
export function reviewPasses(pieces: () => readonly string[]): Pass[] {
  return [strongObligation, emphasis, decoration, intensifiers, repeatedRole, makeDuplicates(pieces)];
}
