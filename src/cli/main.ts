import { readFileSync } from 'node:fs';
import { ConfigError } from '../engine/config.js';
import { compressCommand } from './compress-command.js';
import { GitError } from './git.js';
import { inventoryCommand } from './inventory-command.js';
import { type CliIo, UsageError, useColor } from './io.js';
import { lintCommand } from './lint-command.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const HELP = `Usage: promptlint [paths...] [options]
       promptlint inventory [paths...] [--format table|json]
       promptlint compress <file|-> [--all] [--model <id>] [--format text|json]

Static prompt linter for TypeScript and JavaScript code that calls LLM APIs.
Paths are files, folders or globs (default: the current folder).

Lint options:
  -c, --config <path>                  Use this config file for every file (no lookup)
      --no-config-lookup               Ignore config files; use the recommended preset and --rule
      --rule <'id: severity'>          Set a rule, e.g. --rule 'require-stop-sequences: error' or
                                       --rule 'require-max-tokens: ["warn", {"suggestedCap": 512}]'
  -f, --format <name>                  stylish (default), json, sarif, github, markdown
  -o, --output-file <path>             Write the report to a file
      --max-warnings <n>               Exit 1 when there are more than n warnings
      --quiet                          Report errors only
      --no-inline-config               Ignore promptlint-disable comments
      --report-unused-disable-directives  Report disable comments that suppress nothing
      --print-config <file>            Print the configuration used for a file and exit
      --fix                            Apply safe fixes to files
      --fix-suggestions                Also apply each finding's first suggestion
      --fix-dry-run                    Print fixes as a unified diff; write nothing
      --staged                         Lint the staged content of staged files (pre-commit)
      --changed-since <git-ref>        Report only findings on lines changed since the merge base with <ref>
      --stdin                          Lint text from standard input
      --stdin-filename <path>          File name for --stdin (config lookup, parser)
      --max-file-size <bytes>          Skip larger files (default: 1048576)
      --color, --no-color              Force or disable colours
  -h, --help                           Show this help
  -v, --version                        Show the version

Exit codes: 0 no error-level findings (and warnings within --max-warnings); 1 error-level findings
or too many warnings; 2 usage, configuration or internal error.
`;

export async function main(args: string[], io: CliIo): Promise<number> {
  try {
    const [first, ...rest] = args;
    if (first === 'inventory') return await inventoryCommand(rest, io);
    if (first === 'compress') {
      return await compressCommand(rest, { stdout: io.stdout, stderr: io.stderr, stdin: io.stdin, color: useColor(io) });
    }
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout.write(HELP);
      return 0;
    }
    if (args.includes('--version') || args.includes('-v')) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    return await lintCommand(args, io, VERSION);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof GitError) {
      io.stderr.write(`promptlint: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`promptlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}
