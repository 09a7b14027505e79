import { describe, expect, it } from 'vitest';
import { bibtexForEvent, bibtexForSource, citeEvent, citeSource } from './cite.ts';
import type { PartialDate } from './dates.ts';
import { buildTimeline } from './build.ts';
import { type Source, type TimelineEvent } from './events.ts';
import { validateTimelineData } from './validate.ts';
import { deepFreeze, fixtureTexts, utc, validFixture } from './test-helpers.ts';

/* ---- fixtures ---------------------------------------------------------------------------- */

/** Partial dates built by hand (not by parsePartialDate), so these tests do not lean on dates.ts. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const day = (y: number, m: number, d: number, text: string): PartialDate => ({
	text,
	precision: 'day',
	start: utc(y, m, d),
	end: utc(y, m, d + 1),
	label: `${d} ${MONTHS[m]} ${y}`
});
const month = (y: number, m: number, text: string): PartialDate => ({
	text,
	precision: 'month',
	start: utc(y, m, 1),
	end: utc(y, m + 1, 1),
	label: `${MONTHS[m]} ${y}`
});
const year = (y: number): PartialDate => ({
	text: String(y),
	precision: 'year',
	start: utc(y, 0, 1),
	end: utc(y + 1, 0, 1),
	label: String(y)
});

const UNKNOWN: Source = {
	id: 's2',
	file: 'b.txt',
	name: 'A source',
	provenance: {},
	title: null,
	outlet: null,
	author: null,
	published: null,
	url: null,
	type: 'news report'
};

const KNOWN: Source = {
	id: 's1',
	file: 'a.txt',
	name: 'A source',
	provenance: {},
	title: 'Treaty signed in Moscow',
	outlet: 'Outlet A',
	author: 'Jane Doe',
	published: day(2025, 0, 17, '2025-01-17'),
	url: 'https://example.com/a',
	type: 'news report'
};

function fixtureEvents(): TimelineEvent[] {
	const { data, problems } = validateTimelineData(validFixture(), fixtureTexts());
	if (!data) throw new Error(`test fixture is invalid:\n${problems.join('\n')}`);
	return buildTimeline(data).events;
}

function eventById(id: string): TimelineEvent {
	const event = fixtureEvents().find((e) => e.id === id);
	if (!event) throw new Error(`no event ${id}`);
	return event;
}

const LINK = 'https://example.org/timeline/?event=treaty';

/**
 * Instants near midnight UTC on 21 November 2026. Under TZ=America/Los_Angeles the first is still
 * 20 November locally, so a local-time formatter would print the day before.
 */
const JUST_AFTER_MIDNIGHT = utc(2026, 10, 21, 0, 30);
const JUST_BEFORE_MIDNIGHT = utc(2026, 10, 21, 23, 59);

/* ---- citeSource --------------------------------------------------------------------------- */

describe('citeSource', () => {
	it.each([
		{
			name: 'every field null',
			source: UNKNOWN,
			expected: 'Author unknown. “Title unknown.” Outlet unknown (news report), date unknown. URL unknown.'
		},
		{
			name: 'every field known',
			source: KNOWN,
			expected:
				'Jane Doe. “Treaty signed in Moscow.” Outlet A (news report), 17 January 2025. https://example.com/a.'
		},
		{
			name: 'a month-precision date',
			source: { ...KNOWN, published: month(2024, 6, '2024-07') },
			expected:
				'Jane Doe. “Treaty signed in Moscow.” Outlet A (news report), July 2024. https://example.com/a.'
		},
		{
			name: 'a year-precision date',
			source: { ...KNOWN, published: year(2023) },
			expected: 'Jane Doe. “Treaty signed in Moscow.” Outlet A (news report), 2023. https://example.com/a.'
		},
		{
			name: 'only a title and an outlet known',
			source: { ...UNKNOWN, title: 'Iran joins BRICS', outlet: 'Outlet B', type: 'analysis' },
			expected: 'Author unknown. “Iran joins BRICS.” Outlet B (analysis), date unknown. URL unknown.'
		},
		{
			name: 'a government statement',
			source: { ...UNKNOWN, type: 'government statement' },
			expected:
				'Author unknown. “Title unknown.” Outlet unknown (government statement), date unknown. URL unknown.'
		}
	] as { name: string; source: Source; expected: string }[])(
		'citeSource(<$name>) is the full citation',
		({ source, expected }) => {
			expect(citeSource(source)).toBe(expected);
		}
	);

	it('citeSource(<1 January, year precision>) prints the UTC year, not the local one', () => {
		// 2025-01-01T00:00Z is still 2024 in Los Angeles.
		expect(citeSource({ ...KNOWN, published: year(2025) })).toContain(', 2025. ');
		expect(citeSource({ ...KNOWN, published: day(2025, 0, 1, '2025-01-01') })).toContain(
			', 1 January 2025. '
		);
	});

	it('citeSource(<every field null>) never prints null or undefined', () => {
		expect(citeSource(UNKNOWN)).not.toMatch(/null|undefined/);
	});

	it('citeSource(source) does not change the source', () => {
		const source = deepFreeze(structuredClone(KNOWN));
		expect(() => citeSource(source)).not.toThrow();
		expect(source).toEqual(KNOWN);
	});
});

