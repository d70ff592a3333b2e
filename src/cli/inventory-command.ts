import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pc from 'picocolors';
import { type InventoryReport, runInventory } from '../engine/inventory.js';
import { DEFAULT_MAX_FILE_SIZE } from '../engine/project.js';
import { type CliIo, UsageError, firstLine, useColor, writeReport } from './io.js';

export const INVENTORY_HELP = `Usage: promptlint inventory [paths...] [options]

List every LLM call site with its model, output cap, stop sequences and system prompt size.

Options:
  -f, --format <table|json>   Output format (default: table). JSON is a stable contract (version 1).
  -o, --output-file <path>    Write the report to a file instead of stdout.
      --max-file-size <bytes> Skip larger files (default: ${DEFAULT_MAX_FILE_SIZE}).
      --default-model <id>    Model assumed for token counts when a call's model is unknown.
      --color, --no-color     Force or disable colours in the table.
  -h, --help                  Show this help.

Exit codes: 0 success, 2 usage error (for example a path that does not exist).
`;

export async function inventoryCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'table' },
        'output-file': { type: 'string', short: 'o' },
        'max-file-size': { type: 'string' },
        'default-model': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(firstLine(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(INVENTORY_HELP);
    return 0;
  }
  if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`Unknown inventory format "${values.format}": use table or json.`);
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : Number(values['max-file-size']);
  if (!Number.isInteger(maxFileSize) || maxFileSize <= 0) throw new UsageError(`--max-file-size expects a positive number of bytes, got "${values['max-file-size']}".`);
  const report = await runInventory(positionals.length ? positionals : ['.'], {
    cwd: io.cwd,
    maxFileSize,
    ...(values['default-model'] ? { defaultModel: values['default-model'] } : {}),
  });
  const color = useColor(io, values['no-color'] ? false : values.color);
  const output = values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatTable(report, color);
  if (values['output-file']) writeReport(resolve(io.cwd, values['output-file']), output);
  else io.stdout.write(output);
  return 0;
}

export function formatTable(report: InventoryReport, color: boolean): string {
  const c = pc.createColors(color);
  const state = (value: { state: string }, text: string) =>
    value.state === 'absent' ? c.red(text) : value.state === 'unknown' ? c.yellow(text) : text;
  const rows = report.callSites.map((site) => [
    `${site.file}:${site.line}:${site.column}`,
    site.provider,
    site.api,
    site.model.state === 'present' ? (site.model.value ?? '(dynamic)') : site.model.state,
    site.outputCap.state === 'present' ? `${site.outputCap.param}=${site.outputCap.value ?? '?'}` : site.outputCap.state,
    site.stop.state === 'present' ? (site.stop.param ?? 'yes') : site.stop.state,
    site.system.state === 'present' ? `${site.system.tokens ?? '?'} tok` : site.system.state,
  ]);
  const header = ['location', 'provider', 'api', 'model', 'output cap', 'stop', 'system'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const pad = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const lines = [c.bold(pad(header))];
  report.callSites.forEach((site, r) => {
    const row = rows[r]!;
    const cells = row.map((cell, i) => cell.padEnd(widths[i]!));
    cells[4] = state(site.outputCap, cells[4]!);
    cells[5] = state(site.stop, cells[5]!);
    lines.push(cells.join('  ').trimEnd());
  });
  const capless = report.callSites.filter((site) => site.outputCap.state === 'absent').length;
  lines.push('', `${report.callSites.length} call site${report.callSites.length === 1 ? '' : 's'}, ${capless} without an output cap.`);
  for (const error of report.errors) lines.push(c.dim(`${error.file}: ${error.message}`));
  return `${lines.join('\n')}\n`;
}
