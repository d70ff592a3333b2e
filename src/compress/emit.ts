import { ATOM_CLOSE, ATOM_OPEN } from './atoms.js';

export interface LiteralStyle {
  quote: "'" | '"' | '`';
  tag?: string;
  trimmed?: boolean;
  indent?: string;
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

/** Escapes shared by every quote style: backslash, line breaks, controls, lone surrogates. */
function escapeCommon(ch: string, code: number, keepNewline: boolean): string | undefined {
  if (ch === '\\') return '\\\\';
  if (ch === '\n') return keepNewline ? '\n' : '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return keepNewline ? '\t' : '\\t';
  if (code === 0x2028 || code === 0x2029) return `\\u${hex(code, 4)}`;
  if (code < 0x20 || code === 0x7f) return `\\x${hex(code, 2)}`;
  return undefined;
}

/** Escapes `text` for a quoted string (`'`, `"`) or a template literal (`\``), keeping surrogate pairs. */
function escapeFor(text: string, quote: "'" | '"' | '`'): string {
  const template = quote === '`';
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        out += ch + text[i + 1]!;
        i++;
        continue;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) out += `\\u${hex(code, 4)}`;
    else if (ch === quote) out += `\\${quote}`;
    else if (template && ch === '$' && text[i + 1] === '{') out += '\\$';
    else out += escapeCommon(ch, code, template) ?? ch;
  }
  return out;
}

/**
 * JS source for a string literal whose runtime value is `text` with each atom put back as
 * `${source}`. Returns undefined when no literal can reproduce the value: a tag (dedent-style tags
 * rewrite indentation and escapes in library-specific ways), `.trim()` on a value with outer
 * whitespace, or a malformed atom marker.
 */
export function emitLiteral(text: string, atoms: string[], style: LiteralStyle): string | undefined {
  if (style.tag !== undefined) return undefined;
  if (style.trimmed && text !== text.trim()) return undefined;

  const segments: string[] = [];
  const expressions: string[] = [];
  let cursor = 0;
  const marker = /\uE000(\d+)\uE001/g;
  let m: RegExpExecArray | null;
  while ((m = marker.exec(text)) !== null) {
    const source = atoms[Number(m[1])];
    if (source === undefined) return undefined;
    segments.push(text.slice(cursor, m.index));
    expressions.push(source);
    cursor = m.index + m[0].length;
  }
  segments.push(text.slice(cursor));
  if (segments.some((s) => s.includes(ATOM_OPEN) || s.includes(ATOM_CLOSE))) return undefined;

  if (expressions.length === 0 && style.quote !== '`') {
    return style.quote + escapeFor(text, style.quote) + style.quote;
  }
  let body = escapeFor(segments[0]!, '`');
  expressions.forEach((source, i) => {
    body += '${' + source + '}' + escapeFor(segments[i + 1]!, '`');
  });
  // With `.trim()` at runtime, the literal may open and close on their own lines for readability.
  if (style.trimmed && style.indent !== undefined && text.includes('\n')) {
    return '`\n' + body + '\n' + style.indent + '`';
  }
  return '`' + body + '`';
}