/* ---- citeEvent ---------------------------------------------------------------------------- */

describe('citeEvent', () => {
	it('citeEvent(event, title, link, accessed) has the title, date text, link and accessed date', () => {
		expect(citeEvent(eventById('treaty'), 'Test timeline', LINK, JUST_BEFORE_MIDNIGHT)).toBe(
			`“Treaty signed” (17 January 2025). In Test timeline: a sourced timeline. ${LINK}. Accessed 21 November 2026.`
		);
	});

	it.each([
		{ name: 'just after midnight UTC', accessed: JUST_AFTER_MIDNIGHT },
		{ name: 'just before midnight UTC', accessed: JUST_BEFORE_MIDNIGHT }
	])('citeEvent(…, accessed <$name>) says "Accessed 21 November 2026" (UTC)', ({ accessed }) => {
		expect(citeEvent(eventById('treaty'), 'Test timeline', LINK, accessed)).toMatch(
			/ Accessed 21 November 2026\.$/
		);
	});

	it.runIf(process.env.TZ === 'America/Los_Angeles')(
		'the near-midnight date is another day in local time (so the test above can catch a leak)',
		() => {
			expect(JUST_AFTER_MIDNIGHT.getDate()).toBe(20);
			expect(JUST_AFTER_MIDNIGHT.getUTCDate()).toBe(21);
		}
	);

	it.each([
		{ name: 'a year-precision event', event: () => eventById('brics'), date: '(2023)' },
		{
			name: 'an approximate span',
			event: () => ({
				...eventById('brics'),
				date: year(2015),
				end: month(2024, 11, '2024-12'),
				approximate: true
			}),
			date: '(approx. 2015 – December 2024)'
		}
	])('citeEvent(<$name>, …) gives the date as readers see it', ({ event, date }) => {
		expect(citeEvent(event(), 'Test timeline', LINK, JUST_AFTER_MIDNIGHT)).toContain(` ${date}. `);
	});

	it('citeEvent(event, …) does not change the event or the accessed date', () => {
		const event = deepFreeze(eventById('treaty'));
		const snapshot = structuredClone(event);
		const accessed = utc(2026, 10, 21, 0, 30);
		expect(() => citeEvent(event, 'Test timeline', LINK, accessed)).not.toThrow();
		expect(event).toEqual(snapshot);
		expect(accessed.getTime()).toBe(JUST_AFTER_MIDNIGHT.getTime());
	});
});

/* ---- BibTeX ------------------------------------------------------------------------------- */

/**
 * Reads an entry as BibTeX does (scan_balanced_braces in bibtex.web): a field's value runs from its
 * `{` to the brace that brings the count back to zero, and a backslash does not hide a brace from
 * that count. Returns the fields in order, or null when BibTeX would misread the entry.
 */
