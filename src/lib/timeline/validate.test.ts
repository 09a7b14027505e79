import { describe, expect, it } from 'vitest';
import {
	formatPath,
	parseJsonText,
	previewValue,
	TimelineDataError,
	validateTimelineData
} from './validate.ts';
import { deepFreeze, fixtureTexts, validFixture } from './test-helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fixture = any;

const DATE_FORMAT = 'expected "YYYY", "YYYY-MM" or "YYYY-MM-DD"';
const THEMES =
	'expected one of "diplomacy", "military-security", "nuclear-energy", "economy-trade", "multilateral", "sanctions"';
const SOURCE_TYPES = 'expected one of "news report", "analysis", "opinion", "government statement"';

/** Makes the fixture's s2 a publication reproduced inside s1 (a.txt), with `extent` if given. */
function containInS1(d: Fixture, extent?: { start: string; end: string }) {
	delete d.sources[1].file;
	Object.assign(d.sources[1], { within: 's1' }, extent ? { extent } : {});
}

/** Cites only s1's own words in both events, so a case shows only its source problem. */
function citeOnlyS1(d: Fixture) {
	d.events[0].citations[0] = { source: 's1', excerpt: 'signed in Moscow' };
	d.events[1].citations[1] = { source: 's1', excerpt: 'signed in Moscow' };
}

