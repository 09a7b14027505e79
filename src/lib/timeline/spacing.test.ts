import { describe, expect, it } from 'vitest';
import { viewScale } from './scale.ts';
import { axisBreaks, createBaseScale, createEvenScale, evenTicks, isSpacing, PRECISION_LEVEL, slotCount, stopsOf } from './spacing.ts';

const utc = (year: number, month = 0, day = 1, hour = 0) => Date.UTC(year, month, day, hour);
const DOMAIN: [Date, Date] = [new Date(utc(1990)), new Date(utc(2026))];
const identity = { k: 1, x: 0 };

describe('createEvenScale', () => {
	const times = [utc(2000, 6, 1), utc(2013, 6, 1), utc(2025, 0, 17, 12), utc(2025, 0, 17, 12), utc(2025, 0, 20, 12)];
	const scale = createEvenScale(DOMAIN, times, 800);

	it('gives each distinct time an equal slot, its events at the slot’s centre', () => {
		// Four distinct times across 800 px: slots of 200 px, centres at 100, 300, 500, 700.
		expect(slotCount(scale)).toBe(4);
		expect([utc(2000, 6, 1), utc(2013, 6, 1), utc(2025, 0, 17, 12), utc(2025, 0, 20, 12)].map((t) => scale(t))).toEqual([100, 300, 500, 700]);
	});

	it('puts the domain’s ends at the plot’s edges and other dates on the line between their stops', () => {
		expect(scale(DOMAIN[0])).toBe(0);
		expect(scale(DOMAIN[1])).toBe(800);
		// Halfway in time between the 2000 and 2013 stops is halfway between their slots.
		expect(scale((utc(2000, 6, 1) + utc(2013, 6, 1)) / 2)).toBeCloseTo(200, 9);
		expect(scale.invert(200).getTime()).toBeCloseTo((utc(2000, 6, 1) + utc(2013, 6, 1)) / 2, -1);
	});

	it('is the plain time scale without events, and on the time scale', () => {
		expect(slotCount(createEvenScale(DOMAIN, [], 800))).toBe(0);
		expect(slotCount(createBaseScale('time', DOMAIN, times, 800))).toBe(0);
		expect(createBaseScale('time', DOMAIN, times, 800)(DOMAIN[0])).toBe(0);
	});

	it('isSpacing accepts only the two names', () => {
		expect(['even', 'time', 'Even', '', undefined, 'time '].map(isSpacing)).toEqual([true, true, false, false, false, false]);
	});
});

describe('evenTicks', () => {
	it('ticks the start of each year that holds an event, coarse levels first, never closer than the spacing', () => {
		const times = [utc(1991, 6, 1), utc(2000, 6, 1), utc(2013, 6, 1), utc(2015, 6, 16)];
		const base = createEvenScale(DOMAIN, times, 800);
		const ticks = evenTicks(stopsOf(base), viewScale(base, identity), 800, () => PRECISION_LEVEL.month);
		expect(ticks.filter((tick) => /^\d{4}$/.test(tick.label)).map((tick) => tick.label)).toEqual(['1991', '2000', '2013', '2015']);
		for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.x - ticks[i - 1]!.x).toBeGreaterThanOrEqual(64);
	});

	it('gives a day tick only to times dated to the day, and names a year once when no year tick is in view', () => {
		const times = [utc(2024, 11, 16, 12), utc(2025, 0, 16, 12), utc(2025, 0, 17, 12), utc(2025, 0, 20, 12), utc(2025, 0, 22, 12)];
		const precision = new Map([[utc(2025, 0, 16, 12), PRECISION_LEVEL.month]]);
		const base = createEvenScale(DOMAIN, times, 1000);
		// Zoomed to the January stops (×2.5 about the 17th): no 1 January in view.
		const view = viewScale(base, { k: 2.5, x: -2.5 * base(utc(2025, 0, 17, 12)) + 300 });
		const ticks = evenTicks(stopsOf(base), view, 1000, (time) => precision.get(time) ?? PRECISION_LEVEL.day);
		const labels = ticks.map((tick) => tick.label);
		// "2024-12-16" would be a day tick: 16 Jan 2025 is a month-precision time and gets none.
		expect(labels).not.toContain('16 Jan');
		expect(labels.filter((label) => label.endsWith('2025'))).toHaveLength(1);
		expect(labels.find((label) => label.endsWith('2025'))).toBe('17 Jan 2025');
		expect(labels).toContain('20 Jan');
	});
});

describe('axisBreaks', () => {
	it('breaks between neighbouring stops two or more calendar years apart, naming the years skipped', () => {
		const times = [utc(1991, 6, 1), utc(2000, 6, 1), utc(2002, 6, 1), utc(2003, 6, 1)];
		const base = createEvenScale(DOMAIN, times, 800);
		const breaks = axisBreaks(stopsOf(base), viewScale(base, identity), 800);
		expect(breaks.map((b) => b.skipped)).toEqual(['1992–1999', '2001']);
		// Midway between the two slots: (100 + 300) / 2 and (300 + 500) / 2.
		expect(breaks.map((b) => b.x)).toEqual([200, 400]);
	});

	it('draws breaks closer than 14 px as one that names each gap', () => {
		const times = [utc(1991, 6, 1), utc(1995, 6, 1), utc(1999, 6, 1), ...Array.from({ length: 100 }, (_, i) => utc(2020, 0, 1 + i))];
		const base = createEvenScale(DOMAIN, times, 600);
		const breaks = axisBreaks(stopsOf(base), viewScale(base, identity), 600);
		expect(breaks).toHaveLength(1);
		expect(breaks[0]!.skipped).toBe('1992–1994, 1996–1998, 2000–2019');
	});
});
