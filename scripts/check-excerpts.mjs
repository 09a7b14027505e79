#!/usr/bin/env node
// check-excerpts: every string stored under a key named like "excerpt" or "quote" in a JSON file
// must stand verbatim, as one contiguous span, in at least one of the source texts in a folder.
// usage: node scripts/check-excerpts.mjs events.json sources   (npm run data:check)
// A copy of the workplace's shared checker, kept here so that a clone checks itself.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [file, folder] = process.argv.slice(2);
if (!file || !folder) {
  console.error('usage: check-excerpts.mjs EVENTS.json SOURCES_FOLDER');
  process.exit(2);
}

let data;
try {
  data = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`${file}: not readable JSON: ${e.message}`);
  process.exit(1);
}
const texts = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));

const found = [];
(function walk(node, path) {
  if (Array.isArray(node)) return node.forEach((v, i) => walk(v, `${path}[${i}]`));
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      const here = `${path}.${key}`;
      if (/excerpt|quote/i.test(key) && typeof value === 'string') found.push({ path: here, value });
      else walk(value, here);
    }
  }
})(data, '$');

const missing = found.filter(({ value }) => !texts.some(({ text }) => text.includes(value)));
if (found.length === 0) {
  console.error(`${file}: no excerpts found (no string under a key named like "excerpt" or "quote")`);
  process.exit(1);
}
if (missing.length > 0) {
  console.error(`${missing.length} of ${found.length} excerpts in ${file} do not stand verbatim in any source text:`);
  for (const { path, value } of missing.slice(0, 10)) console.error(`  ${path}: "${value.slice(0, 90)}"`);
  process.exit(1);
}
console.log(`${found.length} excerpts, all verbatim in the source texts`);