describe('validateTimelineData', () => {
	it('validateTimelineData(validFixture(), texts) has no problems and returns the data unchanged', () => {
		const result = validateTimelineData(validFixture(), fixtureTexts());
		expect(result.problems).toEqual([]);
		expect(result.data).toEqual(validFixture());
	});

	const cases: { name: string; mutate: (data: Fixture) => void; problems: string[] }[] = [
		{
			name: 'a missing title',
			mutate: (d) => delete d.events[0].title,
			problems: ['events[0].title: expected this required field, got nothing']
		},
		{
			name: 'title: 42',
			mutate: (d) => (d.events[0].title = 42),
			problems: ['events[0].title: expected a non-empty string, got 42']
		},
		{
			name: 'a blank title',
			mutate: (d) => (d.events[0].title = '   '),
			problems: ['events[0].title: expected a non-empty string, got "   "']
		},
		{
			name: 'date "12/3/99"',
			mutate: (d) => (d.events[0].date = '12/3/99'),
			problems: [`events[0].date: ${DATE_FORMAT}, got "12/3/99"`]
		},
		{
			name: 'date 2024 as a number',
			mutate: (d) => (d.events[0].date = 2024),
			problems: [`events[0].date: ${DATE_FORMAT}, got 2024`]
		},
		{
			name: 'date "2023-02-30"',
			mutate: (d) => (d.events[0].date = '2023-02-30'),
			problems: ['events[0].date: expected a real calendar date, got "2023-02-30"']
		},
		{
			name: 'end before date',
			mutate: (d) => (d.events[1].end = '2024-12'),
			problems: ['events[1].end: expected a date after date (2025-01-17), got "2024-12"']
		},
		{
			name: 'end equal to date',
			mutate: (d) => (d.events[1].end = '2025-01-17'),
			problems: ['events[1].end: expected a date after date (2025-01-17), got "2025-01-17"']
		},
		{
			name: 'a duplicate event id',
			mutate: (d) => (d.events[1].id = 'brics'),
			problems: ['events[1].id: expected a unique id (events[0] has it too), got "brics"']
		},
		{
			name: 'an id that is not a slug',
			mutate: (d) => (d.events[1].id = 'Treaty 1'),
			problems: ['events[1].id: expected an id of lowercase letters, digits and hyphens, got "Treaty 1"']
		},
		{
			name: 'a citation naming an unknown source',
			mutate: (d) => (d.events[0].citations[0].source = 's9'),
			problems: ['events[0].citations[0].source: expected the id of a source (s1, s2), got "s9"']
		},
		{
			name: 'an excerpt not verbatim in its source',
			mutate: (d) => (d.events[0].citations[0].excerpt = 'Iran joined BRICS in 2024.'),
			problems: [
				'events[0].citations[0].excerpt: expected a verbatim span of b.txt, got "Iran joined BRICS in 2024."'
			]
		},
		{
			name: 'an excerpt from the other source',
			mutate: (d) => (d.events[1].citations[1].source = 's1'),
			problems: [
				'events[1].citations[1].excerpt: expected a verbatim span of a.txt, got "Analysts noted the shift."'
			]
		},
		{
			name: 'prefix + excerpt + suffix not contiguous',
			mutate: (d) => (d.events[0].citations[0].prefix = 'Beta begins here.'),
			problems: [
				'events[0].citations[0]: expected prefix + excerpt + suffix to stand together in b.txt (run npm run data:context), got "Beta begins here."'
			]
		},
		{
			name: 'a suffix that does not follow the excerpt',
			mutate: (d) => (d.events[1].citations[0].suffix = ' on 18 January 2025.'),
			problems: [
				'events[1].citations[0]: expected prefix + excerpt + suffix to stand together in a.txt (run npm run data:context), got "Alpha opens the file. The treaty was "'
			]
		},
		{
			name: 'an unknown theme',
			mutate: (d) => (d.events[0].themes = ['diplomacy', 'trade']),
			problems: [`events[0].themes[1]: ${THEMES}, got "trade"`]
		},
		{
			name: 'empty themes',
			mutate: (d) => (d.events[0].themes = []),
			problems: ['events[0].themes: expected at least one theme, got []']
		},
		{
			name: 'empty citations',
			mutate: (d) => (d.events[0].citations = []),
			problems: ['events[0].citations: expected at least one citation, got []']
		},
		{
			name: 'the typo "sumary"',
			mutate: (d) => {
				d.events[0].sumary = d.events[0].summary;
				delete d.events[0].summary;
			},
			problems: [
				'events[0].summary: expected this required field, got nothing',
				// valibot reports an unknown key with the key itself as the input.
				'events[0].sumary: expected no such field (is it misspelt?), got "sumary"'
			]
		},
		{
			name: 'an unknown field on a citation',
			mutate: (d) => (d.events[0].citations[0].page = 3),
			problems: ['events[0].citations[0].page: expected no such field (is it misspelt?), got "page"']
		},
		{
			name: 'approximate: "yes"',
			mutate: (d) => (d.events[0].approximate = 'yes'),
			problems: ['events[0].approximate: expected true or false, got "yes"']
		},
		{
			name: 'a bad source type',
			mutate: (d) => (d.sources[0].type = 'blog'),
			problems: [`sources[0].type: ${SOURCE_TYPES}, got "blog"`]
		},
		{
			name: 'a javascript: url',
			mutate: (d) => (d.sources[0].url = 'javascript:alert(1)'),
			problems: ['sources[0].url: expected an http(s) URL or null, got "javascript:alert(1)"']
		},
		{
			name: 'a url without a scheme',
			mutate: (d) => (d.sources[0].url = 'example.com/a'),
			problems: ['sources[0].url: expected an http(s) URL or null, got "example.com/a"']
		},
		{
			name: 'a source published "2025-13"',
			mutate: (d) => (d.sources[0].published = '2025-13'),
			problems: ['sources[0].published: expected a real calendar date, got "2025-13"']
		},
		{
			name: 'a duplicate source id',
			mutate: (d) => d.sources.push({ ...d.sources[0], title: 'A copy' }),
			problems: ['sources[2].id: expected a unique id (sources[0] has it too), got "s1"']
		},
		{
			name: 'a source file missing from the texts',
			mutate: (d) => (d.sources[1].file = 'c.txt'),
			problems: ['sources[1].file: expected the name of a file in the sources folder, got "c.txt"']
		},
		{
			name: 'an era that ends before it starts',
			mutate: (d) => (d.eras[0].end = '2020'),
			problems: ['eras[0].end: expected a date after start (2023), got "2020"']
		},
		{
			name: 'an era without an end',
			mutate: (d) => delete d.eras[0].end,
			problems: ['eras[0].end: expected this required field, got nothing']
		},
		{
			name: 'no events',
			mutate: (d) => (d.events = []),
			problems: ['events: expected at least one event, got []']
		},
		/* ---- who said what, where facts come from ---- */
		{
			name: 'a contained source whose container is unknown',
			mutate: (d) => {
				delete d.sources[1].file;
				d.sources[1].within = 's9';
				d.sources[1].extent = { start: 'Alpha', end: 'praised it.' };
			},
			problems: ['sources[1].within: expected the id of another source (s1, s2), got "s9"']
		},
		{
			name: 'a contained source with a file of its own',
			mutate: (d) => Object.assign(d.sources[1], { within: 's1', extent: { start: 'Both sides', end: 'praised it.' } }),
			problems: [
				'sources[1].file: expected no file for a contained source (its text is its container’s), got "b.txt"',
				// Its excerpts are checked against the container's text, where these do not stand.
				'events[0].citations[0].excerpt: expected a verbatim span of a.txt, got "Iran joined BRICS in 2023."',
				'events[1].citations[1].excerpt: expected a verbatim span of a.txt, got "Analysts noted the shift."'
			]
		},
		{
			name: 'a source with neither file nor container',
			mutate: (d) => delete d.sources[1].file,
			problems: ['sources[1].file: expected the file name of the source text (or "within" for a source reproduced inside another), got nothing']
		},
		{
			name: 'a contained source’s excerpt not in its container’s text',
			mutate: (d) => containInS1(d, { start: 'Both sides', end: 'praised it.' }),
			problems: [
				'events[0].citations[0].excerpt: expected a verbatim span of a.txt, got "Iran joined BRICS in 2023."',
				'events[1].citations[1].excerpt: expected a verbatim span of a.txt, got "Analysts noted the shift."'
			]
		},
		{
			name: 'a contained source without its extent',
			mutate: (d) => {
				containInS1(d);
				citeOnlyS1(d);
			},
			problems: ['sources[1].extent: expected the first and last words of the reproduced text ({ "start": …, "end": … }), got nothing']
		},
		{
			name: 'an extent whose words are not in the container',
			mutate: (d) => {
				containInS1(d, { start: 'Both sides', end: 'Alpha' });
				citeOnlyS1(d);
			},
			problems: ['sources[1].extent: expected start and end to stand, in that order, in a.txt, got {"start":"Both sides","end":"Alpha"}']
		},
		{
			// a.txt: "Alpha opens the file. [The treaty was signed in Moscow on 17 January 2025.] Both sides praised it."
			name: 'a reproduced passage credited to its container, and a container’s passage credited to the reproduced source',
			mutate: (d) => {
				containInS1(d, { start: 'The treaty', end: '17 January 2025.' });
				d.events[0].citations[0] = { source: 's2', excerpt: 'Both sides praised it.' };
				d.events[1].citations[1] = { source: 's2', excerpt: 'on 17 January 2025.' };
			},
			problems: [
				'events[0].citations[0].excerpt: expected a passage inside An unsigned analysis’s reproduced text (from "The treaty"), got "Both sides praised it."',
				'events[1].citations[0].source: expected "s2": the passage is An unsigned analysis’s text, reproduced in Outlet A, got "s1"'
			]
		},
		{
			name: 'known metadata without a note on where it comes from',
			mutate: (d) => delete d.sources[0].provenance.outlet,
			problems: ['sources[0].provenance.outlet: expected a note on where outlet "Outlet A" comes from, got nothing']
		},
		{
			name: 'a speaker on narration that quotes no one',
			mutate: (d) => (d.events[0].citations[0].speaker = 'UK Ministry of Defence'),
			problems: ['events[0].citations[0].speaker: expected no speaker: the excerpt quotes no one’s own words (the outlet’s narration is the outlet’s), got "UK Ministry of Defence"']
		},
		{
			name: 'an unknown date basis',
			mutate: (d) => (d.events[0].dateBasis = 'record'),
			problems: ['events[0].dateBasis: expected one of "sources", "inferred", "outside", got "record"']
		},
		{
			name: 'a note of an unknown kind',
			mutate: (d) => (d.events[0].notes = [{ kind: 'rumour', text: 'Heard somewhere.' }]),
			problems: ['events[0].notes[0].kind: expected one of "sources disagree", "not in these sources", "editorial", got "rumour"']
		},
		{
			name: 'an ongoing span carried past its newest source',
			mutate: (d) => Object.assign(d.events[1], { date: '2024', end: '2025-10', ongoing: true, citations: [d.events[1].citations[0]] }),
			problems: ['events[1].end: expected the date of the newest citing source (2025-01-17, Outlet A) for an ongoing span, got "2025-10"']
		},
		{
			name: 'an ongoing span cited by an undated source',
			mutate: (d) => Object.assign(d.events[0], { end: '2025', ongoing: true }),
			problems: ['events[0].ongoing: expected every citing source to have a published or notBefore date (an ongoing span ends at its newest source), got true']
		},
		{
			name: 'an ongoing span to an undated source’s own date, not marked approximate',
			mutate: (d) => {
				d.sources[1].notBefore = '2024-06';
				Object.assign(d.events[0], { end: '2024-06', ongoing: true });
			},
			problems: ['events[0].approximate: expected true: the span runs to the date An unsigned analysis’s text establishes, not a publication date, got nothing']
		},
		{
			name: 'a former id that another event answers to',
			mutate: (d) => (d.events[1].formerIds = ['brics']),
			problems: ['events[1].formerIds[0]: expected an id no other event answers to (events[0].id has it), got "brics"']
		},
		{
			name: 'a correction dated after the data’s last update',
			mutate: (d) => (d.events[0].corrections = [{ date: '2026-12-03', text: 'Date corrected.' }]),
			problems: ['events[0].corrections[0].date: expected a date on or before updated (2026-12-02), got "2026-12-03"']
		},
		{
			name: 'a correction without a day',
			mutate: (d) => (d.events[0].corrections = [{ date: '2026-12', text: 'Date corrected.' }]),
			problems: ['events[0].corrections[0].date: expected "YYYY-MM-DD", got "2026-12"']
		},
		{
			name: 'no updated date',
			mutate: (d) => delete d.updated,
			problems: ['updated: expected this required field, got nothing']
		},
		/* ---- the short label and the key flag ---- */
		{
			name: 'label: 42',
			mutate: (d) => (d.events[0].label = 42),
			problems: ['events[0].label: expected a short label (a string of at most 28 characters), got 42']
		},
		{
			name: 'an empty label',
			mutate: (d) => (d.events[0].label = ''),
			problems: ['events[0].label: expected a non-empty label, got ""']
		},
		{
			name: 'a blank label',
			mutate: (d) => (d.events[0].label = '   '),
			problems: ['events[0].label: expected a non-empty label, got "   "']
		},
		{
			name: 'a label with a line break',
			mutate: (d) => (d.events[0].label = 'Joins\nBRICS'),
			problems: ['events[0].label: expected a label on one line (no line breaks), got "Joins\\nBRICS"']
		},
		{
			name: 'a label with a leading space',
			mutate: (d) => (d.events[0].label = ' Joins BRICS'),
			problems: ['events[0].label: expected a label without leading or trailing spaces, got " Joins BRICS"']
		},
		{
			name: 'a label with a trailing space',
			mutate: (d) => (d.events[0].label = 'Joins BRICS '),
			problems: ['events[0].label: expected a label without leading or trailing spaces, got "Joins BRICS "']
		},
		{
			name: 'a label of 29 characters',
			mutate: (d) => (d.events[0].label = 'Iran becomes a BRICS member!!'),
			problems: ['events[0].label: expected a label of at most 28 characters (this one has 29), got "Iran becomes a BRICS member!!"']
		},
		{
			name: 'a label of 40 characters',
			mutate: (d) => (d.events[0].label = 'Iran enters the BRICS bloc of economies!'),
			problems: ['events[0].label: expected a label of at most 28 characters (this one has 40), got "Iran enters the BRICS bloc of economies!"']
		},
		{
			name: 'a label cut with "…"',
			mutate: (d) => (d.events[0].label = 'Iran joins BRI…'),
			problems: ['events[0].label: expected a label written to fit, not a cut title ending in "…" or "...", got "Iran joins BRI…"']
		},
		{
			name: 'a label cut with "..."',
			mutate: (d) => (d.events[0].label = 'Iran joins BRI...'),
			problems: ['events[0].label: expected a label written to fit, not a cut title ending in "…" or "...", got "Iran joins BRI..."']
		},
		{
			name: 'a label that is the title',
			mutate: (d) => (d.events[0].label = 'Iran joins BRICS'),
			problems: ['events[0].label: expected a short label other than the title (the title is shown where it fits), got "Iran joins BRICS"']
		},
		{
			name: 'key: "yes"',
			mutate: (d) => (d.events[0].key = 'yes'),
			problems: ['events[0].key: expected true or false, got "yes"']
		},
		{
			name: 'key: 1',
			mutate: (d) => (d.events[0].key = 1),
			problems: ['events[0].key: expected true or false, got 1']
		}
	];

	it.each(cases)('validateTimelineData(data with $name) names exactly that problem', ({ mutate, problems }) => {
		const data = validFixture();
		mutate(data);
		const result = validateTimelineData(data, fixtureTexts());
		expect(result.problems).toEqual(problems);
		expect(result.data).toBeNull();
	});

	it.each([
		{ label: 'Joins BRICS', key: true },
		{ label: 'Joins BRICS', key: false },
		// 28 characters counted by code point: the rocket is one character but two UTF-16 units.
		{ label: `${'x'.repeat(27)}🚀`, key: true },
		{ label: 'Iran… joins BRICS', key: true },
		{ label: 'Joins BRICS (2023)', key: undefined }
	])('validateTimelineData(data with label $label and key $key) accepts them', ({ label, key }) => {
		const data = validFixture();
		Object.assign(data.events[0], { label }, key === undefined ? {} : { key });
		expect(validateTimelineData(data, fixtureTexts())).toEqual({ data, problems: [] });
	});

	it('validateTimelineData(data with bad labels on two events) reports both at once', () => {
		const data = validFixture();
		data.events[0].label = 'Iran enters the BRICS bloc of economies!';
		data.events[1].label = 'Treaty signed';
		data.events[1].key = 'yes';
		expect(validateTimelineData(data, fixtureTexts()).problems).toEqual([
			'events[0].label: expected a label of at most 28 characters (this one has 40), got "Iran enters the BRICS bloc of economies!"',
			'events[1].key: expected true or false, got "yes"',
			'events[1].label: expected a short label other than the title (the title is shown where it fits), got "Treaty signed"'
		]);
	});

	it.each([
		{ raw: null, preview: 'null' },
		{ raw: 'events', preview: '"events"' },
		{ raw: 42, preview: '42' },
		{ raw: [], preview: '[]' }
	])('validateTimelineData($preview) says the top level must be an object', ({ raw, preview }) => {
		expect(validateTimelineData(raw, fixtureTexts())).toEqual({
			data: null,
			problems: [`(root): expected an object with title, description, updated, sources, eras and events, got ${preview}`]
		});
	});

	it('validateTimelineData(data with several problems) reports them all in one result', () => {
		const data = validFixture();
		data.events[0].date = '2023-02-30';
		data.events[0].themes = ['trade'];
		data.events[1].citations[0].source = 's9';
		data.events[1].citations[1].excerpt = 'Analysts doubted the shift.';
		data.sources[0].url = 'javascript:alert(1)';
		data.eras[0].end = '2020';
		const { data: output, problems } = validateTimelineData(data, fixtureTexts());
		expect(output).toBeNull();
		expect([...problems].sort()).toEqual(
			[
				'events[0].date: expected a real calendar date, got "2023-02-30"',
				`events[0].themes[0]: ${THEMES}, got "trade"`,
				'events[1].citations[0].source: expected the id of a source (s1, s2), got "s9"',
				'events[1].citations[1].excerpt: expected a verbatim span of b.txt, got "Analysts doubted the shift."',
				'sources[0].url: expected an http(s) URL or null, got "javascript:alert(1)"',
				'eras[0].end: expected a date after start (2023), got "2020"'
			].sort()
		);
	});

	it('validateTimelineData(data, null) skips only the checks against the source texts', () => {
		const data = validFixture();
		data.sources[1].file = 'c.txt';
		data.events[0].citations[0].excerpt = 'Not in any text.';
		data.events[1].citations[0].prefix = 'Not the text before. ';
		expect(validateTimelineData(data, null)).toEqual({ data, problems: [] });

		data.events[1].id = 'brics';
		data.events[0].citations[0].source = 's9';
		expect(validateTimelineData(data, null).problems).toEqual([
			'events[1].id: expected a unique id (events[0] has it too), got "brics"',
			'events[0].citations[0].source: expected the id of a source (s1, s2), got "s9"'
		]);
	});

	it.each([
		{ name: 'the valid fixture', mutate: () => {} },
		...cases.slice(0, 12)
	])('validateTimelineData(data with $name) does not mutate its input', ({ mutate }) => {
		const data = validFixture();
		mutate(data);
		const before = structuredClone(data);
		validateTimelineData(data, fixtureTexts());
		expect(data).toEqual(before);
	});

	it('validateTimelineData(frozen data) does not write to its input', () => {
		const data = deepFreeze(validFixture());
		expect(validateTimelineData(data, fixtureTexts()).problems).toEqual([]);
	});
});

