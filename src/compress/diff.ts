export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
}

export interface Hunk {
  /** 1-based first line in the old and new text. */
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
}

// Myers' O((N+M)·D) line diff. Compression changes few lines, so D stays small; past this many
// differences the diff degrades to "replace everything in between", still correct.
const MAX_D = 4000;

function editScript(a: readonly string[], b: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: DiffLine[] = a.slice(0, start).map((text) => ({ kind: ' ', text }));
  const tail: DiffLine[] = a.slice(endA).map((text) => ({ kind: ' ', text }));
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  const n = x.length;
  const m = y.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= Math.min(max, MAX_D) && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let px = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let py = px - k;
      while (px < n && py < m && x[px] === y[py]) {
        px++;
        py++;
      }
      v[offset + k] = px;
      if (px >= n && py >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) {
    return [...head, ...x.map((text): DiffLine => ({ kind: '-', text })), ...y.map((text): DiffLine => ({ kind: '+', text })), ...tail];
  }
  const middle: DiffLine[] = [];
  let px = n;
  let py = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d]!;
    const k = px - py;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (px > prevX && py > prevY) {
      middle.push({ kind: ' ', text: x[--px]! });
      py--;
    }
    if (px === prevX) middle.push({ kind: '+', text: y[--py]! });
    else middle.push({ kind: '-', text: x[--px]! });
  }
  while (px > 0 && py > 0) {
    middle.push({ kind: ' ', text: x[--px]! });
    py--;
  }
  middle.reverse();
  return [...head, ...middle, ...tail];
}

/** Unified-diff hunks between two texts, with `context` unchanged lines around each change. */
export function diffLines(before: string, after: string, context = 2): Hunk[] {
  const script = editScript(before.split('\n'), after.split('\n'));
  const shown = new Uint8Array(script.length);
  script.forEach((line, i) => {
    if (line.kind === ' ') return;
    for (let j = Math.max(0, i - context); j <= Math.min(script.length - 1, i + context); j++) shown[j] = 1;
  });
  const hunks: Hunk[] = [];
  let oldLine = 1;
  let newLine = 1;
  let current: Hunk | undefined;
  script.forEach((line, i) => {
    if (shown[i]) {
      if (current === undefined) {
        current = { oldStart: oldLine, newStart: newLine, lines: [] };
        hunks.push(current);
      }
      current.lines.push(line);
    } else {
      current = undefined;
    }
    if (line.kind !== '+') oldLine++;
    if (line.kind !== '-') newLine++;
  });
  return hunks;
}
