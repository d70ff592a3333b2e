import type { Edit, ParamInsertion } from '../model.js';

// Edits are data ({ range, text }); applying them is src/fix/apply.ts's job.

/** Adds `path[0]: { path[1]: … valueText }` to an object literal, matching its layout. */
export function insertProperty(insertion: ParamInsertion, valueText: string): Edit {
  const { object, path } = insertion;
  let property = `${path[path.length - 1]}: ${valueText}`;
  for (let i = path.length - 2; i >= 0; i--) property = `${path[i]}: { ${property} }`;
  if (!object.hasProperties) return { range: [object.insertAt, object.insertAt], text: ` ${property} ` };
  if (object.multiline && object.indent) return { range: [object.insertAt, object.insertAt], text: `,\n${object.indent}${property}` };
  return { range: [object.insertAt, object.insertAt], text: `, ${property}` };
}

/** ESLint fixes and suggestions carry one edit: several become one spanning edit over `text`. */
export function mergeEdits(text: string, edits: readonly Edit[]): Edit {
  const sorted = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const start = sorted[0]!.range[0];
  const end = Math.max(...sorted.map((edit) => edit.range[1]));
  let out = '';
  let at = start;
  for (const edit of sorted) {
    out += text.slice(at, edit.range[0]) + edit.text;
    at = edit.range[1];
  }
  out += text.slice(at, end);
  return { range: [start, end], text: out };
}

/** A JS literal for a list of strings, e.g. `['</answer>']`. */
export function stringArrayLiteral(values: readonly string[]): string {
  return `[${values.map((value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`).join(', ')}]`;
}