describe('parseJsonText', () => {
	it('parseJsonText(\'{"a":1}\') is the value with no problems', () => {
		expect(parseJsonText('{"a":1}')).toEqual({ value: { a: 1 }, problems: [] });
	});

	it('parseJsonText(text starting with a BOM) asks for UTF-8 without a BOM', () => {
		expect(parseJsonText('\uFEFF{"a":1}')).toEqual({
			value: undefined,
			problems: [
				'events.json: expected UTF-8 without a byte-order mark (BOM), got a file that starts with U+FEFF'
			]
		});
	});

	it.each(['', '  \n\t'])('parseJsonText(%j) names an empty file', (text) => {
		expect(parseJsonText(text)).toEqual({
			value: undefined,
			problems: ['events.json: expected a JSON object, got an empty file']
		});
	});

	it.each(['{"a":1} x', '{"a":1,}', "{'a':1}"])('parseJsonText(%j) names a parse error', (text) => {
		const { value, problems } = parseJsonText(text);
		expect(value).toBeUndefined();
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^events\.json: expected valid JSON, got a parse error: \S/);
	});

	it('parseJsonText(text, "data.json") names that file', () => {
		expect(parseJsonText('', 'data.json').problems).toEqual([
			'data.json: expected a JSON object, got an empty file'
		]);
	});
});

