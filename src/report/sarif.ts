import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { LintMessage, LintResult } from '../model.js';
import { docsUrl } from '../rule.js';
import { splitLines } from './codeframe.js';
import type { FormatContext, RuleDescription } from './index.js';
import { relativePath } from './util.js';

const SRCROOT = '%SRCROOT%';
const INFORMATION_URI = 'https://github.com/promptlint/promptlint';
// Fields of ESLint's message shape; anything else a rule added goes into the result's property bag.
const ESLINT_MESSAGE_KEYS = new Set([
  'ruleId',
  'severity',
  'message',
  'messageId',
  'line',
  'column',
  'endLine',
  'endColumn',
  'fatal',
  'fix',
  'suggestions',
  'nodeType',
]);

type Level = 'error' | 'warning';

interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number };
}

export function formatSarif(results: readonly LintResult[], context: FormatContext): string {
  const ruleIds = new Set(Object.keys(context.rules));
  for (const r of results) for (const m of r.messages) if (m.ruleId !== null && !m.fatal) ruleIds.add(m.ruleId);
  const sortedIds = [...ruleIds].sort();
  const ruleIndex = new Map(sortedIds.map((id, i) => [id, i]));

  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const result of results) {
    const location = artifactLocation(context.cwd, result.filePath);
    const lines = result.source === undefined ? undefined : splitLines(result.source);
    const seen = new Map<string, number>();
    for (const m of result.messages) {
      const physicalLocation: PhysicalLocation = { artifactLocation: location, region: region(m) };
      if (m.fatal || m.ruleId === null) {
        notifications.push({
          level: 'error',
          message: { text: m.message },
          descriptor: { id: 'fatal' },
          locations: [{ physicalLocation }],
        });
        continue;
      }
      const hash = fingerprint(m, location.uri, lines);
      const occurrence = seen.get(hash) ?? 0;
      seen.set(hash, occurrence + 1);
      const properties = extraFields(m);
      sarifResults.push({
        ruleId: m.ruleId,
        ruleIndex: ruleIndex.get(m.ruleId),
        level: level(m.severity),
        message: { text: m.message },
        locations: [{ physicalLocation }],
        partialFingerprints: { 'promptlintHash/v1': `${hash}:${occurrence}` },
        ...(properties ? { properties } : {}),
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'promptlint',
            version: context.version,
            informationUri: INFORMATION_URI,
            rules: sortedIds.map((id) => ruleDescriptor(id, context.rules[id])),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function level(severity: 1 | 2): Level {
  return severity === 2 ? 'error' : 'warning';
}

// GitHub code scanning wants fullDescription and help on every rule (multitool's GH2012).
function ruleDescriptor(id: string, rule: RuleDescription | undefined): unknown {
  const description = rule?.description ?? id;
  const url = rule?.docsUrl ?? docsUrl(id);
  return {
    id,
    name: id.replace(/(?:^|-)([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: description },
    fullDescription: { text: description },
    helpUri: url,
    help: { text: `${description} See ${url}`, markdown: `${description} [Documentation](${url})` },
    defaultConfiguration: { level: rule?.defaultSeverity === 'error' ? 'error' : 'warning' },
  };
}

function artifactLocation(cwd: string, filePath: string): { uri: string; uriBaseId?: string } {
  const rel = relativePath(cwd, filePath);
  // Outside the source root (or on another drive) a relative reference would escape %SRCROOT%.
  if (rel === '' || rel.startsWith('../') || rel === '..' || /^[a-zA-Z]:|^\//.test(rel)) {
    return { uri: pathToFileURL(filePath).href };
  }
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function region(m: LintMessage): PhysicalLocation['region'] {
  return {
    startLine: m.line,
    startColumn: m.column,
    ...(m.endLine !== undefined ? { endLine: m.endLine } : {}),
    ...(m.endColumn !== undefined ? { endColumn: m.endColumn } : {}),
  };
}

/**
 * Identifies a finding across commits without its line number, so code scanning keeps an alert open
 * (not closed and reopened) when unrelated lines above it move. Identical flagged lines in one file
 * are told apart by the caller's occurrence index.
 */
function fingerprint(m: LintMessage, uri: string, lines: readonly string[] | undefined): string {
  const flagged: string[] = [];
  if (lines) {
    const last = Math.max(m.endLine ?? m.line, m.line);
    for (let n = m.line; n <= last && n <= lines.length; n++) {
      flagged.push((lines[n - 1] ?? '').trim().replace(/\s+/g, ' '));
    }
  }
  const text = flagged.length > 0 ? flagged.join('\n') : m.message;
  return createHash('sha256').update(`${m.ruleId}\0${uri}\0${text}`).digest('hex').slice(0, 32);
}

function extraFields(m: LintMessage): Record<string, unknown> | undefined {
  const extra = Object.entries(m).filter(([key]) => !ESLINT_MESSAGE_KEYS.has(key));
  return extra.length > 0 ? Object.fromEntries(extra) : undefined;
}
