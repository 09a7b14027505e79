import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline, readSourceTexts } from '../server/data.ts';
import { buildTimeline } from './build.ts';
import { type Timeline, type TimelineEvent } from './events.ts';
import { CSV_COLUMNS, csvCell, escapeXml, eventsToCsv, eventsToJson, sourceLine } from './export.ts';
import type { RawTimelineData } from './schema.ts';
import { validateTimelineData } from './validate.ts';
import { deepFreeze, fixtureTexts, utc, validFixture } from './test-helpers.ts';

/* ---- fixtures ---------------------------------------------------------------------------- */

function fixtureTimeline(): Timeline {
	const { data, problems } = validateTimelineData(validFixture(), fixtureTexts());
	if (!data) throw new Error(`test fixture is invalid:\n${problems.join('\n')}`);
	return buildTimeline(data);
}

/** The real events.json and source texts, resolved from this file (as real-data.test.ts does). */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const paths = dataPaths(ROOT);
const realRaw = JSON.parse(readFileSync(paths.eventsFile, 'utf8')) as RawTimelineData;
const realTexts = readSourceTexts(paths.sourcesDir);
const realTimeline = () => loadTimeline(paths, () => {});

/** The fixture's events with texts that CSV must quote or defuse (built directly, not validated). */
function hostileEvents(): TimelineEvent[] {
	const [brics, treaty] = fixtureTimeline().events;
	const source = treaty!.citations[0]!.source;
	const cite = (excerpt: string) => ({ source, excerpt, prefix: '', suffix: '' });
	return [
		{
			...brics!,
			title: 'Iran, Russia and "the West"',
			summary: 'Line one.\r\nLine two.\nLine three, with a comma.',
			notes: [{ kind: 'editorial', text: 'A note with "quotes", commas\rand a bare CR.' }],
			citations: [
				cite('He said, "no".'),
				cite('=HYPERLINK("https://evil.example","click")'),
				cite('+1 (555) 0100'),
				cite('-2 + 3'),
				cite('@SUM(A1:A9)'),
				cite('\tTabbed'),
				cite('Ends with a newline\n'),
				cite('a = b, which is fine')
			]
		},
		treaty!
	];
}

/**
 * An RFC 4180 reader: CRLF between records, cells that contain , " CR or LF quoted, "" for a quote.
 * Strict: a bare quote, a bare CR or LF, or text after a closing quote is an error.
 */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let i = 0;
	for (;;) {
		let cell = '';
		if (text[i] === '"') {
			i++;
			for (;;) {
				if (i >= text.length) throw new Error('unterminated quoted cell');
				if (text[i] !== '"') cell += text[i++];
				else if (text[i + 1] === '"') {
					cell += '"';
					i += 2;
				} else {
					i++;
					break;
				}
			}
		} else {
			while (i < text.length && !',\r\n'.includes(text[i]!)) {
				if (text[i] === '"') throw new Error(`bare quote at ${i}`);
				cell += text[i++];
			}
		}
		row.push(cell);
		if (text[i] === ',') {
			i++;
		} else if (text.startsWith('\r\n', i)) {
			rows.push(row);
			row = [];
			i += 2;
			if (i === text.length) return rows;
		} else if (i === text.length) {
			rows.push(row);
			return rows;
		} else {
			throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
		}
	}
}

/** What a CSV cell should read back as: the text, or the text behind an apostrophe if a formula. */
const defused = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);

/** Checks a CSV download against its events: one row per citation, every text read back. */
function expectCsvMatches(csv: string, events: readonly TimelineEvent[]) {
	const [header, ...rows] = parseCsv(csv);
	expect(header).toEqual([...CSV_COLUMNS]);
	const citations = events.flatMap((event) => event.citations.map((citation) => ({ event, citation })));
	expect(rows).toHaveLength(citations.length);
	rows.forEach((row, i) => {
		const { event, citation } = citations[i]!;
		const where = `row ${i + 1} (${event.id})`;
		expect(row, where).toHaveLength(CSV_COLUMNS.length);
		expect(row[column('event_id')], where).toBe(event.id);
		expect(row[column('source_id')], where).toBe(citation.source.id);
		expect(row[column('title')], where).toBe(defused(event.title));
		expect(row[column('label')], where).toBe(defused(event.label ?? ''));
		expect(row[column('key')], where).toBe(String(event.key));
		expect(row[column('summary')], where).toBe(defused(event.summary));
		expect(row[column('excerpt')], where).toBe(defused(citation.excerpt));
		if (!/^[=+\-@\t\r]/.test(citation.excerpt)) expect(row[column('excerpt')], where).toBe(citation.excerpt);
	});
}

