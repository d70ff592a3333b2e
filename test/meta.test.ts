import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from '#typescript';
import { rules } from '../rules/index.js';
import { analyzeSource, lintAnalysis } from '../src/engine/linter.js';
import { presetRules } from '../src/engine/presets.js';
import { applyDefaults, validate } from '../src/engine/schema.js';
import type { Rule } from '../src/rule.js';
import { NO_LLM_CALLS } from './helpers/rule-tester.js';

// Invariants over every registered rule, so a rule added later is held to the same bar: registry,
// metadata, docs (examples are linted), test coverage of message ids, and the layer boundaries.

// Compiled to dist/test/meta.test.js: the sources live two levels up.
const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const REQUIRED_HEADINGS = ['Why', 'Examples', 'Options', 'When not to use it'];

function lint(rule: Rule<any>, code: string, options: Record<string, unknown>) {
  const analysis = analyzeSource('example.ts', code);
  return lintAnalysis(analysis, { registry: [rule], rules: new Map([[rule.id, { severity: 2, options }]]), settings: {} }).messages;
}

function optionKeys(rule: Rule<any>): string[] {
  return Object.keys(rule.meta.options.properties ?? {});
}

interface Doc {
  lines: string[];
  /** `## ` headings outside code fences, with the line index where each starts. */
  sections: Array<{ title: string; start: number; end: number }>;
}

function parseDoc(text: string): Doc {
  const lines = text.split('\n');
  const sections: Doc['sections'] = [];
  let fenced = false;
  lines.forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) {
      const last = sections[sections.length - 1];
      if (last) last.end = i;
      sections.push({ title: line.slice(3).trim(), start: i + 1, end: lines.length });
    }
  });
  return { lines, sections };
}

function section(doc: Doc, title: string): string[] {
  const found = doc.sections.find((s) => s.title === title);
  return found ? doc.lines.slice(found.start, found.end) : [];
}

interface Example {
  kind: 'incorrect' | 'correct';
  code: string;
  options: Record<string, unknown>;
  line: number;
}

