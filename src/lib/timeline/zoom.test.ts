import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import { createTimeScale } from './scale.ts';
import { DAY, utc } from './test-helpers.ts';
import * as ZOOM from './zoom.ts';
import { MIN_VISIBLE_MS, rangeTransform, scaleExtentFor, visibleRange, zoomAbout } from './zoom.ts';

/** 1991–2026 across 1200px, as the page lays out the real data. */
const base = createTimeScale([utc(1991), utc(2026)], 1200);
/** 1 January 1991 to 1 January 2026 is 35 years with 9 leap days. */
const DOMAIN_DAYS = 35 * 365 + 9;
/** Floating point over 35 years at 1200px: a few seconds either way is the same view. */
const TOLERANCE_MS = 60_000;

function expectRangeNear(actual: [Date, Date], expected: [Date, Date], tolerance = TOLERANCE_MS) {
	const where = `${actual.map((d) => d.toISOString())} vs ${expected.map((d) => d.toISOString())}`;
	expect(Math.abs(actual[0].getTime() - expected[0].getTime()), where).toBeLessThanOrEqual(tolerance);
	expect(Math.abs(actual[1].getTime() - expected[1].getTime()), where).toBeLessThanOrEqual(tolerance);
}

const centreOf = ([from, to]: [Date, Date]) => (from.getTime() + to.getTime()) / 2;
const spanOf = ([from, to]: [Date, Date]) => to.getTime() - from.getTime();

describe('scaleExtentFor', () => {
	it('scaleExtentFor(1991–2026) zooms from the whole domain to 7 days', () => {
		const [kMin, kMax] = scaleExtentFor(base);
		expect(kMin).toBe(1);
		expect(kMax).toBeCloseTo(DOMAIN_DAYS / 7, 6);
		expect(MIN_VISIBLE_MS).toBe(7 * DAY);
	});

	it('scaleExtentFor(a 3-day domain) is [1, 1]: no zooming in past the whole domain', () => {
		expect(scaleExtentFor(createTimeScale([utc(2025, 0, 1), utc(2025, 0, 4)], 800))).toEqual([1, 1]);
	});
});

describe('visibleRange', () => {
	it('visibleRange(base, zoomIdentity.scale(2)) shows the first half of the domain', () => {
		const tenDays = createTimeScale([utc(2000, 0, 1), utc(2000, 0, 11)], 1000);
		expect(visibleRange(tenDays, zoomIdentity.scale(2))).toEqual([utc(2000, 0, 1), utc(2000, 0, 6)]);
	});

	it('visibleRange(base, zoomIdentity) is the whole domain', () => {
		expect(visibleRange(base, zoomIdentity)).toEqual([utc(1991), utc(2026)]);
	});

	it('visibleRange(base, translate(-500).scale(2)) shows the middle half of a 10-day domain', () => {
		const tenDays = createTimeScale([utc(2000, 0, 1), utc(2000, 0, 11)], 1000);
		const transform = zoomIdentity.translate(-500, 0).scale(2);
		expect(visibleRange(tenDays, transform)).toEqual([utc(2000, 0, 3, 12), utc(2000, 0, 8, 12)]);
	});
});

describe('rangeTransform', () => {
	it.each([
		{ name: '2022–2026', range: [utc(2022), utc(2026)] as [Date, Date] },
		{ name: '1991–1992', range: [utc(1991), utc(1992)] as [Date, Date] },
		{ name: '2013', range: [utc(2013), utc(2014)] as [Date, Date] },
		{ name: 'January 2025', range: [utc(2025, 0, 1), utc(2025, 1, 1)] as [Date, Date] },
		{ name: 'the week around 17 January 2025', range: [utc(2025, 0, 14), utc(2025, 0, 21)] as [Date, Date] },
		{ name: 'the whole domain', range: [utc(1991), utc(2026)] as [Date, Date] }
	])('visibleRange(base, rangeTransform(base, $name)) is $name', ({ range }) => {
		expectRangeNear(visibleRange(base, rangeTransform(base, range)), range);
	});

	it('rangeTransform(base, whole domain) is the identity', () => {
		const t = rangeTransform(base, [utc(1991), utc(2026)]);
		expect(t.k).toBeCloseTo(1, 9);
		expect(t.x).toBeCloseTo(0, 6);
	});

	it.each([
		{ name: 'one day', range: [utc(2025, 0, 17), utc(2025, 0, 18)] as [Date, Date] },
		{ name: 'one hour', range: [utc(2025, 0, 17, 12), utc(2025, 0, 17, 13)] as [Date, Date] },
		{ name: 'three days in 2013', range: [utc(2013, 5, 1), utc(2013, 5, 4)] as [Date, Date] }
	])('rangeTransform(base, $name) widens to 7 days centred on the range', ({ range }) => {
		const t = rangeTransform(base, range);
		const visible = visibleRange(base, t);
		expect(t.k).toBeCloseTo(scaleExtentFor(base)[1], 6);
		expect(Math.abs(spanOf(visible) - MIN_VISIBLE_MS)).toBeLessThanOrEqual(TOLERANCE_MS);
		// The requested dates stay in view, in the middle.
		expect(Math.abs(centreOf(visible) - centreOf(range))).toBeLessThanOrEqual(TOLERANCE_MS);
	});

	it.each([
		{ name: 'an empty range', range: [utc(2025, 0, 17), utc(2025, 0, 17)] as [Date, Date] },
		{ name: 'a reversed range', range: [utc(2025), utc(2024)] as [Date, Date] }
	])('rangeTransform(base, $name) is the whole domain', ({ range }) => {
		expectRangeNear(visibleRange(base, rangeTransform(base, range)), [utc(1991), utc(2026)]);
	});

	it('rangeTransform(base, range) does not mutate the base scale or the range', () => {
		const range: [Date, Date] = [utc(2022), utc(2026)];
		rangeTransform(base, range);
		expect(range).toEqual([utc(2022), utc(2026)]);
		expect(base.domain()).toEqual([utc(1991), utc(2026)]);
		expect(base.range()).toEqual([0, 1200]);
	});
});

