/**
 * Query-string fuzzing: 202 generated query strings (a seeded PRNG, so every run tries the same
 * ones; set FUZZ_SEED to try others) plus 24 hand-written ones, built from the real vocabulary
 * (event, from, to, themes, sources, types, context, q, story, theme, title) and junk keys, with
 * random Unicode, huge values, broken percent-encoding, valid and invalid dates, real and unknown
 * ids, javascript: and markup. 86 generated ones open /, 116 open /embed (a lighter page), and the
 * hand-written ones open both, each with page.goto. None may leave a blank page (the plot
 * shows marks, or says that no event matches), log a console error or warning (tests/fixtures.ts),
 * throw, open a dialog or run the markup it carries.
 */
import type { Page } from '@playwright/test';
import { prng } from '../scripts/bench/generate.mjs';
import { data, expect, test } from './fixtures';

const SEED = Number(process.env.FUZZ_SEED ?? 20250117);
/** Queries per route, hand-written ones included. */
const PER_ROUTE = { '/': 110, '/embed': 140 } as const;
const CHUNKS = 3;
/** Node's HTTP server (scripts/serve.mjs) answers 431 above 16 KB of headers; real hosts allow less. */
const MAX_QUERY = 7000;

const EVENT_IDS = data.events.map((event) => event.id);
const SOURCE_IDS = data.sources.map((source) => source.id);
const THEMES = ['diplomacy', 'military-security', 'nuclear-energy', 'economy-trade', 'multilateral', 'sanctions'];
const TYPES = ['news report', 'analysis', 'opinion', 'government statement'];
const KEYS = ['event', 'from', 'to', 'themes', 'sources', 'types', 'context', 'q', 'story', 'theme', 'title'];
const JUNK_KEYS = ['foo', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'event[]', 'EVENT', ' q', 'q ', '', 'from[0]', 'themes.0', 'sources%5B%5D', '%00', 'utm_source', 'fbclid', '🙂', 'ñ', '\u202Eq'];
const HOSTILE = [
	'javascript:alert(1)',
	'JaVaScRiPt:window.__xss=1',
	'<script>alert(1)</script>',
	'<img src=x onerror=window.__xss=2>',
	'"><svg onload=alert(1)>',
	"'; alert(1); //",
	'${alert(1)}',
	'{{constructor.constructor("alert(1)")()}}',
	'</title><script>window.__xss=3</script>',
	'data:text/html,<script>alert(1)</script>',
	'\u202Eevil\u202C',
	'\u0000\u0001\u001f',
	'../../../../etc/passwd',
	'%3Cscript%3Ewindow.__xss%3D4%3C%2Fscript%3E'
];
const DATES = ['2025-01-17', '2025', '2024-07', '1991', '2025-10-23', '1990-01-01', '2030', '1800', '0000', '9999', '2025-02-30', '2024-02-29', '2023-02-29', '2025-13', '2025-00-10', '2025-1-1', '25-01-17', '2025-01-17T00:00:00Z', '+002025', '-2025', '1e3', 'NaN', 'Infinity', 'null', 'undefined', ' 2025', '2025 ', '２０２５', '2025\u200b', ''];
/** Raw percent garbage, inserted without encoding. */
const PERCENT = ['%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%FF%FE', '%ED%A0%80', '%F4%90%80%80', '%00', '%0A%0D', '%2', '%25', '%25%32%35', '+', '%2B', '&&', '==', '=&=', ';', '%3B', '#', '%23'];

