// Rewrites schema.json from the rule registry. Run after a build: `npm run build && node scripts/generate-schema.mjs`.
// test/config/json-schema.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs';

const { rules } = await import('../dist/rules/index.js');
const { configJsonSchema } = await import('../dist/src/engine/config.js');
writeFileSync(new URL('../schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(rules), null, 2)}\n`);
