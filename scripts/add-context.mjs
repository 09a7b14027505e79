#!/usr/bin/env node
// Fills in each citation's prefix and suffix (the sentence before and after the excerpt) from the
// source texts, so the page can show every excerpt in context without shipping whole articles.
// usage: npm run data:context [-- events.json sources]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextFor, extentIn } from '../src/lib/timeline/context.js';

const [file = 'events.json', folder = process.env.TIMELINE_SOURCES_DIR ?? 'sources'] = process.argv.slice(2);
const data = JSON.parse(readFileSync(file, 'utf8'));
// A source contained in another (Borna News inside Zuesse's post) is read in its container's text.
const byId = new Map(data.sources.map((source) => [source.id, source]));
const fileOf = new Map(data.sources.map((source) => [source.id, source.within ? byId.get(source.within)?.file : source.file]));
/**
 * Page debris kept out of the context shown around an excerpt: a scraper's "date 2025-10-24" stamp
 * and lines of emoji lost as "????". The context is only cut from its outer ends, so prefix +
 * excerpt + suffix still stands verbatim in the text.
 */
const DEBRIS = [/\bdate \d{4}-\d{2}-\d{2}\s*/, /[^\n]*\?{4}[^\n]*/, /\(All of my recent articles can be seen here\.\)/];
function withoutDebris({ prefix, suffix }) {
	for (const pattern of DEBRIS) {
		const before = [...prefix.matchAll(new RegExp(pattern, 'g'))].at(-1);
		if (before) prefix = prefix.slice(before.index + before[0].length);
		const after = suffix.search(pattern);
		if (after >= 0) suffix = suffix.slice(0, after);
	}
	return { prefix: prefix.trimStart(), suffix: suffix.trimEnd() };
}

/**
 * The part of the text whose words belong to the cited source: a reproduced publication's extent,
 * or, for its container, the stretch between the reproduced texts around the excerpt.
 */
function regionFor(text, excerpt, source) {
	if (source.within) return extentIn(text, source.extent) ?? [0, text.length];
	const at = text.indexOf(excerpt);
	let [lo, hi] = [0, text.length];
	for (const other of data.sources.filter((s) => s.within === source.id)) {
		const span = extentIn(text, other.extent);
		if (!span) continue;
		if (span[1] <= at) lo = Math.max(lo, span[1]);
		if (span[0] >= at + excerpt.length) hi = Math.min(hi, span[0]);
	}
	return [lo, hi];
}
let filled = 0;
const missing = [];
data.events.forEach((event, i) =>
	event.citations.forEach((citation, j) => {
		const text = readFileSync(join(folder, fileOf.get(citation.source)), 'utf8');
		const found = contextFor(text, citation.excerpt, regionFor(text, citation.excerpt, byId.get(citation.source)));
		if (!found) return missing.push(`events[${i}].citations[${j}].excerpt`);
		const context = withoutDebris(found);
		// Keep the key order readable: source, excerpt, prefix, suffix, then the rest.
		const { source, excerpt, prefix: _p, suffix: _s, ...rest } = citation;
		event.citations[j] = { source, excerpt, ...context, ...rest };
		filled++;
	})
);
writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
console.log(`${filled} citations given their context${missing.length ? `; not found in their source: ${missing.join(', ')}` : ''}`);
process.exit(missing.length ? 1 : 0);
