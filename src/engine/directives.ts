import ts from '#typescript';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Empty = all rules. */
  ruleIds: string[];
  /** 1-based position of the comment's start. */
  line: number;
  column: number;
  /** Line of the comment's end; `disable-next-line` applies to the line after it. */
  endLine: number;
  /** The whole comment. */
  range: [number, number];
  justification?: string;
}

export interface DirectiveProblem {
  message: string;
  line: number;
  column: number;
}

export interface Locatable {
  ruleId: string | null;
  line: number;
  column: number;
}

const MARKER = 'promptlint-';
const DIRECTIVE = /^promptlint-(disable-next-line|disable-line|disable|enable)(?:\s+([\s\S]*))?$/;
const JUSTIFICATION = /\s-{2,}(?:\s|$)/;
const scanner = ts.createScanner(ts.ScriptTarget.Latest, false);

/**
 * Directives are read only from real comments: each `promptlint-` occurrence is located in the parse
 * tree, so text inside strings, templates, regexes or JSX never counts. Pass the file's SourceFile to
 * avoid a second parse; without one the text is parsed as TypeScript.
 */
export function parseDirectives(
  text: string,
  sourceFile?: ts.SourceFile,
): { directives: Directive[]; problems: DirectiveProblem[] } {
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  if (!text.includes(MARKER)) return { directives, problems };

  const file = sourceFile ?? ts.createSourceFile('directives.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const source = file.text; // offsets must agree with the tree even if the caller stripped a BOM differently
  let scannedUpTo = -1;
  for (let at = source.indexOf(MARKER); at !== -1; at = source.indexOf(MARKER, at + MARKER.length)) {
    if (at < scannedUpTo) continue;
    const comment = commentAt(file, at);
    if (!comment) continue;
    scannedUpTo = comment.end;
    readComment(file, comment, directives, problems);
  }
  return { directives, problems };
}

function commentAt(file: ts.SourceFile, position: number): ts.CommentRange | undefined {
  let node: ts.Node = file;
  for (;;) {
    // JSDoc nodes overlap the next child's leading trivia; that trivia is scanned below instead.
    const child = node.getChildren(file).find((c) => !ts.isJSDoc(c) && c.pos <= position && position < c.end);
    if (!child) return undefined;
    const start = child.getStart(file);
    if (position < start) return commentInTrivia(file.text, child.pos, start, position);
    if (child.getChildCount(file) === 0) return undefined; // inside a token: a string, template, identifier…
    node = child;
  }
}

function commentInTrivia(text: string, from: number, to: number, position: number): ts.CommentRange | undefined {
  scanner.setText(text, from, to - from);
  try {
    for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
      if (kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
      const pos = scanner.getTokenStart();
      const end = scanner.getTokenEnd();
      if (pos <= position && position < end) return { pos, end, kind };
    }
    return undefined;
  } finally {
    scanner.setText(undefined);
  }
}

function readComment(file: ts.SourceFile, comment: ts.CommentRange, directives: Directive[], problems: DirectiveProblem[]): void {
  const raw = file.text.slice(comment.pos, comment.end);
  const block = comment.kind === ts.SyntaxKind.MultiLineCommentTrivia;
  let value = (block ? raw.slice(2, raw.endsWith('*/') && raw.length >= 4 ? -2 : undefined) : raw.slice(2)).trim();
  // `/** promptlint-disable */` is a JSDoc-looking block comment; its leading `*` is decoration.
  if (block && value.startsWith('*')) value = value.slice(1).trimStart();
  if (!value.startsWith(MARKER)) return;

  const start = file.getLineAndCharacterOfPosition(comment.pos);
  const line = start.line + 1;
  const column = start.character + 1;
  const endLine = file.getLineAndCharacterOfPosition(comment.end).line + 1;
  const report = (message: string) => problems.push({ message, line, column });

  const divider = JUSTIFICATION.exec(value);
  const head = divider ? value.slice(0, divider.index) : value;
  const justification = divider ? value.slice(divider.index + divider[0].length).trim() : '';
  const match = DIRECTIVE.exec(head);
  if (!match) {
    const word = /^promptlint-(?:disable|enable)\S*/.exec(head);
    if (word) report(`Unknown directive '${word[0]}'; expected promptlint-disable, promptlint-enable, promptlint-disable-line or promptlint-disable-next-line.`);
    return;
  }
  const kind = match[1] as DirectiveKind;
  const name = `promptlint-${kind}`;
  if (kind === 'disable-line' && endLine !== line) {
    report(`${name} comment should not span multiple lines.`);
    return;
  }

  const list = (match[2] ?? '').trim();
  const ruleIds: string[] = [];
  if (list !== '') {
    for (const id of list.split(',').map((part) => part.trim())) {
      // Dropping a bad id could leave an empty list, which would silently mean "all rules".
      if (id === '') return void report(`Empty rule id in ${name} comment.`);
      if (/\s/.test(id)) {
        return void report(`Invalid rule id '${id}' in ${name} comment; separate rule ids with commas and put a reason after ' -- '.`);
      }
      if (!ruleIds.includes(id)) ruleIds.push(id);
    }
  }
  const directive: Directive = { kind, ruleIds, line, column, endLine, range: [comment.pos, comment.end] };
  if (justification !== '') directive.justification = justification;
  directives.push(directive);
}

interface Tracked {
  directive: Directive;
  /** Known ids, or null for all rules. */
  ids: string[] | null;
  /** Ids that suppressed or closed something; '*' for the all-rules form. */
  used: Set<string>;
}

export interface DirectiveResult<T> {
  kept: T[];
  suppressed: T[];
  /** The directive that suppressed `suppressed[i]`. */
  suppressedBy: Directive[];
  /** Only filled with `reportUnused`. */
  unused: Array<{ directive: Directive; message: string }>;
  /** Rule ids no rule answers to; always reported. */
  problems: Array<{ directive: Directive; message: string }>;
}

/**
 * ESLint's algorithm: block directives take effect from their position in the file, line directives
 * then apply to what remains. Messages without a rule id (fatal errors) are never suppressed.
 */
export function applyDirectives<T extends Locatable>(
  messages: T[],
  directives: Directive[],
  options: { reportUnused: boolean; knownRuleIds: ReadonlySet<string> },
): DirectiveResult<T> {
  const problems: DirectiveResult<T>['problems'] = [];
  const tracked: Tracked[] = [];
  for (const directive of directives) {
    const unknown = directive.ruleIds.filter((id) => !options.knownRuleIds.has(id));
    for (const id of unknown) {
      problems.push({ directive, message: `Unknown rule '${id}' in promptlint-${directive.kind} comment.` });
    }
    const ids = directive.ruleIds.filter((id) => options.knownRuleIds.has(id));
    // A directive naming only unknown rules must not widen to "all rules".
    if (directive.ruleIds.length > 0 && ids.length === 0) continue;
    tracked.push({ directive, ids: directive.ruleIds.length === 0 ? null : ids, used: new Set() });
  }

  const suppressedBy = new Map<T, Tracked>();
  const order = messages
    .filter((m) => m.ruleId !== null)
    .sort((a, b) => a.line - b.line || a.column - b.column);

  const blocks = tracked
    .filter((t) => t.directive.kind === 'disable' || t.directive.kind === 'enable')
    .sort((a, b) => a.directive.line - b.directive.line || a.directive.column - b.directive.column);
  // Held in an object: TypeScript would narrow a `let` to its initial null, blind to the closure's writes.
  const state: { globalDisable: Tracked | null } = { globalDisable: null };
  const disabledBy = new Map<string, Tracked>();
  const reenabled = new Set<string>();
  const applyBlock = (t: Tracked) => {
    const disabled = (id: string) => disabledBy.has(id) || (state.globalDisable !== null && !reenabled.has(id));
    if (t.directive.kind === 'disable') {
      if (t.ids === null) {
        state.globalDisable = t;
        disabledBy.clear();
        reenabled.clear();
      } else {
        for (const id of t.ids) {
          reenabled.delete(id);
          disabledBy.set(id, t);
        }
      }
    } else if (t.ids === null) {
      if (state.globalDisable !== null || disabledBy.size > 0) t.used.add('*');
      state.globalDisable = null;
      disabledBy.clear();
      reenabled.clear();
    } else {
      for (const id of t.ids) {
        if (disabled(id)) t.used.add(id);
        disabledBy.delete(id);
        if (state.globalDisable !== null) reenabled.add(id);
      }
    }
  };
  let next = 0;
  for (const message of order) {
    for (; next < blocks.length && !isAfter(blocks[next]!.directive, message); next++) applyBlock(blocks[next]!);
    const id = message.ruleId!;
    const by = disabledBy.get(id) ?? (reenabled.has(id) ? undefined : (state.globalDisable ?? undefined));
    if (by) {
      by.used.add(by.ids === null ? '*' : id);
      suppressedBy.set(message, by);
    }
  }
  for (; next < blocks.length; next++) applyBlock(blocks[next]!);

  const lines = tracked.filter((t) => t.directive.kind === 'disable-line' || t.directive.kind === 'disable-next-line');
  for (const message of order) {
    if (suppressedBy.has(message)) continue;
    const by = lines.find(
      (t) => targetLine(t.directive) === message.line && (t.ids === null || t.ids.includes(message.ruleId!)),
    );
    if (by) {
      by.used.add(by.ids === null ? '*' : message.ruleId!);
      suppressedBy.set(message, by);
    }
  }

  const result: DirectiveResult<T> = { kept: [], suppressed: [], suppressedBy: [], unused: [], problems };
  for (const message of messages) {
    const by = suppressedBy.get(message);
    if (by) {
      result.suppressed.push(message);
      result.suppressedBy.push(by.directive);
    } else result.kept.push(message);
  }
  if (options.reportUnused) {
    for (const t of tracked) {
      const message = unusedMessage(t);
      if (message) result.unused.push({ directive: t.directive, message });
    }
  }
  return result;
}

/** Whether the directive comes after the message, so it does not affect it yet. */
function isAfter(directive: Directive, message: Locatable): boolean {
  return directive.line > message.line || (directive.line === message.line && directive.column > message.column);
}

function targetLine(directive: Directive): number {
  return directive.kind === 'disable-line' ? directive.line : directive.endLine + 1;
}

function unusedMessage(t: Tracked): string | undefined {
  const enable = t.directive.kind === 'enable';
  if (t.ids === null) {
    if (t.used.has('*')) return undefined;
    return enable
      ? 'Unused promptlint-enable directive (no matching promptlint-disable directives were found).'
      : 'Unused promptlint-disable directive (no problems were reported).';
  }
  const unused = t.ids.filter((id) => !t.used.has(id));
  if (unused.length === 0) return undefined;
  const names = orList(unused.map((id) => `'${id}'`));
  return enable
    ? `Unused promptlint-enable directive (no matching promptlint-disable directives were found for ${names}).`
    : `Unused promptlint-disable directive (no problems were reported from ${names}).`;
}

function orList(items: string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')}, or ${items.at(-1)}`;
}
