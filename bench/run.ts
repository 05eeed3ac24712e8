// `npm run bench`: runs every bench/*.bench.ts (or those matching the arguments) one after another.
import { readdirSync } from 'node:fs';

const filters = process.argv.slice(2);
const dir = new URL('.', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

for (const f of files) {
  const mod = (await import(new URL(f, dir).href)) as { default: () => Promise<void> };
  console.log(`\n== ${f}`);
  await mod.default();
}