describe('zoomAbout (the centre of a 1200 px plot)', () => {
	const inside: { name: string; t: ZoomTransform; factor: number }[] = [
		{ name: 'zoomIdentity, 2', t: zoomIdentity, factor: 2 },
		{ name: 'the 2022–2026 view, 2', t: rangeTransform(base, [utc(2022), utc(2026)]), factor: 2 },
		{ name: 'the 2005–2009 view, 0.5', t: rangeTransform(base, [utc(2005), utc(2009)]), factor: 0.5 },
		{ name: 'the 2013 view, 8', t: rangeTransform(base, [utc(2013), utc(2014)]), factor: 8 }
	];
	it.each(inside)('zoomAbout($name) about the centre keeps the centre date and scales the span', ({ t, factor }) => {
		const before = visibleRange(base, t);
		const after = visibleRange(base, zoomAbout(t, factor, 600, scaleExtentFor(base)));
		expect(Math.abs(centreOf(after) - centreOf(before))).toBeLessThanOrEqual(TOLERANCE_MS);
		expect(spanOf(after) / spanOf(before)).toBeCloseTo(1 / factor, 6);
	});

	it('zoomAbout(two weeks around 17 January 2025, 4) stops at 7 days, still centred', () => {
		const twoWeeks: [Date, Date] = [utc(2025, 0, 10, 12), utc(2025, 0, 24, 12)];
		const t = zoomAbout(rangeTransform(base, twoWeeks), 4, 600, scaleExtentFor(base));
		const after = visibleRange(base, t);
		expect(t.k).toBeCloseTo(scaleExtentFor(base)[1], 6);
		expect(Math.abs(spanOf(after) - MIN_VISIBLE_MS)).toBeLessThanOrEqual(TOLERANCE_MS);
		expect(Math.abs(centreOf(after) - centreOf(twoWeeks))).toBeLessThanOrEqual(TOLERANCE_MS);
	});
});

describe('zoomAbout (a pointer)', () => {
	it('zoomAbout(the 2013 view, 2, 300 px) keeps the date under 300 px there and halves the span', () => {
		const t = rangeTransform(base, [utc(2013), utc(2014)]);
		const under = t.rescaleX(base).invert(300).getTime();
		const after = zoomAbout(t, 2, 300, scaleExtentFor(base));
		expect(Math.abs(after.rescaleX(base).invert(300).getTime() - under)).toBeLessThanOrEqual(TOLERANCE_MS);
		expect(after.k).toBeCloseTo(2 * t.k, 9);
	});

	it('zoomAbout(zoomIdentity, 0.5, 300 px) keeps k at 1 (x is left to the constrain)', () => {
		expect(zoomAbout(zoomIdentity, 0.5, 300, scaleExtentFor(base)).k).toBe(1);
	});
});

describe('the transform the view uses before d3-zoom loads', () => {
	// d3-zoom's own transform and constrain, as the wiring applies them, are the reference.
	const ours = ZOOM.zoomIdentity;
	it('is d3-zoom’s transform: the same fields after the same moves, and the same arithmetic', () => {
		const a = ours.translate(-300, 0).scale(4).translate(25, 0);
		const b = zoomIdentity.translate(-300, 0).scale(4).translate(25, 0);
		expect([a.k, a.x, a.y]).toEqual([b.k, b.x, b.y]);
		expect(a.invertX(123)).toBe(b.invertX(123));
		expect(a.applyX(77)).toBe(b.applyX(77));
		expect(a.invert([10, 20])).toEqual(b.invert([10, 20]));
		expect(a.toString()).toBe(b.toString());
		expect(a.rescaleX(base).domain()).toEqual(b.rescaleX(base).domain());
	});
	it('constrainToWidth keeps the view inside the data exactly as d3-zoom’s constrain does', () => {
		const constrain = zoom().constrain();
		const width = 1200;
		const bounds: [[number, number], [number, number]] = [[0, 0], [width, 1]];
		for (const [k, x] of [[1, 0], [1, 250], [1, -250], [2, 100], [2, -1500], [2, -600], [8, -9000], [8, 10], [0.5, 30]] as const) {
			const expected = constrain(zoomIdentity.translate(x, 0).scale(k), bounds, bounds);
			const constrained = ZOOM.constrainToWidth(ours.translate(x, 0).scale(k), width);
			expect(constrained.k, `k ${k}, x ${x}`).toBe(expected.k);
			expect(constrained.x, `k ${k}, x ${x}`).toBeCloseTo(expected.x, 9);
		}
	});
});
