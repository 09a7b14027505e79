import { describe, expect, it } from 'vitest';
import { buildTimeline } from './build.ts';
import { citationGroups, correctionLog, eventButtonName, eventDateText, formerIdMap, groupByEra, sourceCount, sourceCredit, type Citation, type Era, type Source, type TimelineEvent } from './events.ts';
import { validateTimelineData } from './validate.ts';
import { deepFreeze, fixtureTexts, utc, validFixture } from './test-helpers.ts';
import type { RawEvent, RawTimelineData } from './schema.ts';

/** The fixture with its events replaced, checked by the validator first as the build does. */
function rawWith(events?: Partial<RawEvent>[]): RawTimelineData {
	const data = validFixture();
	if (events) {
		data.events = events.map((event, i) => ({
			id: `event-${i}`,
			title: `Event ${i}`,
			summary: 'A summary.',
			dateBasis: 'sources',
			themes: ['diplomacy'],
			citations: [{ source: 's2', excerpt: 'Iran joined BRICS in 2023.' }],
			...event
		}));
	}
	const { data: valid, problems } = validateTimelineData(data, fixtureTexts());
	if (!valid) throw new Error(`test fixture is invalid:\n${problems.join('\n')}`);
	return valid;
}

function eventById(events: TimelineEvent[], id: string): TimelineEvent {
	const event = events.find((e) => e.id === id);
	if (!event) throw new Error(`no event ${id}`);
	return event;
}

describe('buildTimeline', () => {
	it('buildTimeline(data) joins each citation to its source, file name included', () => {
		const timeline = buildTimeline(rawWith());
		const treaty = eventById(timeline.events, 'treaty');
		expect(treaty.citations[0]!.source).toEqual({
			id: 's1',
			name: 'Outlet A',
			file: 'a.txt',
			title: 'Treaty signed in Moscow',
			outlet: 'Outlet A',
			author: null,
			published: { text: '2025-01-17', precision: 'day', start: utc(2025, 0, 17), end: utc(2025, 0, 18), label: '17 January 2025' },
			url: 'https://example.com/a',
			type: 'news report',
			// Where each known value came from, carried over as the fixture states it.
			provenance: validFixture().sources[0].provenance
		});
		expect(treaty.citations[0]!.source).toBe(timeline.sources[0]);
		expect(treaty.citations[1]!.source).toBe(timeline.sources[1]);
		expect(timeline.sources[1]!.published).toBeNull();
	});

	it('buildTimeline(data) fills the optional fields with their defaults', () => {
		const brics = eventById(buildTimeline(rawWith()).events, 'brics');
		expect(brics).toMatchObject({ approximate: false, ongoing: false, context: false, label: null, key: false, notes: [], corrections: [], formerIds: [], end: undefined });
		expect(brics.endTime).toBeUndefined();
		const treaty = eventById(buildTimeline(rawWith()).events, 'treaty');
		expect(treaty.citations[1]).toMatchObject({ prefix: '', suffix: '', speaker: undefined, section: undefined });
	});

	it.each([
		{ given: { label: 'Joins BRICS', key: true }, label: 'Joins BRICS', key: true },
		{ given: { label: 'Joins BRICS', key: false }, label: 'Joins BRICS', key: false },
		{ given: { label: 'Joins BRICS' }, label: 'Joins BRICS', key: false },
		{ given: { key: true }, label: null, key: true },
		{ given: {}, label: null, key: false }
	])('buildTimeline(event with $given) has label $label and key $key', ({ given, label, key }) => {
		const [event] = buildTimeline(rawWith([{ date: '2023', ...given }])).events;
		expect(event).toMatchObject({ label, key });
	});

	it('buildTimeline(data) keeps title, summary, themes, eras and the top-level text', () => {
		const timeline = buildTimeline(rawWith());
		expect(timeline.title).toBe('Test timeline');
		expect(timeline.description).toBe('A fixture for the unit tests.');
		expect(eventById(timeline.events, 'treaty').themes).toEqual(['diplomacy', 'military-security']);
		expect(timeline.eras).toEqual([
			{
				id: 'treaty-era',
				name: 'Treaty era',
				start: { text: '2023', precision: 'year', start: utc(2023), end: utc(2024), label: '2023' },
				end: { text: '2026', precision: 'year', start: utc(2026), end: utc(2027), label: '2026' },
				description: 'After BRICS.'
			}
		]);
	});

	it.each([
		{ date: '2025-01-17', time: utc(2025, 0, 17, 12) },
		{ date: '2025-01', time: utc(2025, 0, 16, 12) },
		{ date: '2024', time: utc(2024, 6, 2) }
	])('buildTimeline(event dated "$date").time is the middle of its period', ({ date, time }) => {
		const [event] = buildTimeline(rawWith([{ date }])).events;
		expect(event!.time).toBe(time.getTime());
	});

	it('buildTimeline(span "2015-09" to "2024-12") starts at the first and ends after the last month', () => {
		const [event] = buildTimeline(rawWith([{ date: '2015-09', end: '2024-12' }])).events;
		expect(event!.time).toBe(utc(2015, 8, 1).getTime());
		expect(event!.endTime).toBe(utc(2025, 0, 1).getTime());
		expect(event!.end?.text).toBe('2024-12');
	});

	it('buildTimeline(unsorted events) sorts by time, keeping the file order on ties', () => {
		const raw = rawWith([
			{ id: 'year-2025', date: '2025' },
			{ id: 'day-b', date: '2025-01-17' },
			{ id: 'span-2015', date: '2015-09', end: '2024-12' },
			{ id: 'day-a', date: '2025-01-17' },
			{ id: 'month-jan', date: '2025-01' },
			{ id: 'day-c', date: '2025-01-17' }
		]);
		expect(buildTimeline(raw).events.map((event) => event.id)).toEqual([
			'span-2015',
			'month-jan',
			'day-b',
			'day-a',
			'day-c',
			'year-2025'
		]);
	});

	it('buildTimeline(data) does not mutate its input', () => {
		const raw = rawWith([
			{ id: 'b', date: '2025', themes: ['sanctions', 'diplomacy'] },
			{ id: 'a', date: '2013', end: '2014' }
		]);
		const before = structuredClone(raw);
		const timeline = buildTimeline(deepFreeze(raw));
		expect(raw).toEqual(before);
		// The model owns its arrays: changing them leaves the raw data alone.
		timeline.events[0]!.themes.push('economy-trade');
		expect(raw).toEqual(before);
	});

	it('buildTimeline(data with an unvalidated date) throws and says to validate first', () => {
		const raw = rawWith();
		const broken = { ...raw, events: [{ ...raw.events[0]!, date: '12/3/99' }] };
		expect(() => buildTimeline(broken)).toThrow('unvalidated date "12/3/99": validate events.json first');
	});
});