function makeGenerator(rand: () => number) {
	const int = (n: number) => Math.floor(rand() * n);
	const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
	const ranges: [number, number][] = [
		[0x20, 0x7e],
		[0xa0, 0x24f],
		[0x300, 0x36f], // combining marks
		[0x590, 0x6ff], // Hebrew, Arabic
		[0x200b, 0x200f], // zero-width, LRM/RLM
		[0x202a, 0x202e], // bidi embeddings and overrides
		[0x2066, 0x2069], // bidi isolates
		[0x3040, 0x30ff],
		[0x4e00, 0x4e80],
		[0xfe00, 0xfe0f], // variation selectors
		[0xfff0, 0xfffd],
		[0x1f300, 0x1f6ff], // emoji (astral)
		[0x1d400, 0x1d4ff], // mathematical letters (astral)
		[0xe0000, 0xe007f] // tags
	];
	const unicode = (length: number) =>
		Array.from({ length }, () => {
			const [lo, hi] = pick(ranges);
			return String.fromCodePoint(lo + int(hi - lo + 1));
		}).join('');
	const enc = (text: string) => encodeURIComponent(text);

	/** A value for `key`, already encoded for the query string (or deliberately not). */
	function value(key: string): string {
		const roll = rand();
		if (roll < 0.08) return pick(PERCENT) + (rand() < 0.5 ? enc(unicode(1 + int(4))) : '');
		if (roll < 0.16) return enc(pick(HOSTILE));
		if (roll < 0.2) return enc(unicode(1 + int(40)));
		if (roll < 0.23) return enc('x'.repeat(500 + int(1500)) + unicode(int(20)));
		if (roll < 0.25) return enc(unicode(200 + int(600)));
		if (roll < 0.27) return '';
		switch (key) {
			case 'event':
				return enc(pick([pick(EVENT_IDS), pick(EVENT_IDS).toUpperCase(), `${pick(EVENT_IDS)} `, `${pick(EVENT_IDS)},${pick(EVENT_IDS)}`, 'no-such-event', '__proto__', 'constructor', pick(EVENT_IDS)]));
			case 'from':
			case 'to':
				return enc(pick(DATES));
			case 'themes':
				return Array.from({ length: 1 + int(4) }, () => enc(pick([...THEMES, ...THEMES, 'weather', 'DIPLOMACY', '', ' diplomacy']))).join(pick([',', ',', '%2C', ',,', ';']));
			case 'sources':
				return Array.from({ length: 1 + int(3) }, () => enc(pick([...SOURCE_IDS, ...SOURCE_IDS, 's999', 'S001', '']))).join(',');
			case 'types':
				return Array.from({ length: 1 + int(3) }, () => pick([...TYPES.map((t) => enc(t)), 'news+report', 'news%20report', 'blog', 'Opinion'])).join(',');
			case 'context':
			case 'story':
			case 'title':
				return pick(['0', '1', 'true', 'false', 'on', 'off', 'yes', 'no', 'null', '2', '-1', 'TRUE']);
			case 'theme':
				return pick(['light', 'dark', 'auto', 'Dark', 'purple', 'light,dark', '0']);
			case 'q':
				return enc(pick(['treaty', 'Putin', 'drones', 'BRICS', 'nuclear', 'Iran Russia', '“quoted”', 'a', 'e', '-', '*', '.*', '(', '[', '\\', '$&', '^$', 'zzz no match', unicode(3)]));
			default:
				return enc(unicode(1 + int(10)));
		}
	}

	/** A random query string, starting with "?", at most MAX_QUERY long. */
	return function query(embed: boolean): string {
		const keys = embed ? KEYS : KEYS.filter((key) => !['story', 'theme', 'title'].includes(key) || rand() < 0.3);
		const parts = Array.from({ length: 1 + int(6) }, () => {
			const key = rand() < 0.75 ? pick(keys) : pick(JUNK_KEYS);
			const encodedKey = rand() < 0.1 ? pick(PERCENT) + key : enc(key);
			const form = rand();
			if (form < 0.05) return encodedKey; // a key with no "="
			if (form < 0.08) return `${encodedKey}==${value(key)}`;
			return `${encodedKey}=${value(key)}`;
		});
		let text = `?${parts.join(rand() < 0.1 ? '&&' : '&')}`;
		if (rand() < 0.1) text += `#${enc(pick(['', 'event-treaty-signed', ':~:text=Iran', unicode(5)]))}`;
		return text.length > MAX_QUERY ? text.slice(0, MAX_QUERY) : text;
	};
}

/** Hand-written edge cases, tried first on both routes. */
const FIXED = [
	'?',
	'?&',
	'?=',
	'?==&&==',
	'?event',
	'?event=',
	'?event=treaty-signed&event=no-such',
	'?event=no-such&event=treaty-signed',
	'?from=2025-01-17',
	'?to=2025-01-17',
	'?from=2025-01-20&to=2025-01-10',
	'?from=2025-01-17&to=2025-01-17',
	'?from=1000&to=9999',
	'?from=2025-02-30&to=2025-03-01',
	'?themes=,,,&sources=,&types=,',
	'?q=%',
	'?q=%E0%A4%A',
	`?q=${'x'.repeat(6000)}`,
	`?event=${'a'.repeat(5000)}`,
	'?q=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E',
	'?q=%E2%80%AEevil',
	'?context=0&themes=weather',
	'?theme=dark&story=1&title=0&event=treaty-signed',
	'?__proto__[event]=treaty-signed&constructor=1'
];

