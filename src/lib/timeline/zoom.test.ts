import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import { createTimeScale } from './scale.ts';
import { DAY, utc } from './test-helpers.ts';
import {
	clampTransform,
	MIN_VISIBLE_MS,
	scaleExtentFor,
	transformForRange,
	visibleRange,
	zoomAboutCentre
} from './zoom.ts';

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

describe('transformForRange', () => {
	it.each([
		{ name: '2022–2026', range: [utc(2022), utc(2026)] as [Date, Date] },
		{ name: '1991–1992', range: [utc(1991), utc(1992)] as [Date, Date] },
		{ name: '2013', range: [utc(2013), utc(2014)] as [Date, Date] },
		{ name: 'January 2025', range: [utc(2025, 0, 1), utc(2025, 1, 1)] as [Date, Date] },
		{ name: 'the week around 17 January 2025', range: [utc(2025, 0, 14), utc(2025, 0, 21)] as [Date, Date] },
		{ name: 'the whole domain', range: [utc(1991), utc(2026)] as [Date, Date] }
	])('visibleRange(base, transformForRange(base, $name)) is $name', ({ range }) => {
		expectRangeNear(visibleRange(base, transformForRange(base, range)), range);
	});

	it('transformForRange(base, whole domain) is the identity', () => {
		const t = transformForRange(base, [utc(1991), utc(2026)]);
		expect(t.k).toBeCloseTo(1, 9);
		expect(t.x).toBeCloseTo(0, 6);
	});

	it.each([
		{ name: 'one day', range: [utc(2025, 0, 17), utc(2025, 0, 18)] as [Date, Date] },
		{ name: 'one hour', range: [utc(2025, 0, 17, 12), utc(2025, 0, 17, 13)] as [Date, Date] },
		{ name: 'three days in 2013', range: [utc(2013, 5, 1), utc(2013, 5, 4)] as [Date, Date] }
	])('transformForRange(base, $name) widens to 7 days centred on the range', ({ range }) => {
		const t = transformForRange(base, range);
		const visible = visibleRange(base, t);
		expect(t.k).toBeCloseTo(scaleExtentFor(base)[1], 6);
		expect(Math.abs(spanOf(visible) - MIN_VISIBLE_MS)).toBeLessThanOrEqual(TOLERANCE_MS);
		// The requested dates stay in view, in the middle.
		expect(Math.abs(centreOf(visible) - centreOf(range))).toBeLessThanOrEqual(TOLERANCE_MS);
	});

	it.each([
		{
			name: 'July 2025 – 2027 (past the end)',
			range: [utc(2025, 6, 1), utc(2027)] as [Date, Date],
			// Same 549-day span, slid back to end on 1 January 2026.
			expected: [utc(2024, 6, 1), utc(2026)] as [Date, Date]
		},
		{
			name: '1990–1995 (before the start)',
			range: [utc(1990), utc(1995)] as [Date, Date],
			expected: [utc(1991), utc(1996)] as [Date, Date]
		}
	])('transformForRange(base, $name) slides the view inside the domain', ({ range, expected }) => {
		expectRangeNear(visibleRange(base, transformForRange(base, range)), expected);
	});

	it.each([
		{ name: 'a range wider than the domain', range: [utc(1980), utc(2040)] as [Date, Date] },
		{ name: 'an empty range', range: [utc(2025, 0, 17), utc(2025, 0, 17)] as [Date, Date] },
		{ name: 'a reversed range', range: [utc(2025), utc(2024)] as [Date, Date] }
	])('transformForRange(base, $name) shows the whole domain', ({ range }) => {
		expectRangeNear(visibleRange(base, transformForRange(base, range)), [utc(1991), utc(2026)]);
	});

	it('transformForRange(base, range) does not mutate the base scale or the range', () => {
		const range: [Date, Date] = [utc(2022), utc(2026)];
		transformForRange(base, range);
		expect(range).toEqual([utc(2022), utc(2026)]);
		expect(base.domain()).toEqual([utc(1991), utc(2026)]);
		expect(base.range()).toEqual([0, 1200]);
	});
});

