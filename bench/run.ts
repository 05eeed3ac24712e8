// `npm run bench`: runs every bench/*.bench.ts (or those matching the arguments) one after another.
// `npm run bench -- --soak` runs only the soak test (bench/soak.ts; IDBROKER_SOAK_SECONDS, default 600).
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const dir = new URL('.', import.meta.url);

if (args.includes('--soak')) {
  const mod = (await import(new URL('soak.ts', dir).href)) as { default: () => Promise<void> };
  console.log('\n== soak.ts');
  await mod.default();
} else {
  const filters = args;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();

  for (const f of files) {
    const mod = (await import(new URL(f, dir).href)) as { default: () => Promise<void> };
    console.log(`\n== ${f}`);
    await mod.default();
  }
}