describe('eventButtonName', () => {
	const timeline = buildTimeline(
		rawWith([
			{
				id: 'treaty',
				date: '2025-01-17',
				title: 'Putin and Pezeshkian sign a treaty',
				citations: [
					{ source: 's1', excerpt: 'signed in Moscow' },
					{ source: 's2', excerpt: 'Iran joined BRICS in 2023.' }
				]
			},
			{ id: 'brics', date: '2023', title: 'Iran joins BRICS' },
			{ id: 'pezeshkian', date: '2024-07', approximate: true, context: true, title: 'Pezeshkian takes office' },
			{
				id: 'same-source',
				date: '2015-09',
				end: '2024-12',
				title: 'Syrian civil war',
				citations: [
					{ source: 's2', excerpt: 'Iran joined BRICS in 2023.' },
					{ source: 's2', excerpt: 'Analysts noted the shift.' }
				]
			}
		])
	);

	it.each([
		{ id: 'treaty', expected: '17 January 2025: Putin and Pezeshkian sign a treaty, 2 sources' },
		{ id: 'brics', expected: '2023: Iran joins BRICS, 1 source' },
		{ id: 'pezeshkian', expected: 'approx. July 2024: Pezeshkian takes office (context), 1 source' },
		{ id: 'same-source', expected: 'September 2015 – December 2024: Syrian civil war, 1 source' }
	])('eventButtonName($id) is "$expected"', ({ id, expected }) => {
		expect(eventButtonName(eventById(timeline.events, id))).toBe(expected);
	});

	it.each([
		{ id: 'treaty', count: 2 },
		{ id: 'brics', count: 1 },
		{ id: 'same-source', count: 1 }
	])('sourceCount($id) counts distinct sources: $count', ({ id, count }) => {
		expect(sourceCount(eventById(timeline.events, id))).toBe(count);
	});

	it.each([
		{ id: 'treaty', expected: '17 January 2025' },
		{ id: 'pezeshkian', expected: 'approx. July 2024' },
		{ id: 'same-source', expected: 'September 2015 – December 2024' }
	])('eventDateText($id) is "$expected"', ({ id, expected }) => {
		expect(eventDateText(eventById(timeline.events, id))).toBe(expected);
	});

	it('eventButtonName(event) and sourceCount(event) do not mutate the event', () => {
		const event = eventById(timeline.events, 'treaty');
		const before = structuredClone(event);
		eventButtonName(event);
		sourceCount(event);
		expect(event).toEqual(before);
	});
});

