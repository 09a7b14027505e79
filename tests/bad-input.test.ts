/**
 * Malformed events.json never reaches the page: each fixture below fails the real `vite build`
 * with its own exact, path-named message (and the count of problems), and the real events.json
 * and a few valid edge cases (a year-only event, a span, an event with many citations) always
 * build. Fixtures are written from the real events.json; source texts are written so that every
 * real excerpt stands verbatim in them (the real texts in sources/),
 * so the verbatim checks run too.
 *
 * The builds run two at a time in beforeAll (a build that fails at validation stops in a few
 * seconds; the two that succeed take ~20 s) and each fixture is then its own test.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { expect, test } from '@playwright/test';
import { oncePerRun, pool, removeDir, tempDir, viteBuild } from './fixture-build';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const REAL_TEXT = readFileSync('events.json', 'utf8');
const real = (): Json => JSON.parse(REAL_TEXT);
const REAL = real();
const SOURCE_IDS = REAL.sources.map((s: Json) => s.id).join(', ');
const THEMES = '"diplomacy", "military-security", "nuclear-energy", "economy-trade", "multilateral", "sanctions"';
const TYPES = '"news report", "analysis", "opinion", "government statement"';
const SOURCES = 'sources';

/** The first event index that satisfies `ok` (so fixtures keep working as events.json changes). */
function eventWhere(ok: (event: Json, index: number) => boolean, from = 0): number {
	const index = REAL.events.findIndex((event: Json, i: number) => i >= from && ok(event, i));
	if (index < 0) throw new Error('events.json has no event for this fixture');
	return index;
}
const fileOf = (sourceId: string): string => REAL.sources.find((s: Json) => s.id === sourceId).file;
/** The validator's rendering of a bad value: JSON, cut at 80 characters. */
function preview(value: unknown): string {
	const text = JSON.stringify(value);
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
/** JSON.parse's own message for `text`, as the build (same Node) reports it. */
function parseError(text: string): string {
	try {
		JSON.parse(text);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('fixture text is valid JSON');
}

interface Fixture {
	name: string;
	/** The file's text, or a change to a copy of the real data. */
	text?: string;
	change?: (data: Json) => void;
	/** Every problem the build must name, exactly. */
	problems: string[];
}

/** Sources whose URL is known (and so says where it came from): a bad URL there is the only problem. */
const WITH_URL: number[] = REAL.sources.flatMap((s: Json, i: number) => (s.url ? [i] : []));
const POINT = eventWhere((e) => !e.end && /^\d{4}-\d{2}-\d{2}$/.test(e.date));
const NOT_APPROX = eventWhere((e) => e.approximate === undefined, 1);
const WITH_PREFIX = eventWhere((e) => typeof e.citations[0].prefix === 'string' && e.citations[0].prefix.length > 0, 2);
const ERA = REAL.eras.length > 1 ? 1 : 0;

const FIXTURES: Fixture[] = [
	{
		name: 'a missing required field (event title)',
		change: (d) => delete d.events[2].title,
		problems: ['events[2].title: expected this required field, got nothing']
	},
	{
		name: 'a missing citation excerpt',
		change: (d) => delete d.events[3].citations[0].excerpt,
		problems: ['events[3].citations[0].excerpt: expected this required field, got nothing']
	},
	{
		name: 'a wrong type (approximate as a string)',
		change: (d) => (d.events[NOT_APPROX].approximate = 'yes'),
		problems: [`events[${NOT_APPROX}].approximate: expected true or false, got "yes"`]
	},
	{
		name: 'a wrong type (themes as a string, not a list)',
		change: (d) => (d.events[4].themes = 'diplomacy'),
		problems: ['events[4].themes: expected a list of themes, got "diplomacy"']
	},
	{
		name: 'a wrong type (a number for a title)',
		change: (d) => (d.events[5].title = 42),
		problems: ['events[5].title: expected a non-empty string, got 42']
	},
	{
		name: 'a blank title',
		change: (d) => (d.events[6].title = '   '),
		problems: ['events[6].title: expected a non-empty string, got "   "']
	},
	{
		name: 'an impossible date (30 February)',
		change: (d) => (d.events[POINT].date = '2023-02-30'),
		problems: [`events[${POINT}].date: expected a real calendar date, got "2023-02-30"`]
	},
	{
		name: 'an impossible month (13)',
		change: (d) => (d.events[7].date = '2024-13'),
		problems: ['events[7].date: expected a real calendar date, got "2024-13"']
	},
	{
		name: 'a date in the wrong format',
		change: (d) => (d.events[8].date = '2024-7-4'),
		problems: ['events[8].date: expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "2024-7-4"']
	},
	{
		name: 'a span that ends before it starts',
		change: (d) => (d.events[POINT].end = '1990'),
		problems: [`events[${POINT}].end: expected a date after date (${REAL.events[POINT].date}), got "1990"`]
	},
	{
		name: 'duplicate event ids',
		change: (d) => (d.events[12].id = d.events[11].id),
		problems: [`events[12].id: expected a unique id (events[11] has it too), got "${REAL.events[11].id}"`]
	},
	{
		name: 'an id that is not a slug',
		change: (d) => (d.events[13].id = 'Treaty Signed!'),
		problems: ['events[13].id: expected an id of lowercase letters, digits and hyphens, got "Treaty Signed!"']
	},
	{
		name: 'a citation of an unknown source',
		change: (d) => (d.events[14].citations[0].source = 's404'),
		problems: [`events[14].citations[0].source: expected the id of a source (${SOURCE_IDS}), got "s404"`]
	},
	{
		name: 'an excerpt that is not in its source',
		change: (d) => (d.events[15].citations[0].excerpt = 'Words that no source ever printed.'),
		problems: [
			`events[15].citations[0].excerpt: expected a verbatim span of ${fileOf(REAL.events[15].citations[0].source)}, got "Words that no source ever printed."`
		]
	},
	{
		name: 'a prefix that does not stand before its excerpt',
		change: (d) => (d.events[WITH_PREFIX].citations[0].prefix = 'An invented sentence. '),
		problems: [
			`events[${WITH_PREFIX}].citations[0]: expected prefix + excerpt + suffix to stand together in ${fileOf(REAL.events[WITH_PREFIX].citations[0].source)} (run npm run data:context), got "An invented sentence. "`
		]
	},
	{
		name: 'an unknown theme',
		change: (d) => (d.events[16].themes = ['weather']),
		problems: [`events[16].themes[0]: expected one of ${THEMES}, got "weather"`]
	},
	{
		name: 'no themes',
		change: (d) => (d.events[17].themes = []),
		problems: ['events[17].themes: expected at least one theme, got []']
	},
	{
		name: 'no citations',
		change: (d) => (d.events[18].citations = []),
		problems: ['events[18].citations: expected at least one citation, got []']
	},
	{
		name: 'an unknown field on an event',
		change: (d) => (d.events[19].colour = 'red'),
		// valibot reports an unknown key with the key itself as the "got" (as validate.test.ts records).
		problems: ['events[19].colour: expected no such field (is it misspelt?), got "colour"']
	},
	{
		name: 'an unknown field on a citation',
		change: (d) => (d.events[20].citations[0].quote = 'x'),
		problems: ['events[20].citations[0].quote: expected no such field (is it misspelt?), got "quote"']
	},
	{
		name: 'an unknown top-level field',
		change: (d) => (d.version = 2),
		problems: ['version: expected no such field (is it misspelt?), got "version"']
	},
	{
		name: 'an era that ends before it starts',
		change: (d) => (d.eras[ERA].end = '1900'),
		problems: [`eras[${ERA}].end: expected a date after start (${REAL.eras[ERA].start}), got "1900"`]
	},
	{
		name: 'an era with a bad id and a bad date',
		change: (d) => {
			d.eras[0].id = 'Bad Era';
			d.eras[0].start = 'early 1991';
		},
		problems: [
			'eras[0].id: expected an id of lowercase letters, digits and hyphens, got "Bad Era"',
			'eras[0].start: expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "early 1991"'
		]
	},
	{
		name: 'a non-http source URL (ftp:)',
		change: (d) => (d.sources[1].url = 'ftp://example.com/article'),
		problems: ['sources[1].url: expected an http(s) URL or null, got "ftp://example.com/article"']
	},
	{
		name: 'a javascript: source URL',
		change: (d) => (d.sources[WITH_URL[0]!].url = 'javascript:alert(1)'),
		problems: [`sources[${WITH_URL[0]}].url: expected an http(s) URL or null, got "javascript:alert(1)"`]
	},
	{
		name: 'a source URL that is not a URL',
		change: (d) => (d.sources[WITH_URL[1]!].url = 'not a url'),
		problems: [`sources[${WITH_URL[1]}].url: expected an http(s) URL or null, got "not a url"`]
	},
	{
		name: 'an unknown source type',
		change: (d) => (d.sources[0].type = 'blog'),
		problems: [`sources[0].type: expected one of ${TYPES}, got "blog"`]
	},
	{
		name: 'a source whose text file is missing',
		change: (d) => (d.sources[4].file = 'missing.txt'),
		problems: ['sources[4].file: expected the name of a file in the sources folder, got "missing.txt"']
	},
	{
		name: 'duplicate source ids',
		change: (d) => d.sources.push({ ...d.sources[0] }),
		problems: [`sources[${REAL.sources.length}].id: expected a unique id (sources[0] has it too), got "${REAL.sources[0].id}"`]
	},
	{
		name: 'events that are not a list',
		change: (d) => (d.events = { first: d.events[0] }),
		problems: [`events: expected a list of events, got ${preview({ first: REAL.events[0] })}`]
	},
	{
		name: 'no events',
		change: (d) => (d.events = []),
		problems: ['events: expected at least one event, got []']
	},
	{
		name: 'a top-level array',
		text: JSON.stringify(REAL.events),
		problems: [`(root): expected an object with title, description, updated, sources, eras and events, got ${preview(REAL.events)}`]
	},
	{
		name: 'a top-level null',
		text: 'null',
		problems: ['(root): expected an object with title, description, updated, sources, eras and events, got null']
	},
	{
		name: 'trailing garbage after the JSON',
		text: `${REAL_TEXT.trimEnd()}\n}garbage`,
		problems: [`events.json: expected valid JSON, got a parse error: ${parseError(`${REAL_TEXT.trimEnd()}\n}garbage`)}`]
	},
	{
		name: 'a trailing comma',
		text: '{"title": "x",}',
		problems: [`events.json: expected valid JSON, got a parse error: ${parseError('{"title": "x",}')}`]
	},
	{
		name: 'an empty file',
		text: '',
		problems: ['events.json: expected a JSON object, got an empty file']
	},
	{
		name: 'a file of whitespace',
		text: ' \n\t\n',
		problems: ['events.json: expected a JSON object, got an empty file']
	},
	{
		name: 'a byte-order mark (BOM)',
		text: `\uFEFF${REAL_TEXT}`,
		problems: ['events.json: expected UTF-8 without a byte-order mark (BOM), got a file that starts with U+FEFF']
	},
	{
		name: 'several problems at once',
		change: (d) => {
			d.events[9].date = '1999-02-29';
			d.events[10].themes = ['diplomacy', 'weather'];
			delete d.events[11].summary;
		},
		problems: [
			'events[9].date: expected a real calendar date, got "1999-02-29"',
			'events[10].themes[1]: expected one of ' + THEMES + ', got "weather"',
			'events[11].summary: expected this required field, got nothing'
		]
	}
];

/* ---- valid edge cases, built in full (validation, then the whole prerender) */

const allCitations = (data: Json) => data.events.flatMap((event: Json) => event.citations);
function edgeCases(): Json {
	const data = real();
	const [first] = allCitations(data);
	data.events.push(
		{
			id: 'edge-year-only',
			date: '1995',
			title: 'Edge case: an event dated only to a year',
			summary: 'A year-only event with no end.',
			dateBasis: 'sources',
			themes: ['diplomacy'],
			citations: [first]
		},
		{
			id: 'edge-span',
			date: '2001-03',
			end: '2002',
			approximate: true,
			context: true,
			dateBasis: 'outside',
			notes: [{ kind: 'editorial', text: 'A span from a month to a year.' }],
			title: 'Edge case: a span from March 2001 to 2002',
			summary: 'A span with month and year precision.',
			themes: ['economy-trade', 'sanctions'],
			citations: [first]
		},
		{
			id: 'edge-many-citations',
			date: '2025-01-18',
			title: 'Edge case: an event that cites every excerpt',
			summary: 'Every citation of the timeline on one event.',
			dateBasis: 'sources',
			themes: ['multilateral'],
			citations: allCitations(real())
		}
	);
	return data;
}
const EDGE_TITLES = ['Edge case: an event dated only to a year', 'Edge case: a span from March 2001 to 2002', 'Edge case: an event that cites every excerpt'];

interface Outcome {
	status: number | null;
	output: string;
	ms: number;
	/** For valid builds: whether each edge-case title made it into the built page. */
	built?: Record<string, boolean>;
}

/** Runs every build once per test run (shared by workers), two at a time. */
function runAll(): Promise<Record<string, Outcome>> {
	return oncePerRun('bad-input-builds', async () => {
		const dir = tempDir('timeline-bad-input-');
		try {
			const texts = SOURCES;
			const jobs: { name: string; text: string; keep?: boolean; sourcesDir?: string | null }[] = [
				// The full builds first, so the short failing ones fill in around them.
				{ name: 'real events.json', text: REAL_TEXT, keep: true },
				{ name: 'valid edge cases', text: JSON.stringify(edgeCases(), null, 2), keep: true },
				{ name: 'verbatim check skipped', text: REAL_TEXT, sourcesDir: null },
				{ name: 'no sources folder', text: REAL_TEXT, sourcesDir: join(dir, 'no-such-folder') },
				...FIXTURES.map((fixture) => {
					if (fixture.text !== undefined) return { name: fixture.name, text: fixture.text };
					const data = real();
					fixture.change!(data);
					return { name: fixture.name, text: JSON.stringify(data, null, '\t') };
				})
			];
			const outcomes = await pool(jobs, Math.max(1, Math.min(2, cpus().length)), async (job, i) => {
				const file = join(dir, `fixture-${i}`, 'events.json');
				mkdirSync(join(dir, `fixture-${i}`), { recursive: true });
				writeFileSync(file, job.text);
				const out = job.keep ? join(dir, `site-${i}`) : undefined;
				const sourcesDir = job.sourcesDir === undefined ? texts : (job.sourcesDir ?? undefined);
				const result = await viteBuild({ eventsFile: file, sourcesDir, outDir: out });
				const outcome: Outcome = { status: result.status, output: result.output, ms: result.ms };
				if (out) {
					const html = existsSync(join(out, 'index.html')) ? readFileSync(join(out, 'index.html'), 'utf8') : '';
					outcome.built = Object.fromEntries(EDGE_TITLES.map((title) => [title, html.includes(title)]));
				}
				return [job.name, outcome] as const;
			});
			return Object.fromEntries(outcomes);
		} finally {
			removeDir(dir);
		}
	});
}

let outcomes: Record<string, Outcome>;
test.beforeAll(async () => {
	test.setTimeout(600_000);
	outcomes = await runAll();
});

/** The build output without the stack trace, for readable failures. */
const shown = (outcome: Outcome) => outcome.output.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n').slice(0, 4000);

test.describe('a malformed events.json fails the build with its exact message', () => {
	for (const fixture of FIXTURES) {
		test(fixture.name, () => {
			const outcome = outcomes[fixture.name]!;
			expect(outcome.status, `vite build should fail:\n${shown(outcome)}`).not.toBe(0);
			const count = fixture.problems.length;
			expect(shown(outcome)).toContain(`events.json has ${count} problem${count === 1 ? '' : 's'}:`);
			for (const problem of fixture.problems) expect(shown(outcome)).toContain(`  - ${problem}`);
			// It stops at validation, before anything is compiled or prerendered.
			expect(outcome.output).not.toContain('building client environment');
		});
	}
});

test.describe('the verbatim check is never skipped silently', () => {
	const excerpts = REAL.events.reduce((sum: number, event: Json) => sum + event.citations.length, 0);

	test('the build says how many excerpts it checked, against which texts', () => {
		const outcome = outcomes['real events.json']!;
		expect(outcome.status, shown(outcome)).toBe(0);
		// Contained sources have no file of their own: their excerpts are checked in their container's.
		const files = REAL.sources.map((s: Json) => s.file).filter((f: string | undefined, i: number, all: string[]) => f && all.indexOf(f) === i);
		expect(outcome.output).toContain(`${REAL.events.length} events; ${excerpts} excerpts checked verbatim against ${files.length} source texts in`);
	});

	test('a missing sources folder fails the build, naming the folder and the fix', () => {
		const outcome = outcomes['no sources folder']!;
		expect(outcome.status, shown(outcome)).not.toBe(0);
		expect(shown(outcome)).toMatch(/no-such-folder: expected the folder of source texts the excerpts are checked against, got no such folder/);
		expect(shown(outcome)).toContain('git checkout -- sources');
		expect(shown(outcome)).toContain('TIMELINE_SKIP_VERBATIM=1');
		expect(outcome.output).not.toContain('building client environment');
	});

	test('skipping the check takes TIMELINE_SKIP_VERBATIM=1 and the build says so', () => {
		const outcome = outcomes['verbatim check skipped']!;
		expect(outcome.status, shown(outcome)).toBe(0);
		expect(outcome.output).toContain(`verbatim check of ${excerpts} excerpts SKIPPED (TIMELINE_SKIP_VERBATIM=1)`);
	});
});

test.describe('valid data is never rejected', () => {
	test('the real events.json builds', () => {
		const outcome = outcomes['real events.json']!;
		expect(outcome.status, shown(outcome)).toBe(0);
		expect(outcome.output).not.toMatch(/problems?:/);
	});

	for (const [i, title] of EDGE_TITLES.entries()) {
		test(['a year-only event builds', 'a span builds', 'an event with every citation builds'][i]!, () => {
			const outcome = outcomes['valid edge cases']!;
			expect(outcome.status, shown(outcome)).toBe(0);
			expect(outcome.output).not.toMatch(/problems?:/);
			expect(outcome.built?.[title], `"${title}" is on the built page`).toBe(true);
		});
	}
});
