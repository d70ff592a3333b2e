export interface CliIo {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

/** Usage mistakes: one line on stderr, exit 2. */
export { UsageError } from '../scan/discover.js';

/** NO_COLOR and FORCE_COLOR as picocolors reads them, then the terminal. */
export function useColor(io: CliIo, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  if (io.env['NO_COLOR'] !== undefined) return false;
  return io.stdout.isTTY === true;
}

export async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