describe('clampTransform', () => {
	const [, kMax] = scaleExtentFor(base);
	it.each([
		{ name: 'zoomIdentity', t: zoomIdentity, k: 1, x: 0 },
		{ name: 'scale(0.5)', t: zoomIdentity.scale(0.5), k: 1, x: 0 },
		{ name: 'translate(100) (past the start)', t: zoomIdentity.translate(100, 0), k: 1, x: 0 },
		{ name: 'translate(-100) at k = 1 (past the end)', t: zoomIdentity.translate(-100, 0), k: 1, x: 0 },
		{ name: 'translate(-1000).scale(2)', t: zoomIdentity.translate(-1000, 0).scale(2), k: 2, x: -1000 },
		{ name: 'translate(-5000).scale(2) (past the end)', t: zoomIdentity.translate(-5000, 0).scale(2), k: 2, x: -1200 },
		{ name: 'scale(1e6) (past a week)', t: zoomIdentity.scale(1e6), k: kMax, x: 0 }
	])('clampTransform(base, $name) is {k: $k, x: $x}', ({ t, k, x }) => {
		const clamped = clampTransform(base, t);
		expect(clamped.k).toBeCloseTo(k, 9);
		expect(clamped.x).toBeCloseTo(x, 6);
	});

	it('clampTransform(base, t) returns a new transform and leaves t alone', () => {
		const t = zoomIdentity.translate(50, 0).scale(0.5);
		const clamped = clampTransform(base, t);
		expect(clamped).not.toBe(t);
		expect([t.k, t.x, t.y]).toEqual([0.5, 50, 0]);
	});
});

describe('zoomAboutCentre', () => {
	const inside: { name: string; t: ZoomTransform; factor: number }[] = [
		{ name: 'zoomIdentity, 2', t: zoomIdentity, factor: 2 },
		{ name: 'the 2022–2026 view, 2', t: transformForRange(base, [utc(2022), utc(2026)]), factor: 2 },
		{ name: 'the 2005–2009 view, 0.5', t: transformForRange(base, [utc(2005), utc(2009)]), factor: 0.5 },
		{ name: 'the 2013 view, 8', t: transformForRange(base, [utc(2013), utc(2014)]), factor: 8 }
	];
	it.each(inside)('zoomAboutCentre(base, $name) keeps the centre date and scales the span', ({ t, factor }) => {
		const before = visibleRange(base, t);
		const after = visibleRange(base, zoomAboutCentre(base, t, factor));
		expect(Math.abs(centreOf(after) - centreOf(before))).toBeLessThanOrEqual(TOLERANCE_MS);
		expect(spanOf(after) / spanOf(before)).toBeCloseTo(1 / factor, 6);
	});

	it('zoomAboutCentre(base, two weeks around 17 January 2025, 4) stops at 7 days, still centred', () => {
		const twoWeeks: [Date, Date] = [utc(2025, 0, 10, 12), utc(2025, 0, 24, 12)];
		const t = zoomAboutCentre(base, transformForRange(base, twoWeeks), 4);
		const after = visibleRange(base, t);
		expect(t.k).toBeCloseTo(scaleExtentFor(base)[1], 6);
		expect(Math.abs(spanOf(after) - MIN_VISIBLE_MS)).toBeLessThanOrEqual(TOLERANCE_MS);
		expect(Math.abs(centreOf(after) - centreOf(twoWeeks))).toBeLessThanOrEqual(TOLERANCE_MS);
	});

	it('zoomAboutCentre(base, the 2024–2026 view, 0.25) zooms out but stays inside the domain', () => {
		const t = zoomAboutCentre(base, transformForRange(base, [utc(2024), utc(2026)]), 0.25);
		const [from, to] = visibleRange(base, t);
		expect(to.getTime()).toBeLessThanOrEqual(utc(2026).getTime() + TOLERANCE_MS);
		expect(from.getTime()).toBeGreaterThanOrEqual(utc(1991).getTime() - TOLERANCE_MS);
		expect(spanOf([from, to])).toBeCloseTo(4 * (utc(2026).getTime() - utc(2024).getTime()), -5);
	});

	it('zoomAboutCentre(base, zoomIdentity, 0.5) stays at the whole domain', () => {
		expectRangeNear(visibleRange(base, zoomAboutCentre(base, zoomIdentity, 0.5)), [utc(1991), utc(2026)]);
	});
});
