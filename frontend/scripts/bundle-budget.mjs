// The initial-JavaScript budget: what the browser must download before the first page can render
// is the entry chunk and, recursively, the chunks it imports statically. Lazy routes and the chart
// library (dynamic imports) do not count. Run after `vite build` (build.manifest is on).
//
//   node scripts/bundle-budget.mjs        exit 1 when the gzipped sum exceeds the budget
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1024;

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');

/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[]}>} */
let manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
} catch (error) {
  console.error(`bundle-budget: cannot read ${manifestPath} (run \`npm run build\` first): ${String(error)}`);
  process.exit(2);
}

const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry === true);
if (entries.length === 0) {
  console.error('bundle-budget: the manifest names no entry chunk');
  process.exit(2);
}

// Depth-first over static imports only; each chunk counted once.
const initial = new Set();
const visit = (key) => {
  if (initial.has(key)) return;
  const chunk = manifest[key];
  if (chunk === undefined) throw new Error(`bundle-budget: the manifest has no chunk ${key}`);
  initial.add(key);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const entry of entries) visit(entry);

const rows = [...initial]
  .map((key) => manifest[key].file)
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(join(dist, file));
    const gzipped = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
    return { file, raw: bytes.length, gzipped };
  })
  .sort((a, b) => b.gzipped - a.gzipped);

const total = rows.reduce((sum, row) => sum + row.gzipped, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const width = Math.max(...rows.map((row) => row.file.length), 'total'.length);

console.log(`${'initial JavaScript'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip -9'.padStart(10)}`);
for (const row of rows) {
  console.log(`${row.file.padEnd(width)}  ${kb(row.raw).padStart(10)}  ${kb(row.gzipped).padStart(10)}`);
}
const rawTotal = rows.reduce((sum, row) => sum + row.raw, 0);
console.log(`${'total'.padEnd(width)}  ${kb(rawTotal).padStart(10)}  ${kb(total).padStart(10)}`);
console.log(`budget ${kb(BUDGET_BYTES)} gzipped: ${total <= BUDGET_BYTES ? 'within' : 'OVER'} (${String(total)} of ${String(BUDGET_BYTES)} bytes)`);

if (total > BUDGET_BYTES) process.exit(1);
