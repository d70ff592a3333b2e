// Tag for indented source snippets in test tables: drops the first line break, the trailing
// whitespace line, and the indentation the written lines share. Snippets are taken raw (`'\n'` stays
// two characters, as in source); only `\`` and `\${` are unescaped. Interpolated values are inserted
// after dedenting, as is, so a shared multi-line constant keeps its own layout.
const HOLE = '\u0000';

export function code(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings.raw.map((chunk) => chunk.replace(/\\(`|\$\{)/g, '$1')).join(HOLE);
  text = text.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n[ \t]*$/, '');
  const lines = text.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '' || line.trimStart().startsWith(HOLE)) continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(indent)) indent = 0;
  const dedented = lines.map((line) => (line.trim() === '' ? '' : line.slice(Math.min(indent, line.length - line.trimStart().length)))).join('\n');
  let i = 0;
  return dedented.replace(/\u0000/g, () => String(values[i++]));
}
