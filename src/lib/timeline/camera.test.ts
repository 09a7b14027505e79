import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '../server/data.ts';
import { cameraRangeFor, type CameraOptions } from './camera.ts';
import { parsePartialDate } from './date-text.ts';
import type { TimelineEvent } from './events.ts';
import { domainFor } from './scale.ts';
import { DAY, deepFreeze, utc } from './test-helpers.ts';

/** An event at a partial date (and optional end), as buildTimeline() would place it. */
function eventAt(id: string, date: string, end?: string): TimelineEvent {
	const start = parsePartialDate(date)!;
	const last = end === undefined ? undefined : parsePartialDate(end)!;
	return {
		id,
		date: start,
		end: last,
		approximate: false,
		formerIds: [],
		ongoing: false,
		dateBasis: 'sources',
		corrections: [],
		notes: [],
		title: id,
		label: null,
		key: false,
		summary: '',
		themes: ['diplomacy'],
		context: false,
		citations: [],
		time: last ? start.start.getTime() : (start.start.getTime() + start.end.getTime()) / 2,
		endTime: last?.end.getTime()
	};
}

const events = deepFreeze([
	eventAt('a', '1991'),
	eventAt('b', '2000'),
	eventAt('c', '2025-01-10'),
	eventAt('d', '2025-01-17'),
	eventAt('e', '2025-01-20'),
	eventAt('f', '2025-03', '2025-10')
]);
const domain: [Date, Date] = [utc(1990), utc(2026)];

const span = ([from, to]: [Date, Date]) => to.getTime() - from.getTime();
const iso = (range: [Date, Date]) => range.map((d) => d.toISOString().slice(0, 10));

describe('cameraRangeFor', () => {
	type Case = { what: string; index: number; options?: CameraOptions; expected: [Date, Date] };
	const none = { neighbours: 0, padding: 0, minSpanMs: 0 };
	it.each<Case>([
		// c–e is 10–21 January 2025 (11 days); 21 days centred on d (17 January, noon) hold them.
		{
			what: 'd with its neighbours, widened to 21 days',
			index: 3,
			expected: [utc(2025, 0, 7), utc(2025, 0, 28)]
		},
		// 15% of 11 days is 1.65 days (1 day 15h36m) on each side.
		{
			what: 'd with its neighbours, padded',
			index: 3,
			options: { minSpanMs: 0 },
			expected: [utc(2025, 0, 8, 8, 24), utc(2025, 0, 22, 15, 36)]
		},
		{ what: 'c alone', index: 2, options: none, expected: [utc(2025, 0, 10), utc(2025, 0, 11)] },
		{
			what: 'd with two neighbours each side: b to the end of f',
			index: 3,
			options: { neighbours: 2, padding: 0 },
			expected: [utc(2000), utc(2025, 10, 1)]
		},
		{
			what: 'f, a span, to the end of its last month',
			index: 5,
			options: { padding: 0 },
			expected: [utc(2025, 0, 20), utc(2025, 10, 1)]
		},
		// b (2000) to d (17 January 2025), padded, reaches 2028: slid back inside, its width kept.
		{
			what: 'c with b and d, padded past the domain: shifted, not shrunk',
			index: 2,
			expected: shiftedToEnd(paddedRange(utc(2000), utc(2025, 0, 18), 0.15), utc(2026))
		},
		{
			what: 'a alone before the domain: shifted, not shrunk',
			index: 0,
			options: { neighbours: 0, minSpanMs: 4 * 365 * DAY },
			expected: [utc(1990), new Date(utc(1990).getTime() + 4 * 365 * DAY)]
		},
		{
			what: 'a and b, padded wider than the domain: the domain',
			index: 0,
			options: { padding: 10 },
			expected: domain
		},
		{
			what: 'c with a negative neighbour count: c alone',
			index: 2,
			options: { ...none, neighbours: -3 },
			expected: [utc(2025, 0, 10), utc(2025, 0, 11)]
		}
	])('cameraRangeFor(events, $index, domain, options) shows $what', ({ index, options, expected }) => {
		const range = cameraRangeFor(events, index, domain, options);
		expect(iso(range)).toEqual(iso(expected));
		expect(range).toEqual(expected);
	});

	it('cameraRangeFor(events, i, domain) slides a 21-day view off-centre to keep a neighbour', () => {
		// Centred on x (1 January, noon) the view would end on 12 January and leave y out.
		const pair = deepFreeze([eventAt('x', '2025-01-01'), eventAt('y', '2025-01-15')]);
		expect(cameraRangeFor(pair, 0, domain, { padding: 0 })).toEqual([utc(2024, 11, 26), utc(2025, 0, 16)]);
	});

	it.each([-1, 6, 1.5, Number.NaN])('cameraRangeFor(events, %s, domain) throws a RangeError', (index) => {
		expect(() => cameraRangeFor(events, index, domain)).toThrow(RangeError);
	});

	it('cameraRangeFor([], 0, domain) throws a RangeError naming the index', () => {
		expect(() => cameraRangeFor([], 0, domain)).toThrow(/index 0/);
	});

	it('cameraRangeFor(events, i, domain) does not mutate the events or the domain', () => {
		const frozenDomain = deepFreeze<[Date, Date]>([utc(1990), utc(2026)]);
		cameraRangeFor(events, 3, frozenDomain);
		expect(frozenDomain).toEqual([utc(1990), utc(2026)]);
	});
});