/** 17 minutes after midnight UTC: still 20 November in Los Angeles. */
const EXPORTED = utc(2026, 10, 21, 0, 17);
const LINK = 'https://example.org/timeline/?from=2020&to=2025';

/* ---- csvCell ----------------------------------------------------------------------------- */

describe('csvCell', () => {
	it.each([
		{ name: 'plain text', value: 'plain text', expected: 'plain text' },
		{ name: 'an empty string', value: '', expected: '' },
		{ name: 'null', value: null, expected: '' },
		{ name: 'undefined', value: undefined, expected: '' },
		{ name: '0', value: 0, expected: '0' },
		{ name: 'true', value: true, expected: 'true' },
		{ name: 'false', value: false, expected: 'false' },
		{ name: 'a comma', value: 'Iran, Russia', expected: '"Iran, Russia"' },
		{ name: 'quotes', value: 'say "hi"', expected: '"say ""hi"""' },
		{ name: 'a lone quote', value: '5" gun', expected: '"5"" gun"' },
		{ name: 'a newline', value: 'one\ntwo', expected: '"one\ntwo"' },
		{ name: 'a CRLF', value: 'one\r\ntwo', expected: '"one\r\ntwo"' },
		{ name: 'a leading =', value: '=1+1', expected: "'=1+1" },
		{ name: 'a leading +', value: '+7 495', expected: "'+7 495" },
		{ name: 'a leading -', value: '-2', expected: "'-2" },
		{ name: 'a leading @', value: '@SUM(A1)', expected: "'@SUM(A1)" },
		{ name: 'a leading tab', value: '\tx', expected: "'\tx" },
		{ name: 'a leading CR', value: '\rx', expected: `"'\rx"` },
		{
			name: 'a formula with quotes and commas',
			value: '=HYPERLINK("https://evil.example","click")',
			expected: `"'=HYPERLINK(""https://evil.example"",""click"")"`
		},
		{ name: 'an = after the start', value: 'a = b', expected: 'a = b' },
		{ name: 'an apostrophe', value: "Iran's", expected: "Iran's" }
	])('csvCell(<$name>) is $expected', ({ value, expected }) => {
		expect(csvCell(value)).toBe(expected);
	});

	it.each(['plain', 'a,b', 'say "hi"', 'one\r\ntwo', '=1+1', '-2', '@x', '', 'ä “curly” – dash'])(
		'parseCsv(csvCell(%j)) reads back the (defused) text',
		(text) => {
			expect(parseCsv(`${csvCell(text)}\r\n`)).toEqual([[defused(text)]]);
		}
	);
});

/* ---- eventsToCsv ------------------------------------------------------------------------- */