function queriesFor(route: '/' | '/embed'): string[] {
	const next = makeGenerator(prng(SEED + (route === '/' ? 0 : 1)));
	const generated = Array.from({ length: PER_ROUTE[route] - FIXED.length }, () => next(route === '/embed'));
	return [...FIXED, ...generated];
}

/** What the page shows once the app has mounted and applied the query. */
async function inspect(page: Page) {
	await page.getByTestId('overview').waitFor({ state: 'attached', timeout: 10_000 });
	return page.evaluate(async () => {
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		const plot = document.querySelector('[role="group"][aria-label^="Events from"]');
		const marks = plot ? [...plot.querySelectorAll('button[data-event-id], button.cluster')].filter((b) => (b as HTMLElement).offsetWidth > 0).length : -1;
		const noMatch = [...document.querySelectorAll('[role="status"]')].some((s) => /No events match/.test(s.textContent ?? '') && (s as HTMLElement).offsetHeight > 0);
		return {
			marks,
			noMatch,
			range: document.querySelector('[data-testid="visible-range"]')?.textContent ?? '(no range)',
			xss: (window as unknown as { __xss?: unknown }).__xss,
			bodyText: document.body.innerText.trim().length
		};
	});
}

for (const route of ['/', '/embed'] as const) {
	test.describe(`fuzzed queries on ${route}`, () => {
		test.use({ reducedMotion: 'reduce' });
		const queries = queriesFor(route);
		const size = Math.ceil(queries.length / CHUNKS);
		for (let chunk = 0; chunk < CHUNKS; chunk++) {
			const slice = queries.slice(chunk * size, (chunk + 1) * size);
			test(`queries ${chunk * size + 1}–${chunk * size + slice.length} of ${queries.length} (seed ${SEED})`, async ({ page }) => {
				test.setTimeout(20_000 + slice.length * 2_000);
				let current = '';
				const problems: string[] = [];
				page.on('console', (message) => {
					if (message.type() === 'error' || message.type() === 'warning') problems.push(`${route}${current}: console ${message.type()}: ${message.text().slice(0, 200)}`);
				});
				page.on('pageerror', (error) => problems.push(`${route}${current}: pageerror: ${error.message.slice(0, 200)}`));
				page.on('dialog', (dialog) => {
					problems.push(`${route}${current}: ${dialog.type()} dialog "${dialog.message()}"`);
					dialog.dismiss().catch(() => {});
				});
				for (const query of slice) {
					current = query;
					const shown = `${route}${query.length > 160 ? `${query.slice(0, 160)}… (${query.length} chars)` : query}`;
					const response = await page.goto(`${route}${query}`, { waitUntil: 'domcontentloaded' });
					if (!response?.ok()) {
						problems.push(`${shown}: HTTP ${response?.status()}`);
						continue;
					}
					const state = await inspect(page).catch((error: Error) => ({ error: error.message.split('\n')[0] }));
					if ('error' in state) {
						problems.push(`${shown}: the app never mounted (${state.error})`);
						continue;
					}
					if (state.marks <= 0 && !state.noMatch) {
						// Say what the full page makes of the same query (it shows a count and a message).
						let onMain = '';
						if (route === '/embed') {
							await page.goto(`/${query}`);
							await inspect(page).catch(() => null);
							onMain = `; / with the same query shows "${await page.getByTestId('event-count').innerText().catch(() => '?')}"`;
						}
						problems.push(`${shown}: blank timeline: no marks and no "No events match" message (range "${state.range}")${onMain}`);
					}
					if (!/^(\d{1,2} )?([A-Z][a-z]{2} )?\d{4} – (\d{1,2} )?([A-Z][a-z]{2} )?\d{4}$/.test(state.range)) problems.push(`${shown}: odd visible range "${state.range}"`);
					if (state.xss !== undefined) problems.push(`${shown}: window.__xss was set to ${String(state.xss)}`);
				}
				expect(problems, `${problems.length} problems in ${slice.length} queries`).toEqual([]);
			});
		}
	});
}
