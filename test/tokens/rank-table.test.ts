import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { decodeRankFile, encodeRankFile, RankTable } from '../../src/tokens/rank-table.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

test('the rank file written by the build holds js-tiktoken\'s table and pattern', () => {
  const built = decodeRankFile(readFileSync(new URL('../../ranks/o200k_base.bin', import.meta.url)));
  assert.ok(built, 'dist/ranks/o200k_base.bin decodes');
  assert.equal(built.pattern, o200k.pat_str);
  const reference = RankTable.fromTiktoken(o200k.bpe_ranks);
  assert.equal(built.table.ranks.length, reference.ranks.length);
  assert.equal(built.table.longestToken, reference.longestToken);
  for (const token of [' the', 'Hello', ' world', '\n\n', '漢', 'ing', ' promptlint']) {
    const piece = bytes(token);
    assert.equal(built.table.rank(piece, 0, piece.length), reference.rank(piece, 0, piece.length), JSON.stringify(token));
  }
});

test('a rank table answers by byte range; later duplicates win; unknown pieces are -1', () => {
  const line = (offset: number, ...tokens: string[]) => `! ${offset} ${tokens.map((t) => Buffer.from(t).toString('base64')).join(' ')}`;
  const table = RankTable.fromTiktoken([line(0, 'a', 'b', 'ab'), line(3, 'abc', 'ab')].join('\n'));
  const text = bytes('xabcx');
  assert.equal(table.rank(text, 1, 2), 0);
  assert.equal(table.rank(text, 1, 3), 4);
  assert.equal(table.rank(text, 1, 4), 3);
  assert.equal(table.rank(text, 0, 2), -1);
  assert.equal(table.rank(text, 1, 5), -1, 'longer than any token');
  assert.equal(table.longestToken, 3);
});

test('a round trip keeps the table; a damaged or foreign file is refused, not misread', () => {
  const table = RankTable.fromTiktoken(`! 0 ${Buffer.from('hi').toString('base64')} ${Buffer.from('there').toString('base64')}`);
  const encoded = encodeRankFile(table, '\\s+|\\w+');
  const decoded = decodeRankFile(encoded);
  assert.ok(decoded);
  assert.equal(decoded.pattern, '\\s+|\\w+');
  assert.equal(decoded.table.rank(bytes('there'), 0, 5), 1);
  assert.equal(decodeRankFile(encoded.subarray(0, encoded.length - 1)), undefined, 'truncated');
  assert.equal(decodeRankFile(new Uint8Array(64)), undefined, 'no magic');
  assert.equal(decodeRankFile(new Uint8Array(0)), undefined, 'empty');
});