describe('eventsToCsv', () => {
	it('eventsToCsv(events) starts with the CSV_COLUMNS header and ends each record with CRLF', () => {
		const csv = eventsToCsv(fixtureTimeline().events);
		expect(csv.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('eventsToCsv(events) has one row per citation, with every column filled from the event', () => {
		const rows = parseCsv(eventsToCsv(fixtureTimeline().events));
		expect(rows).toEqual([
			[...CSV_COLUMNS],
			[
				'brics', '2023', '', 'false', 'false', 'sources', 'Iran joins BRICS', '', 'false', 'Iran becomes a member of the BRICS group.',
				'multilateral', 'false', '', '', 's2', 'An unsigned analysis', '', '', '', '', 'analysis', '', '', '', 'Iran joined BRICS in 2023.'
			],
			[
				'treaty', '2025-01-17', '', 'false', 'false', 'sources', 'Treaty signed', '', 'false', 'Russia and Iran sign a treaty.',
				'diplomacy military-security', 'false', '', '', 's1', 'Outlet A', 'Treaty signed in Moscow', 'Outlet A', '',
				'2025-01-17', 'news report', 'https://example.com/a', '', '', 'signed in Moscow'
			],
			[
				'treaty', '2025-01-17', '', 'false', 'false', 'sources', 'Treaty signed', '', 'false', 'Russia and Iran sign a treaty.',
				'diplomacy military-security', 'false', '', '', 's2', 'An unsigned analysis', '', '', '', '', 'analysis', '', '', '',
				'Analysts noted the shift.'
			]
		]);
	});

	it('eventsToCsv([]) is the header alone', () => {
		expect(eventsToCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
	});

	it('eventsToCsv(<texts with commas, quotes, newlines and formulas>) reads back cell for cell', () => {
		const events = hostileEvents();
		const csv = eventsToCsv(events);
		expectCsvMatches(csv, events);
		const rows = parseCsv(csv);
		expect(rows[1]![column('notes')]).toBe('Editors’ note: A note with "quotes", commas\rand a bare CR.');
		expect(rows.slice(1).map((row) => row[column('excerpt')])).toEqual([
			'He said, "no".',
			`'=HYPERLINK("https://evil.example","click")`,
			"'+1 (555) 0100",
			"'-2 + 3",
			"'@SUM(A1:A9)",
			"'\tTabbed",
			'Ends with a newline\n',
			'a = b, which is fine',
			'signed in Moscow',
			'Analysts noted the shift.'
		]);
	});

	it('eventsToCsv(<events.json>) reads back: one row per citation, every excerpt exact', () => {
		const { events } = realTimeline();
		expectCsvMatches(eventsToCsv(events), events);
	});

	it('eventsToCsv(events) does not change the events', () => {
		const events = deepFreeze(hostileEvents());
		const snapshot = structuredClone(events);
		expect(() => eventsToCsv(events)).not.toThrow();
		expect(events).toEqual(snapshot);
	});
});

/* ---- eventsToJson ------------------------------------------------------------------------ */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readJson = (json: string): any => JSON.parse(json);

describe('eventsToJson', () => {
	it('eventsToJson(timeline, events) is JSON with the title, description, sources and events', () => {
		const timeline = fixtureTimeline();
		const data = readJson(eventsToJson(timeline, timeline.events));
		expect(data.title).toBe('Test timeline');
		expect(data.description).toBe('A fixture for the unit tests.');
		expect(data.sources.map((s: { id: string }) => s.id)).toEqual(['s1', 's2']);
		expect(data.events.map((e: { id: string }) => e.id)).toEqual(['brics', 'treaty']);
	});

	it('eventsToJson(timeline, events) gives each event in events.json’s own shape', () => {
		const timeline = fixtureTimeline();
		const data = readJson(eventsToJson(timeline, timeline.events));
		expect(data.events[1]).toEqual({
			id: 'treaty',
			date: '2025-01-17',
			dateBasis: 'sources',
			title: 'Treaty signed',
			summary: 'Russia and Iran sign a treaty.',
			themes: ['diplomacy', 'military-security'],
			citations: [
				expect.objectContaining({ source: 's1', excerpt: 'signed in Moscow' }),
				expect.objectContaining({ source: 's2', excerpt: 'Analysts noted the shift.' })
			]
		});
		expect(data.sources[0]).toEqual(
			expect.objectContaining({
				id: 's1',
				title: 'Treaty signed in Moscow',
				outlet: 'Outlet A',
				author: null,
				published: '2025-01-17',
				url: 'https://example.com/a',
				type: 'news report'
			})
		);
	});

	it('eventsToJson(timeline, <span, ongoing, approximate, label, key, context, notes, corrections, former ids, speaker, section>) keeps the optional fields', () => {
		const timeline = fixtureTimeline();
		const [brics] = timeline.events;
		const event: TimelineEvent = {
			...brics!,
			end: { ...brics!.date, text: '2024-12' },
			ongoing: true,
			approximate: true,
			label: 'Joins BRICS',
			key: true,
			context: true,
			formerIds: ['brics-old'],
			notes: [{ kind: 'not in these sources', text: 'Dated by the report.' }],
			corrections: [{ date: { ...brics!.date, text: '2026-12-02' }, text: 'Date corrected.' }],
			citations: [{ ...brics!.citations[0]!, speaker: 'UK Ministry of Defence', section: 'The signing' }]
		};
		const [out] = readJson(eventsToJson(timeline, [event])).events;
		expect(out).toEqual(
			expect.objectContaining({
				end: '2024-12',
				ongoing: true,
				approximate: true,
				label: 'Joins BRICS',
				key: true,
				context: true,
				formerIds: ['brics-old'],
				notes: [{ kind: 'not in these sources', text: 'Dated by the report.' }],
				corrections: [{ date: '2026-12-02', text: 'Date corrected.' }]
			})
		);
		expect(out.citations[0].speaker).toBe('UK Ministry of Defence');
		expect(out.citations[0].section).toBe('The signing');
	});

	it.each([
		{ ids: ['brics'], sources: ['s2'] },
		{ ids: ['treaty'], sources: ['s1', 's2'] },
		{ ids: [], sources: [] }
	])('eventsToJson(timeline, $ids) includes only the cited sources $sources', ({ ids, sources }) => {
		const timeline = fixtureTimeline();
		const events = timeline.events.filter((event) => ids.includes(event.id));
		const data = readJson(eventsToJson(timeline, events));
		expect(data.sources.map((s: { id: string }) => s.id)).toEqual(sources);
		expect(data.events.map((e: { id: string }) => e.id)).toEqual(ids);
	});

	it('eventsToJson(<events.json>, some events) has their citations, excerpts exact, and only their sources', () => {
		const timeline = realTimeline();
		const events = timeline.events.filter((_, i) => i % 3 === 0);
		const data = readJson(eventsToJson(timeline, events));
		expect(data.events.map((e: { id: string }) => e.id)).toEqual(events.map((e) => e.id));
		data.events.forEach((out: { date: string; title: string; citations: unknown[] }, i: number) => {
			const event = events[i]!;
			expect(out.date, event.id).toBe(event.date.text);
			expect(out.title, event.id).toBe(event.title);
			expect(
				out.citations.map((c) => {
					const { source, excerpt } = c as { source: string; excerpt: string };
					return { source, excerpt };
				}),
				event.id
			).toEqual(event.citations.map((c) => ({ source: c.source.id, excerpt: c.excerpt })));
		});
		const cited = new Set(events.flatMap((event) => event.citations.map((c) => c.source.id)));
		expect(data.sources.map((s: { id: string }) => s.id)).toEqual(
			timeline.sources.filter((s) => cited.has(s.id)).map((s) => s.id)
		);
	});

	it('eventsToJson(<events.json>) excerpts stand verbatim in the source texts (checked again in node)', () => {
		expect(realTexts).not.toBeNull();
		const timeline = realTimeline();
		const data = readJson(eventsToJson(timeline, timeline.events));
		// A contained source's excerpts stand in its container's text.
		const byId = new Map(realRaw.sources.map((source) => [source.id, source]));
		const files = new Map(realRaw.sources.map((source) => [source.id, source.within ? byId.get(source.within)!.file : source.file]));
		let checked = 0;
		for (const event of data.events) {
			for (const citation of event.citations) {
				const text = realTexts!.get(files.get(citation.source)!);
				expect(text, `${event.id}: ${citation.source}`).toBeDefined();
				expect(text!.includes(citation.excerpt), `${event.id}: ${citation.excerpt}`).toBe(true);
				checked++;
			}
		}
		expect(checked).toBe(realRaw.events.flatMap((event) => event.citations).length);
	});

	it('eventsToJson(<events.json>, all events) gives back events.json’s events, prefix and suffix too', () => {
		const timeline = realTimeline();
		const data = readJson(eventsToJson(timeline, timeline.events));
		const byId = new Map(realRaw.events.map((event) => [event.id, event]));
		for (const out of data.events) expect(out, out.id).toEqual(byId.get(out.id));
	});

	it('eventsToJson(<events.json>, all events) gives back events.json’s sources, notes included', () => {
		const timeline = realTimeline();
		const data = readJson(eventsToJson(timeline, timeline.events));
		// The file name is left to the read-back test below; the notes say why metadata is unknown.
		const withoutFiles = data.sources.map(({ file: _file, ...source }: { file?: string }) => source);
		expect(withoutFiles).toEqual(realRaw.sources.map(({ file: _file, ...source }) => source));
	});

	it('validateTimelineData(JSON.parse(eventsToJson(…)), sources) reads the download back', () => {
		const timeline = realTimeline();
		const data = readJson(eventsToJson(timeline, timeline.events));
		expect(validateTimelineData(data, realTexts).problems).toEqual([]);
	});

	it('eventsToJson(timeline, events) does not change the timeline or the events', () => {
		const timeline = deepFreeze(fixtureTimeline());
		const snapshot = structuredClone(timeline);
		expect(() => eventsToJson(timeline, timeline.events)).not.toThrow();
		expect(timeline).toEqual(snapshot);
	});
});

/* ---- sourceLine -------------------------------------------------------------------------- */

describe('sourceLine', () => {
	it('sourceLine(timeline, link, exported) names the sources, the link and the UTC date', () => {
		expect(sourceLine(fixtureTimeline(), LINK, EXPORTED)).toBe(
			`Sources: Outlet A; An unsigned analysis. ${LINK} — exported 21 November 2026`
		);
	});

	it.each([
		{ name: 'just after midnight UTC', exported: utc(2026, 10, 21, 0, 1) },
		{ name: 'just before midnight UTC', exported: utc(2026, 10, 21, 23, 59) }
	])('sourceLine(…, <$name>) says 21 November 2026 and has the link', ({ exported }) => {
		const line = sourceLine(fixtureTimeline(), LINK, exported);
		expect(line).toContain(LINK);
		expect(line).toMatch(/exported 21 November 2026$/);
	});

	it('sourceLine(timeline, …) does not change the timeline', () => {
		const timeline = deepFreeze(fixtureTimeline());
		const snapshot = structuredClone(timeline);
		expect(() => sourceLine(timeline, LINK, EXPORTED)).not.toThrow();
		expect(timeline).toEqual(snapshot);
	});
});

/* ---- escapeXml --------------------------------------------------------------------------- */

/** XML 1.0's Char production: what may appear in a document at all. */
const isXmlChar = (code: number) =>
	code === 0x9 ||
	code === 0xa ||
	code === 0xd ||
	(code >= 0x20 && code <= 0xd7ff) ||
	(code >= 0xe000 && code <= 0xfffd) ||
	(code >= 0x10000 && code <= 0x10ffff);

/** Whether text can stand in an XML text node or a quoted attribute value as it is. */
function isXmlSafe(text: string): boolean {
	const bare = text.replace(/&(?:lt|gt|amp|quot|apos);/g, '');
	return !/[<>&"']/.test(bare) && [...text].every((char) => isXmlChar(char.codePointAt(0)!));
}

describe('escapeXml', () => {
	it.each([
		{ name: '<', text: 'a < b', expected: 'a &lt; b' },
		{ name: '>', text: 'a > b', expected: 'a &gt; b' },
		{ name: '&', text: 'trade & energy', expected: 'trade &amp; energy' },
		{ name: '"', text: 'the "deal"', expected: 'the &quot;deal&quot;' },
		{ name: "'", text: "Iran's", expected: 'Iran&apos;s' },
		{ name: 'markup', text: '<script>alert(1)</script>', expected: '&lt;script&gt;alert(1)&lt;/script&gt;' },
		{ name: 'an entity already', text: '&amp; &#60;', expected: '&amp;amp; &amp;#60;' },
		{ name: 'a CDATA end', text: ']]>', expected: ']]&gt;' },
		{ name: 'NUL and other C0 controls', text: 'a\u0000b\u0007c\u001Bd\u001Fe', expected: 'abcde' },
		{ name: 'vertical tab and form feed', text: 'a\u000Bb\u000Cc', expected: 'abc' },
		{ name: 'tab, LF and CR (allowed)', text: 'a\tb\nc\rd', expected: 'a\tb\nc\rd' },
		{ name: 'typography and emoji', text: 'Iran–Russia “pact” é 🙂', expected: 'Iran–Russia “pact” é 🙂' },
		{ name: 'the non-characters U+FFFE and U+FFFF', text: 'a\uFFFEb\uFFFFc', expected: 'abc' },
		{ name: 'an empty string', text: '', expected: '' }
	])('escapeXml(<$name>) is $expected', ({ text, expected }) => {
		expect(escapeXml(text)).toBe(expected);
	});

	it('escapeXml(<every ASCII character, twice>) leaves no bare < & > " \' and no forbidden character', () => {
		const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('');
		const escaped = escapeXml(ascii + ascii);
		expect(isXmlSafe(escaped), JSON.stringify(escaped)).toBe(true);
		// Every printable character survives.
		const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
		const unescaped = escaped.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => entities[name]!);
		expect(unescaped).toBe((ascii + ascii).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
	});

	it('escapeXml(<the titles, summaries and excerpts of events.json>) is safe in a text node', () => {
		const { events } = realTimeline();
		const texts = events.flatMap((event) => [event.title, event.summary, ...event.citations.map((c) => c.excerpt)]);
		for (const text of texts) expect(isXmlSafe(escapeXml(text)), text).toBe(true);
	});
});