describe('formatPath', () => {
	it.each([
		{ path: [], expected: '(root)' },
		{ path: ['title'], expected: 'title' },
		{ path: ['events', 12, 'citations', 0, 'excerpt'], expected: 'events[12].citations[0].excerpt' },
		{ path: ['events', 3, 'themes', 1], expected: 'events[3].themes[1]' },
		{ path: [0, 'id'], expected: '[0].id' }
	])('formatPath($path) is "$expected"', ({ path, expected }) => {
		expect(formatPath(path)).toBe(expected);
	});
});

describe('previewValue', () => {
	const circular: Record<string, unknown> = {};
	circular.self = circular;
	it.each([
		{ value: undefined, expected: 'nothing' },
		{ value: null, expected: 'null' },
		{ value: 42, expected: '42' },
		{ value: '12/3/99', expected: '"12/3/99"' },
		{ value: [], expected: '[]' },
		{ value: { a: 1 }, expected: '{"a":1}' },
		{ value: 'x'.repeat(78), expected: `"${'x'.repeat(78)}"` },
		{ value: 'x'.repeat(79), expected: `"${'x'.repeat(76)}…` },
		{ value: 10n, expected: '10' },
		{ value: circular, expected: '[object Object]' }
	])('previewValue($value) is $expected', ({ value, expected }) => {
		expect(previewValue(value)).toBe(expected);
	});
});