describe('citationGroups, formerIdMap and sourceCredit', () => {
	const cite = (excerpt: string, section?: string) => ({ excerpt, section }) as unknown as Citation;

	it('citationGroups(event) groups citations under their sections in first-seen order, keeping their order', () => {
		const citations = [cite('a', 'Signing'), cite('b'), cite('c', 'Scope'), cite('d', 'Signing'), cite('e')];
		const groups = citationGroups({ citations });
		expect(groups.map((group) => [group.section, group.citations.map((c) => c.excerpt)])).toEqual([
			['Signing', ['a', 'd']],
			[undefined, ['b', 'e']],
			['Scope', ['c']]
		]);
	});

	it('formerIdMap(events) maps every retired id to the event that answers to it', () => {
		const map = formerIdMap([
			{ id: 'treaty-signed', formerIds: ['treaty-scope', 'treaty-nuclear-provision'] },
			{ id: 'brics', formerIds: [] }
		]);
		expect([...map]).toEqual([
			['treaty-scope', 'treaty-signed'],
			['treaty-nuclear-provision', 'treaty-signed']
		]);
	});

	it('sourceCredit(source) names a contained source with its container', () => {
		const container = { name: 'Eric Zuesse’s Substack' } as Source;
		expect(sourceCredit({ name: 'Borna News', within: container })).toBe('Borna News, reproduced in Eric Zuesse’s Substack');
		expect(sourceCredit({ name: 'Ted Snider, Antiwar.com' })).toBe('Ted Snider, Antiwar.com');
	});
});

describe('correctionLog', () => {
	it('correctionLog(events) lists every correction, newest first, events in axis order within a day', () => {
		const timeline = buildTimeline(
			rawWith([
				{ date: '2020', corrections: [{ date: '2026-11-30', text: 'Older.' }, { date: '2026-12-02', text: 'A.' }] },
				{ date: '2021' },
				{ date: '2022', corrections: [{ date: '2026-12-02', text: 'B.' }] }
			])
		);
		expect(correctionLog(timeline.events).map(({ event, correction }) => [event.id, correction.date.text, correction.text])).toEqual([
			['event-0', '2026-12-02', 'A.'],
			['event-2', '2026-12-02', 'B.'],
			['event-0', '2026-11-30', 'Older.']
		]);
	});
});

describe('groupByEra', () => {
	const at = (id: string, year: number) => ({ id, time: Date.UTC(year, 6, 1) }) as TimelineEvent;
	const era = (id: string, from: number, to: number) =>
		({ id, name: id, description: '', start: { start: new Date(Date.UTC(from, 0, 1)) }, end: { start: new Date(Date.UTC(to, 0, 1)) } }) as Era;
	it('groupByEra(1990, 1995, 1996, 2010 over eras 1991–2000 and 2009–2013) is [none: 1990], [first: 1995, 1996], [second: 2010]', () => {
		const eras = [era('first', 1991, 2000), era('second', 2009, 2013)];
		const groups = groupByEra([at('a', 1990), at('b', 1995), at('c', 1996), at('d', 2010)], eras);
		expect(groups.map((g) => [g.era?.id ?? null, g.events.map((e) => e.id)])).toEqual([
			[null, ['a']],
			['first', ['b', 'c']],
			['second', ['d']]
		]);
	});
});