/** Code blocks of the Examples section, each marked by the nearest ❌ or ✅ line above it. */
function examples(lines: string[], offset: number): Example[] {
  const out: Example[] = [];
  let kind: Example['kind'] | undefined;
  let options: Record<string, unknown> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.includes('❌')) kind = 'incorrect';
    if (line.includes('✅')) kind = 'correct';
    const directive = /^<!-- options: (.*) -->$/.exec(line);
    if (directive) options = JSON.parse(directive[1]!) as Record<string, unknown>;
    if (!/^```(ts|js|typescript|javascript)$/.test(line)) continue;
    const end = lines.indexOf('```', i + 1);
    assert.ok(end > i, `unclosed code block at line ${offset + i + 1}`);
    assert.ok(kind, `code block at line ${offset + i + 1} has no ❌ or ✅ marker above it`);
    out.push({ kind, code: lines.slice(i + 1, end).join('\n'), options, line: offset + i + 1 });
    options = {};
    i = end;
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir)).sort()) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sourceFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Module specifiers of static imports, re-exports, `import()` and `require()`. */
function importsOf(path: string): string[] {
  const source = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    }
    if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) {
        out.push(node.arguments[0].text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** `process.x`, `console.x` and the bare globals passed around, with their line numbers. */
function globalsUsed(path: string): string[] {
  const source = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && (node.text === 'process' || node.text === 'console')) {
      const parent = node.parent;
      const isReference =
        ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) ||
        (ts.isCallExpression(parent) && parent.arguments.includes(node)) ||
        ts.isShorthandPropertyAssignment(parent);
      if (isReference) out.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('rule registry', () => {
  const ids = rules.map((rule) => rule.id);

  it('is sorted by id, without duplicates', () => {
    assert.deepStrictEqual(ids, [...new Set(ids)].sort());
  });

  it('lists exactly the rules/*.ts files', () => {
    const files = readdirSync(join(root, 'rules'))
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== 'index.ts')
      .map((name) => name.slice(0, -'.ts'.length))
      .sort();
    assert.deepStrictEqual(ids, files);
  });
});

for (const rule of rules) {
  describe(rule.id, () => {
    const { meta } = rule;

    it('has kebab-case id, one-line description and camelCase message ids', () => {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)+$/);
      assert.match(meta.description, /^[A-Z][^\n]*\.$/);
      assert.ok(Object.keys(meta.messages).length > 0);
      for (const id of Object.keys(meta.messages)) assert.match(id, /^[a-z][a-zA-Z]*$/);
    });

    it('has default and all-preset options that satisfy its schema, each option described', () => {
      assert.deepStrictEqual(validate(meta.defaultOptions, meta.options, 'defaultOptions'), []);
      const all = applyDefaults(meta.allOptions ?? {}, meta.options, meta.defaultOptions as Record<string, unknown>);
      assert.deepStrictEqual(validate(all, meta.options, 'allOptions'), []);
      for (const key of optionKeys(rule)) assert.ok(meta.options.properties?.[key]?.description, `option ${key} has no description`);
    });

    it('is silent on an empty file and on a file with no LLM calls, in both presets', () => {
      for (const preset of ['recommended', 'all'] as const) {
        const options = presetRules([rule], preset).get(rule.id)?.options ?? (meta.defaultOptions as Record<string, unknown>);
        for (const code of ['', NO_LLM_CALLS]) assert.deepStrictEqual(lint(rule, code, options), [], `${preset}: ${JSON.stringify(code.slice(0, 30))}`);
      }
    });

    it('has a test table that asserts every message id', () => {
      const path = `test/rules/${rule.id}.test.ts`;
      assert.ok(existsSync(join(root, path)), `${path} is missing`);
      const text = read(path);
      const missing = Object.keys(meta.messages).filter((id) => !new RegExp(`messageId: '${id}'`).test(text));
      assert.deepStrictEqual(missing, [], `message ids never asserted in ${path}`);
      if (meta.fix !== 'none') assert.match(text, /\boutput: /, `${path} checks no fix or suggestion output`);
    });

    describe(`rules/${rule.id}.md`, () => {
      const path = `rules/${rule.id}.md`;
      const doc = existsSync(join(root, path)) ? parseDoc(read(path)) : undefined;

      it('exists, titled with the id, with the description line equal to meta.description', () => {
        assert.ok(doc, `${path} is missing`);
        const [title, ...rest] = doc.lines;
        assert.equal(title, `# ${rule.id}`);
        assert.equal(rest.find((line) => line.trim() !== ''), meta.description);
      });

      it('has the required sections in order', () => {
        assert.ok(doc, `${path} is missing`);
        assert.deepStrictEqual(
          doc.sections.map((s) => s.title),
          REQUIRED_HEADINGS,
        );
      });

      it('documents each option under its own heading with its default', () => {
        assert.ok(doc, `${path} is missing`);
        const lines = section(doc, 'Options');
        const headings = lines.filter((line) => line.startsWith('### ')).map((line) => line.slice(4).trim());
        assert.deepStrictEqual(headings, optionKeys(rule));
        if (headings.length === 0) assert.ok(lines.some((line) => line.trim() !== ''), 'say that the rule has no options');
        for (const key of headings) {
          const start = lines.indexOf(`### ${key}`);
          const next = lines.findIndex((line, i) => i > start && line.startsWith('### '));
          const body = lines.slice(start + 1, next === -1 ? undefined : next).join('\n');
          const stated = /Default: `([^`]+)`/.exec(body);
          assert.ok(stated, `### ${key} states no "Default: \`…\`"`);
          assert.deepStrictEqual(JSON.parse(stated[1]!), (meta.defaultOptions as Record<string, unknown>)[key], `### ${key} default`);
        }
      });

      it('has ❌ examples the rule reports and ✅ examples it accepts', () => {
        assert.ok(doc, `${path} is missing`);
        const found = doc.sections.find((s) => s.title === 'Examples');
        assert.ok(found, 'no Examples section');
        const blocks = examples(doc.lines.slice(found.start, found.end), found.start);
        assert.ok(blocks.some((block) => block.kind === 'incorrect'), 'no ❌ example');
        assert.ok(blocks.some((block) => block.kind === 'correct'), 'no ✅ example');
        for (const block of blocks) {
          const options = applyDefaults(block.options, meta.options, meta.defaultOptions as Record<string, unknown>);
          const messages = lint(rule, block.code, options);
          assert.deepStrictEqual(messages.filter((m) => m.ruleId !== rule.id).map((m) => m.message), [], `${path}:${block.line} does not parse`);
          if (block.kind === 'incorrect') assert.ok(messages.length > 0, `${path}:${block.line}: ❌ example is not reported`);
          else assert.deepStrictEqual(messages.map((m) => m.message), [], `${path}:${block.line}: ✅ example is reported`);
        }
      });
    });
  });
}

describe('layers', () => {
  const ruleFiles = sourceFiles('rules');
  const pure = [...sourceFiles('src/callsites'), 'src/engine/linter.ts', ...ruleFiles];

  it('rules import only the model, rule, fix edits, tokens and compress modules', () => {
    assert.ok(ruleFiles.length >= rules.length);
    const allowed = [/^\.\.\/src\/(model|rule|fix\/edits)\.js$/, /^\.\.\/src\/(tokens|compress)\/[\w-]+\.js$/, /^\.\/[\w-]+\.js$/];
    const bad = ruleFiles.flatMap((file) => importsOf(file).filter((spec) => !allowed.some((re) => re.test(spec))).map((spec) => `${file}: ${spec}`));
    assert.deepStrictEqual(bad, []);
  });

  it('the linter core, call-site detection and rules touch no file system or child process', () => {
    const banned = /^(node:)?(fs|fs\/promises|child_process)$/;
    const bad = pure.flatMap((file) => importsOf(file).filter((spec) => banned.test(spec)).map((spec) => `${file}: ${spec}`));
    assert.deepStrictEqual(bad, []);
  });

  it('the linter core, call-site detection and rules never print or read the process', () => {
    assert.deepStrictEqual(pure.flatMap(globalsUsed), []);
  });
});
