import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '../server/data.ts';
import { densestDay, plotGeometry } from './geometry.ts';
import {
	layoutEvents,
	MAX_SPAN_ROWS,
	moveLayout,
	packSpans,
	truncateLabel,
	type Layout,
	type LayoutInput,
	type LayoutOptions,
	type PlacedEvent,
	type SpanInput
} from './layout.ts';
import { createTimeScale, domainFor, type TimeDomain } from './scale.ts';
import { measure7, utc } from './test-helpers.ts';

/** The options TimelineEvents.svelte passes, with a 7px-per-character measure. */
function options(width: number, lanes: number): LayoutOptions {
	return { lanes, markGap: 22, markWidth: 20, minLabelWidth: 36, width, overscan: 400, measure: measure7 };
}

/**
 * The guarantees layout.ts documents, checked for one layout:
 * (a) in a lane, marks are at least markGap apart;
 * (b) a label ends half a gap before the next mark in its lane (or inside the viewport), and is the
 *     full title, a prefix of it ending in "…", or hidden;
 * (c) clusters are ordered and at least markGap apart;
 * (d) every visible item is placed or clustered exactly once; nothing else appears.
 */
function expectLayoutInvariants(items: readonly LayoutInput[], opts: LayoutOptions, layout: Layout) {
	const { lanes, markGap, markWidth, minLabelWidth, width, overscan, measure } = opts;
	const byId = new Map(items.map((item) => [item.id, item]));

	// What a mark takes in its lane: from its label's start (left labels) to its label's end (right labels).
	const start = (mark: PlacedEvent) => (mark.label && mark.side === 'left' ? mark.x - markWidth - mark.labelWidth : mark.x);
	const end = (mark: PlacedEvent) => (mark.label && mark.side === 'right' ? mark.x + markWidth + mark.labelWidth : mark.x);
	for (let lane = 0; lane < lanes; lane++) {
		const marks = layout.events.filter((event) => event.lane === lane);
		marks.forEach((mark, i) => {
			const next = marks[i + 1];
			if (next) expect(next.x - mark.x, `lane ${lane}: ${mark.id} → ${next.id}`).toBeGreaterThanOrEqual(markGap);
			if (next) expect(end(mark), `label of ${mark.id} or ${next.id} runs into the other`).toBeLessThanOrEqual(start(next) - markGap / 2 + 1e-9);
			if (mark.label && mark.side === 'right' && mark.x <= width) expect(end(mark), `label of ${mark.id} leaves the viewport`).toBeLessThanOrEqual(width);
			if (mark.label && mark.side === 'left') expect(start(mark), `label of ${mark.id} leaves the viewport`).toBeGreaterThanOrEqual(0);
		});
	}
	for (const event of layout.events) {
		expect(event.lane).toBeGreaterThanOrEqual(0);
		expect(event.lane).toBeLessThan(lanes);
		expect(event.labelWidth).toBe(event.label ? measure(event.label) : 0);
		const full = byId.get(event.id)!.label;
		const short = byId.get(event.id)!.short;
		// The title, the short label, or the short label (else the title) cut.
		if (event.label && event.label !== full && event.label !== short) {
			expect(event.label.endsWith('…')).toBe(true);
			expect((short ?? full).startsWith(event.label.slice(0, -1))).toBe(true);
		}
		// A title that fits is shown whole however short; a cut one is never a stub.
		if (event.label && event.label !== full) expect(event.labelWidth).toBeGreaterThanOrEqual(minLabelWidth);
	}

	layout.clusters.forEach((cluster, i) => {
		expect(cluster.ids.length).toBeGreaterThan(0);
		expect(cluster.x2).toBeGreaterThanOrEqual(cluster.x);
		const next = layout.clusters[i + 1];
		if (next) expect(next.x - cluster.x2, `cluster ${i} → ${i + 1}`).toBeGreaterThanOrEqual(markGap);
	});

	const visible = items.filter((item) => item.x >= -overscan && item.x <= width + overscan).map((item) => item.id);
	const shown = [...layout.events.map((event) => event.id), ...layout.clusters.flatMap((cluster) => cluster.ids)];
	expect([...shown].sort()).toEqual([...visible].sort());
}