function readBibtex(entry: string): [string, string][] | null {
	const head = /^@misc\{[a-z0-9-]+,\n/.exec(entry);
	if (!head) return null;
	const fields: [string, string][] = [];
	let i = head[0].length;
	for (;;) {
		const field = /^ {2}([a-z]+) = \{/.exec(entry.slice(i));
		if (!field) return null;
		i += field[0].length;
		const start = i;
		let depth = 1;
		for (; i < entry.length && depth > 0; i++) {
			if (entry[i] === '{') depth++;
			else if (entry[i] === '}') depth--;
		}
		if (depth > 0) return null;
		fields.push([field[1]!, entry.slice(start, i - 1)]);
		if (entry.startsWith(',\n', i)) i += 2;
		else return entry.slice(i) === '\n}' ? fields : null;
	}
}

/** LaTeX's escapes for \ { } undone: the text a reader of the typeset entry sees. */
function unescapeLatex(value: string): string {
	return value.replace(
		/\\text(backslash|braceleft|braceright)(?:\{\}| )?|\\([{}])/g,
		(_match, name: string | undefined, brace: string | undefined) =>
			brace ?? { backslash: '\\', braceleft: '{', braceright: '}' }[name!]!
	);
}

/** The text of one field as a reader sees it, or undefined when the entry has no such field. */
function fieldText(entry: string, name: string): string | undefined {
	const value = readBibtex(entry)?.find(([field]) => field === name)?.[1];
	return value === undefined ? undefined : unescapeLatex(value);
}

describe('bibtexForSource', () => {
	it('bibtexForSource(<every field null>) has only a note, listing what is unknown', () => {
		expect(bibtexForSource(UNKNOWN)).toBe(
			'@misc{source-s2,\n  note = {Source type: news report; title unknown; author unknown; date unknown}\n}'
		);
	});

	it('bibtexForSource(<every field known>) has every field and a note of the type alone', () => {
		expect(bibtexForSource(KNOWN)).toBe(
			[
				'@misc{source-s1,',
				'  title = {Treaty signed in Moscow},',
				'  author = {Jane Doe},',
				'  howpublished = {Outlet A},',
				'  year = {2025},',
				'  url = {https://example.com/a},',
				'  note = {Source type: news report}',
				'}'
			].join('\n')
		);
	});

	it.each([
		{ field: 'title', change: { title: null }, omitted: 'title', note: 'title unknown' },
		{ field: 'author', change: { author: null }, omitted: 'author', note: 'author unknown' },
		{ field: 'outlet', change: { outlet: null }, omitted: 'howpublished', note: undefined },
		{ field: 'published', change: { published: null }, omitted: 'year', note: 'date unknown' },
		{ field: 'url', change: { url: null }, omitted: 'url', note: undefined }
	] as { field: string; change: Partial<Source>; omitted: string; note?: string }[])(
		'bibtexForSource(<$field null>) omits $omitted and keeps the other fields',
		({ change, omitted, note }) => {
			const entry = bibtexForSource({ ...KNOWN, ...change });
			const names = readBibtex(entry)?.map(([name]) => name);
			const all = ['title', 'author', 'howpublished', 'year', 'url', 'note'];
			expect(names).toEqual(all.filter((name) => name !== omitted));
			expect(entry).not.toMatch(/null|undefined|= \{\}/);
			if (note) expect(fieldText(entry, 'note')).toContain(note);
		}
	);

	it('bibtexForSource(<1 January 2025>) has year 2025 (UTC), not 2024 (Los Angeles)', () => {
		expect(fieldText(bibtexForSource({ ...KNOWN, published: year(2025) }), 'year')).toBe('2025');
	});

	const hostile = [
		{ name: 'balanced braces', text: 'The {BRICS} group' },
		{ name: 'a backslash', text: 'C:\\Users\\treaty' },
		{ name: 'a lone {', text: 'Emoticon :-{ here' },
		{ name: 'a lone }', text: 'Emoticon :-} here' },
		{ name: 'a backslash before a brace', text: 'odd \\} text' },
		{ name: 'a field injection', text: 'x}, author = {Mallory' },
		{ name: 'an entry injection', text: 'x}\n}\n@misc{evil, title = {pwned' }
	];

	it('bibtexForSource(<title with {braces}>) escapes them, so they print rather than group', () => {
		const entry = bibtexForSource({ ...KNOWN, title: 'The {BRICS} group' });
		expect(entry).not.toContain('title = {The {BRICS} group}');
		expect(fieldText(entry, 'title')).toBe('The {BRICS} group');
	});

	it.each(hostile)(
		'bibtexForSource(<title with $name>) keeps the text and stays readable by BibTeX',
		({ text }) => {
			const entry = bibtexForSource({ ...KNOWN, title: text, author: text });
			expect(readBibtex(entry)?.map(([name]) => name), entry).toEqual([
				'title',
				'author',
				'howpublished',
				'year',
				'url',
				'note'
			]);
			// `\\` is a line break in LaTeX, not a backslash.
			expect(entry, entry).not.toContain('\\\\');
			expect(fieldText(entry, 'title')).toBe(text);
			expect(fieldText(entry, 'author')).toBe(text);
		}
	);

	it('bibtexForSource(source) does not change the source', () => {
		const source = deepFreeze(structuredClone(KNOWN));
		expect(() => bibtexForSource(source)).not.toThrow();
		expect(source).toEqual(KNOWN);
	});
});

describe('bibtexForEvent', () => {
	it('bibtexForEvent(event, title, link, accessed) is a @misc entry with the UTC accessed date', () => {
		expect(bibtexForEvent(eventById('treaty'), 'Test timeline', LINK, JUST_AFTER_MIDNIGHT)).toBe(
			[
				'@misc{timeline-treaty,',
				'  title = {Treaty signed},',
				'  howpublished = {Test timeline: a sourced timeline},',
				'  note = {Event dated 17 January 2025; accessed 2026-11-21},',
				`  url = {${LINK}}`,
				'}'
			].join('\n')
		);
	});

	it('bibtexForEvent(<title with a lone brace>, …) stays readable by BibTeX', () => {
		const event = { ...eventById('treaty'), title: 'Deal :-} signed' };
		const entry = bibtexForEvent(event, 'Test {timeline', LINK, JUST_AFTER_MIDNIGHT);
		expect(readBibtex(entry), entry).not.toBeNull();
		expect(fieldText(entry, 'title')).toBe('Deal :-} signed');
		expect(fieldText(entry, 'howpublished')).toBe('Test {timeline: a sourced timeline');
	});

	it('bibtexForEvent(event, …) does not change the event', () => {
		const event = deepFreeze(eventById('treaty'));
		const snapshot = structuredClone(event);
		expect(() => bibtexForEvent(event, 'Test timeline', LINK, JUST_AFTER_MIDNIGHT)).not.toThrow();
		expect(event).toEqual(snapshot);
	});
});