/** [from, to] moved later or earlier so that it ends at `end`. */
function shiftedToEnd([from, to]: [Date, Date], end: Date): [Date, Date] {
	const shift = end.getTime() - to.getTime();
	return [new Date(from.getTime() + shift), end];
}

/** [from, to] widened by `share` of its span on each side. */
function paddedRange(from: Date, to: Date, share: number): [Date, Date] {
	const pad = (to.getTime() - from.getTime()) * share;
	return [new Date(from.getTime() - pad), new Date(to.getTime() + pad)];
}

describe('cameraRangeFor on events.json', () => {
	const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
	const timeline = loadTimeline(dataPaths(ROOT), () => {});
	const real = timeline.events;
	// The domain the page uses (TimelineState.allTimes): every event's position and span end, and the eras.
	const realDomain = domainFor([
		...real.flatMap((e) => (e.endTime ? [e.time, e.endTime] : [e.time])),
		...timeline.eras.flatMap((era) => [era.start.start.getTime(), era.end.start.getTime()])
	]);
	const indexOf = (test: (e: TimelineEvent) => boolean) => real.findIndex(test);

	it('cameraRangeFor(events, the 1991 event, domain) spans more than 5 years', () => {
		const index = indexOf((e) => e.date.text === '1991');
		expect(index).toBeGreaterThanOrEqual(0);
		expect(span(cameraRangeFor(real, index, realDomain))).toBeGreaterThan(5 * 365 * DAY);
	});

	it('cameraRangeFor(events, "treaty-signed", domain) spans < 120 days and holds 17 Jan 2025', () => {
		const [from, to] = cameraRangeFor(real, indexOf((e) => e.id === 'treaty-signed'), realDomain);
		expect(to.getTime() - from.getTime()).toBeLessThan(120 * DAY);
		expect(from.getTime()).toBeLessThanOrEqual(utc(2025, 0, 17).getTime());
		expect(to.getTime()).toBeGreaterThanOrEqual(utc(2025, 0, 18).getTime());
	});

	it('cameraRangeFor(events, i, domain) stays in the domain and shows event i, for every step', () => {
		real.forEach((event, index) => {
			const [from, to] = cameraRangeFor(real, index, realDomain);
			expect(from.getTime(), event.id).toBeGreaterThanOrEqual(realDomain[0].getTime());
			expect(to.getTime(), event.id).toBeLessThanOrEqual(realDomain[1].getTime());
			expect(from.getTime(), event.id).toBeLessThanOrEqual(event.date.start.getTime());
			expect(to.getTime(), event.id).toBeGreaterThanOrEqual((event.end ?? event.date).end.getTime());
			expect(to.getTime() - from.getTime(), event.id).toBeGreaterThanOrEqual(21 * DAY);
		});
	});
});
