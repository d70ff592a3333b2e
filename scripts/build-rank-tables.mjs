// Writes dist/ranks/<encoding>.bin from js-tiktoken's rank modules, so counting tokens needs no
// decoding at run time (src/tokens/rank-table.ts). Part of `npm run build`, after tsc.
import { mkdirSync, writeFileSync } from 'node:fs';

const { tiktokenRanks } = await import('../dist/src/tokens/count.js');
const { encodeRankFile } = await import('../dist/src/tokens/rank-table.js');

const dir = new URL('../dist/ranks/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const encoding of ['o200k_base', 'cl100k_base']) {
  const { table, pattern } = tiktokenRanks(encoding);
  writeFileSync(new URL(`${encoding}.bin`, dir), encodeRankFile(table, pattern));
}