describe('TimelineDataError', () => {
	it('new TimelineDataError([a, b]) lists every problem in its message', () => {
		const error = new TimelineDataError(['first: bad', 'second: worse']);
		expect(error.name).toBe('TimelineDataError');
		expect(error.problems).toEqual(['first: bad', 'second: worse']);
		expect(error.message).toBe('events.json has 2 problems:\n  - first: bad\n  - second: worse');
	});

	it('new TimelineDataError([a], "x.json") says "1 problem"', () => {
		expect(new TimelineDataError(['only: one'], 'x.json').message).toBe('x.json has 1 problem:\n  - only: one');
	});
});

describe('reader-facing text never names a source by an id or file number', () => {
	// Each row: where the text goes, the text, and the word the validator must name (null: accepted).
	const rows: [string, (d: Fixture, text: string) => void, string, string | null][] = [
		['a summary', (d, t) => (d.events[0].summary = t), 'Source 000 says Iran joined.', '000'],
		['a summary', (d, t) => (d.events[0].summary = t), 'Noori (004) writes that ties grew.', '004'],
		['a title', (d, t) => (d.events[0].title = t), 'Zuesse (003) on Russia', '003'],
		['a label', (d, t) => (d.events[0].label = t), 'Per s1', 's1'],
		['a summary', (d, t) => (d.events[0].summary = t), 'As s1 reports, the treaty was signed.', 's1'],
		['a note', (d, t) => (d.events[0].notes = [{ kind: 'editorial', text: t }]), 'See a.txt for the wording.', 'a.txt'],
		['a correction', (d, t) => (d.events[0].corrections = [{ date: '2026-12-01', text: t }]), 'Credited to S2 before.', 'S2'],
		['an era description', (d, t) => (d.eras[0].description = t), 'As 001 dates it.', '001'],
		['a source’s provenance', (d, t) => (d.sources[0].provenance.title = t), 'From file 000.', '000'],
		['a summary', (d, t) => (d.events[0].summary = t), 'Moscow paid $1.7 billion for 11,000 drones amid 28,000 sanctions.', null],
		['a summary', (d, t) => (d.events[0].summary = t), 'In 2023 and 2024, 95 percent of trade in 1991 terms.', null],
		['a summary', (d, t) => (d.events[0].summary = t), 'The s1-style label and 2000s trade.', null]
	];

	it.each(rows)('%s: %j → %s', (_where, put, text, word) => {
		const data = validFixture();
		put(data, text);
		const problems = validateTimelineData(data, fixtureTexts()).problems;
		if (word === null) expect(problems).toEqual([]);
		else {
			expect(problems).toHaveLength(1);
			expect(problems[0]).toContain(`expected text that names sources by outlet or author, not by "${word}"`);
		}
	});
});