/** Deterministic pseudo-random numbers in [0, 1) (a small LCG), so failures reproduce. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
		return state / 4_294_967_296;
	};
}

function syntheticItems(seed: number, count: number, width: number): LayoutInput[] {
	const next = random(seed);
	const items = Array.from({ length: count }, (_, i) => ({
		id: `e${i}`,
		// Half the items bunch up on a few "days" so lanes fill and clusters form.
		x: next() < 0.5 ? Math.round(next() * 8) * (width / 8) : next() * (width + 800) - 400,
		label: 'Event title words '.repeat(1 + Math.floor(next() * 4)).trim()
	}));
	return items.sort((a, b) => a.x - b.x);
}

describe('truncateLabel', () => {
	it.each([
		{ text: 'Treaty signed', max: 200, expected: 'Treaty signed' },
		{ text: 'Treaty signed', max: 91, expected: 'Treaty signed' },
		{ text: 'Hello world', max: 50, expected: 'Hello…' },
		{ text: 'Putin and Pezeshkian sign a treaty', max: 100, expected: 'Putin and Pez…' },
		{ text: 'Treaty signed', max: 7, expected: '' },
		{ text: 'Treaty signed', max: 0, expected: '' }
	])('truncateLabel("$text", $max, 7px per character) is "$expected"', ({ text, max, expected }) => {
		const label = truncateLabel(text, max, measure7);
		expect(label).toBe(expected);
		expect(measure7(label)).toBeLessThanOrEqual(max);
	});

	it.each([40, 60, 85, 120, 180])('truncateLabel(long title, %i) ends with "…" and fits', (max) => {
		const text = 'Russia and Iran sign a twenty-year comprehensive strategic partnership treaty';
		const label = truncateLabel(text, max, measure7);
		expect(label.endsWith('…')).toBe(true);
		expect(measure7(label)).toBeLessThanOrEqual(max);
		expect(text.startsWith(label.slice(0, -1))).toBe(true);
		// The longest cut that fits, found by trying every prefix in turn.
		const fitting = Array.from({ length: text.length }, (_, n) => `${text.slice(0, n).trimEnd()}…`).filter(
			(cut) => measure7(cut) <= max
		);
		expect(label).toBe(fitting[fitting.length - 1]);
	});

	it('truncateLabel(text, max, measure, minWidth) is "" when the cut is narrower than minWidth', () => {
		expect(truncateLabel('Treaty signed', 30, measure7)).toBe('Tre…');
		expect(truncateLabel('Treaty signed', 30, measure7, 36)).toBe('');
	});

	it('truncateLabel("Iran and Russia", 42) is "Iran…", not "Iran …"', () => {
		expect(truncateLabel('Iran and Russia', 42, measure7)).toBe('Iran…');
	});
});

describe('layoutEvents', () => {
	it('layoutEvents(far-apart items) puts each in lane 0 with its full label', () => {
		const items = [
			{ id: 'a', x: 0, label: 'First' },
			{ id: 'b', x: 300, label: 'Second' },
			{ id: 'c', x: 600, label: 'Third' }
		];
		expect(layoutEvents(items, options(1200, 5))).toEqual({
			events: [
				{ id: 'a', x: 0, lane: 0, label: 'First', labelWidth: 35, side: 'right' },
				{ id: 'b', x: 300, lane: 0, label: 'Second', labelWidth: 42, side: 'right' },
				{ id: 'c', x: 600, lane: 0, label: 'Third', labelWidth: 35, side: 'right' }
			],
			clusters: []
		});
	});

	it('layoutEvents(7 items on one day, 5 lanes) stacks 5 in lanes 0–4 and clusters 2', () => {
		const items = Array.from({ length: 7 }, (_, i) => ({ id: `d${i}`, x: 500, label: `Day event ${i}` }));
		const layout = layoutEvents(items, options(1200, 5));
		expect(layout.events.map((event) => [event.id, event.lane])).toEqual([
			['d0', 0],
			['d1', 1],
			['d2', 2],
			['d3', 3],
			['d4', 4]
		]);
		expect(layout.clusters).toEqual([{ ids: ['d5', 'd6'], x: 500, x2: 500 }]);
	});

	it('layoutEvents(items closer than markGap) moves the second to lane 1, the third where the first keeps its label', () => {
		const items = [
			{ id: 'a', x: 100, label: 'A' },
			{ id: 'b', x: 121, label: 'B' },
			{ id: 'c', x: 122, label: 'C' }
		];
		const lanes = layoutEvents(items, options(1200, 5)).events.map((event) => event.lane);
		// b is 21px after a (< 22): lane 1. c is 22px after a, room for its mark in lane 0 but not for
		// a's label "A" (20 + 7 + 11 = 38px): c takes the empty lane 2 and a keeps its label.
		expect(lanes).toEqual([0, 1, 2]);
		// Once a's label fits (38px on), the next mark goes back to lane 0.
		expect(layoutEvents([...items, { id: 'd', x: 138, label: 'D' }], options(1200, 5)).events.at(-1)!.lane).toBe(0);
	});

	it('layoutEvents(items) cuts a label at half a gap before the next mark in its lane', () => {
		const items = [
			{ id: 'a', x: 0, label: 'A long title that cannot fit before the next mark' },
			{ id: 'b', x: 100, label: 'B' }
		];
		// One lane, so b cannot go where a keeps its label.
		const [a] = layoutEvents(items, options(1200, 1)).events;
		// room = 100 - 0 - markWidth 20 - markGap/2 11 = 69px: 8 characters and "…" (63px).
		expect(a).toEqual({ id: 'a', x: 0, lane: 0, label: 'A long t…', labelWidth: 63, side: 'right' });
	});

	it('layoutEvents(items) hides a label when the room is under minLabelWidth', () => {
		const items = [
			{ id: 'a', x: 0, label: 'Hidden' },
			{ id: 'b', x: 60, label: 'B' }
		];
		// room = 60 - 20 - 11 = 29px < 36px (one lane: b cannot go elsewhere).
		expect(layoutEvents(items, options(1200, 1)).events[0]!.label).toBe('');
		// With a second lane, b takes it and a keeps its label.
		expect(layoutEvents(items, options(1200, 2)).events[0]!.label).toBe('Hidden');
	});

	it('layoutEvents(items) draws the short label where the title does not fit, and cuts the short label when it does not either', () => {
		const items = [
			{ id: 'a', x: 0, label: 'A long title that cannot fit before the next mark', short: 'Short one' },
			{ id: 'b', x: 100, label: 'B' }
		];
		// room 69px: the title does not fit, "Short one" (63px) does.
		expect(layoutEvents(items, options(1200, 1)).events[0]!.label).toBe('Short one');
		// room 59px: "Short o…" (56px), cut from the short label, not from the title.
		expect(layoutEvents([items[0]!, { id: 'b', x: 90, label: 'B' }], options(1200, 1)).events[0]!.label).toBe('Short o…');
	});

	it('layoutEvents(key event) keeps its short label whole: a later mark folds rather than cut it', () => {
		const items = [
			{ id: 'key', x: 100, label: 'A long title that cannot fit before the next mark', short: 'Treaty signed', key: true },
			{ id: 'other', x: 150, label: 'Other' }
		];
		// 300px wide: the title does not fit before the edge, the short label does.
		const layout = layoutEvents(items, options(300, 1));
		expect(layout.events.map((event) => [event.id, event.label])).toEqual([['key', 'Treaty signed']]);
		expect(layout.clusters).toEqual([{ ids: ['other'], x: 150, x2: 150 }]);
		// Not a key: the later mark takes the lane and the label is cut.
		const plain = layoutEvents(items.map((item) => ({ ...item, key: false })), options(300, 1));
		expect(plain.events.map((event) => [event.id, event.label])).toEqual([
			['key', ''],
			['other', 'Other']
		]);
		expectLayoutInvariants(items, options(300, 1), layout);
	});

	it('layoutEvents(key event at the right edge) draws its short label on its left', () => {
		const items = [
			{ id: 'early', x: 100, label: 'Early' },
			{ id: 'key', x: 390, label: 'A long title that cannot fit', short: 'Peskov', key: true }
		];
		const layout = layoutEvents(items, options(400, 1));
		// Left of it: 390 - 20 - (100 + 11) = 259px, room for the whole title (196px).
		expect(layout.events.at(-1)).toEqual({ id: 'key', x: 390, lane: 0, label: 'A long title that cannot fit', labelWidth: 196, side: 'left' });
		// With a mark 80px before it, only the short label fits on its left.
		const closer = layoutEvents([{ id: 'early', x: 310, label: 'E' }, items[1]!], options(400, 1));
		expect(closer.events.at(-1)).toEqual({ id: 'key', x: 390, lane: 0, label: 'Peskov', labelWidth: 42, side: 'left' });
		expectLayoutInvariants(items, options(400, 1), layout);
	});

	it('layoutEvents(synthetic items with short labels and keys) keeps every guarantee', () => {
		for (const [seed, width, lanes] of [
			[1, 1200, 5],
			[2, 820, 8],
			[3, 360, 4]
		] as const) {
			const next = random(seed * 7);
			const items = syntheticItems(seed, 120, width).map((item) => ({ ...item, short: next() < 0.7 ? 'Short label' : null, key: next() < 0.15 }));
			expectLayoutInvariants(items, options(width, lanes), layoutEvents(items, options(width, lanes)));
		}
	});

	it('layoutEvents(items past the overscan) skips them', () => {
		const items = [
			{ id: 'left', x: -401, label: 'L' },
			{ id: 'edge', x: -400, label: 'E' },
			{ id: 'right', x: 1601, label: 'R' }
		];
		const layout = layoutEvents(items, options(1200, 5));
		expect(layout.events.map((event) => event.id)).toEqual(['edge']);
		expect(layout.clusters).toEqual([]);
	});

	it('layoutEvents(items) starts a new cluster markGap px after the last one ends', () => {
		const items = [
			...['a', 'b', 'c'].map((id) => ({ id, x: 100, label: id })),
			...['d', 'e', 'f'].map((id) => ({ id, x: 121, label: id })),
			...['g', 'h', 'i'].map((id) => ({ id, x: 143, label: id }))
		];
		const layout = layoutEvents(items, options(1200, 2));
		// With 2 lanes: a, b placed; c clustered; d, e cannot use a lane (21px < 22); f too.
		// g, h reuse the lanes (43px after a and b); i starts a new cluster 22px after 121.
		expect(layout.clusters).toEqual([
			{ ids: ['c', 'd', 'e', 'f'], x: 100, x2: 121 },
			{ ids: ['i'], x: 143, x2: 143 }
		]);
		expectLayoutInvariants(items, options(1200, 2), layout);
	});

	it.each([
		{ seed: 1, count: 40, width: 1200, lanes: 5 },
		{ seed: 2, count: 200, width: 1200, lanes: 9 },
		{ seed: 3, count: 200, width: 360, lanes: 4 },
		{ seed: 4, count: 500, width: 800, lanes: 5 },
		{ seed: 5, count: 60, width: 360, lanes: 4 }
	])(
		'layoutEvents($count synthetic items, width $width, $lanes lanes) keeps every guarantee',
		({ seed, count, width, lanes }) => {
			const items = syntheticItems(seed, count, width);
			const opts = options(width, lanes);
			const layout = layoutEvents(items, opts);
			expectLayoutInvariants(items, opts, layout);
			// The data is dense enough to exercise both the lanes and the clusters.
			expect(layout.clusters.length).toBeGreaterThan(0);
			expect(new Set(layout.events.map((event) => event.lane)).size).toBeGreaterThan(1);
		}
	);

	it('layoutEvents(items, options) does not mutate its input', () => {
		const items = syntheticItems(6, 100, 1200);
		const before = structuredClone(items);
		layoutEvents(Object.freeze(items.map((item) => Object.freeze(item))), options(1200, 5));
		expect(items).toEqual(before);
	});
});

describe('layoutEvents on the real events.json', () => {
	const timeline = loadTimeline(dataPaths(fileURLToPath(new URL('../../../', import.meta.url))), () => {});
	const pointEvents = timeline.events.filter((event) => !event.end);
	const spans = timeline.events.filter((event) => event.endTime !== undefined);
	const spanRows = packSpans(spans.map((event) => ({ id: event.id, x: event.time, x2: event.endTime! })), 0);
	const spanRowCount = Math.max(0, ...spanRows.values()) + 1;
	const densest = densestDay(timeline.events.filter((e) => e.date.precision === 'day').map((e) => e.date.text));
	const allTimes = [
		...timeline.events.flatMap((event) => (event.endTime ? [event.time, event.endTime] : [event.time])),
		...timeline.eras.flatMap((era) => [era.start.start.getTime(), era.end.start.getTime()])
	];
	const fullDomain = domainFor(allTimes);

	const zooms: { name: string; range: TimeDomain }[] = [
		{ name: 'the full domain', range: fullDomain },
		{ name: '2022–2026', range: [utc(2022), utc(2026)] },
		{ name: 'the week around 17 January 2025', range: [utc(2025, 0, 14), utc(2025, 0, 21)] }
	];
	const cases = [1200, 360].flatMap((width) => zooms.map((zoom) => ({ ...zoom, width })));

	it.each(cases)('layoutEvents(events.json, $name, width $width) keeps every guarantee', ({ range, width }) => {
		const lanes = plotGeometry(width, spanRowCount, densest).lanes;
		const scale = createTimeScale(range, width);
		const items = pointEvents.map((event) => ({ id: event.id, x: scale(event.time), label: event.title }));
		const opts = options(width, lanes);
		const layout = layoutEvents(items, opts);
		expectLayoutInvariants(items, opts, layout);
		expect(layout.events.length).toBeGreaterThan(0);
	});

	it('layoutEvents(events.json, week of 17 January 2025, 1200px) gives that day a mark per lane', () => {
		const width = 1200;
		const lanes = plotGeometry(width, spanRowCount, densest).lanes;
		const scale = createTimeScale([utc(2025, 0, 14), utc(2025, 0, 21)], width);
		const items = pointEvents.map((event) => ({ id: event.id, x: scale(event.time), label: event.title }));
		const layout = layoutEvents(items, options(width, lanes));
		const onTheDay = pointEvents.filter((event) => event.date.text === '2025-01-17').map((event) => event.id);
		const placed = layout.events.filter((event) => onTheDay.includes(event.id));
		expect(placed).toHaveLength(Math.min(lanes, onTheDay.length));
		expect(new Set(placed.map((event) => event.lane)).size).toBe(placed.length);
	});

	it('packSpans(events.json spans, 0) puts no two overlapping spans in one row', () => {
		expectNoOverlaps(
			spans.map((event) => ({ id: event.id, x: event.time, x2: event.endTime! })),
			spanRows,
			0
		);
	});
});

function expectNoOverlaps(spans: readonly SpanInput[], rows: Map<string, number>, gap: number) {
	expect([...rows.keys()].sort()).toEqual(spans.map((span) => span.id).sort());
	for (const a of spans) {
		for (const b of spans) {
			if (a === b || rows.get(a.id) !== rows.get(b.id)) continue;
			const apart = b.x - a.x2 >= gap || a.x - b.x2 >= gap;
			expect(apart, `${a.id} and ${b.id} share row ${rows.get(a.id)}`).toBe(true);
		}
	}
}

describe('packSpans', () => {
	it.each([
		{
			name: 'disjoint spans',
			spans: [
				{ id: 'a', x: 0, x2: 10 },
				{ id: 'b', x: 20, x2: 30 }
			],
			gap: 4,
			rows: { a: 0, b: 0 }
		},
		{
			name: 'overlapping spans',
			spans: [
				{ id: 'a', x: 0, x2: 50 },
				{ id: 'b', x: 20, x2: 30 },
				{ id: 'c', x: 40, x2: 60 }
			],
			gap: 4,
			rows: { a: 0, b: 1, c: 1 }
		},
		{
			name: 'spans closer than the gap',
			spans: [
				{ id: 'a', x: 0, x2: 10 },
				{ id: 'b', x: 13, x2: 20 }
			],
			gap: 4,
			rows: { a: 0, b: 1 }
		},
		{
			name: 'spans exactly the gap apart',
			spans: [
				{ id: 'a', x: 0, x2: 10 },
				{ id: 'b', x: 14, x2: 20 }
			],
			gap: 4,
			rows: { a: 0, b: 0 }
		},
		{
			name: 'unsorted spans',
			spans: [
				{ id: 'late', x: 100, x2: 200 },
				{ id: 'early', x: 0, x2: 150 }
			],
			gap: 0,
			rows: { early: 0, late: 1 }
		}
	])('packSpans($name) gives rows $rows', ({ spans, gap, rows }) => {
		const result = packSpans(spans, gap);
		expect(Object.fromEntries(result)).toEqual(rows);
		expectNoOverlaps(spans, result, gap);
	});

	it('packSpans(random spans, 6) puts no two overlapping spans in one row', () => {
		const next = random(7);
		const spans = Array.from({ length: 80 }, (_, i) => {
			const x = next() * 1000;
			return { id: `s${i}`, x, x2: x + next() * 200 };
		});
		expectNoOverlaps(spans, packSpans(spans, 6), 6);
	});

	it('packSpans(spans, 0, 2) fills two rows and leaves the spans that find no room out', () => {
		const spans: SpanInput[] = [
			{ id: 'a', x: 0, x2: 100 },
			{ id: 'b', x: 10, x2: 50 },
			{ id: 'c', x: 20, x2: 30 },
			{ id: 'd', x: 60, x2: 90 },
			{ id: 'e', x: 120, x2: 130 }
		];
		const rows = packSpans(spans, 0, 2);
		expect(Object.fromEntries(rows)).toEqual({ a: 0, b: 1, d: 1, e: 0 });
		expect(rows.has('c')).toBe(false);
	});

	it(`packSpans(300 random spans, 6, MAX_SPAN_ROWS) never uses more than ${MAX_SPAN_ROWS} rows and packs without overlaps`, () => {
		let seed = 11;
		const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
		const spans = Array.from({ length: 300 }, (_, i) => {
			const x = random() * 2000;
			return { id: `s${i}`, x, x2: x + random() * 300 };
		});
		const rows = packSpans(spans, 6, MAX_SPAN_ROWS);
		expect(Math.max(...rows.values())).toBe(MAX_SPAN_ROWS - 1);
		expect(rows.size).toBeLessThan(300);
		expectNoOverlaps(spans.filter((span) => rows.has(span.id)), rows, 6);
	});

	it('packSpans(spans, gap) does not mutate its input', () => {
		const spans = [
			{ id: 'b', x: 50, x2: 60 },
			{ id: 'a', x: 0, x2: 100 }
		];
		const before = structuredClone(spans);
		packSpans(Object.freeze(spans.map((span) => Object.freeze(span))), 0);
		packSpans(spans, 0);
		expect(spans).toEqual(before);
	});
});

describe('moveLayout', () => {
	const before = {
		events: [
			{ id: 'a', x: 10, lane: 0, label: 'Alpha', labelWidth: 40, side: 'right' as const },
			{ id: 'b', x: 50, lane: 1, label: 'Be…', labelWidth: 20, side: 'left' as const }
		],
		clusters: [{ ids: ['c', 'd', 'e'], x: 100, x2: 120 }]
	};
	const xs: Record<string, number> = { a: 20, b: 100, c: 200, d: 220, e: 240 };
	const moved = moveLayout(before, (id) => xs[id]!);

	it('moves every mark to its new x and keeps its lane', () => {
		expect(moved.events.map(({ id, x, lane }) => ({ id, x, lane }))).toEqual([
			{ id: 'a', x: 20, lane: 0 },
			{ id: 'b', x: 100, lane: 1 }
		]);
	});
	it('hides the labels (they may now overlap) until the next full layout', () => {
		expect(moved.events.every((placed) => placed.label === '' && placed.labelWidth === 0)).toBe(true);
	});
	it('keeps each cluster with its events, spanning its first to its last', () => {
		expect(moved.clusters).toEqual([{ ids: ['c', 'd', 'e'], x: 200, x2: 240 }]);
	});
	it('does not mutate the layout it moves', () => {
		expect(before.events[0]).toEqual({ id: 'a', x: 10, lane: 0, label: 'Alpha', labelWidth: 40, side: 'right' });
	});
});
