import { describe, expect, it } from 'vitest';
import { createTimeScale, domainFor } from './scale.ts';
import { utc } from './test-helpers.ts';

describe('createTimeScale', () => {
	it('createTimeScale([2000, 2010], 1000) maps the domain onto [0, 1000] in UTC', () => {
		const scale = createTimeScale([utc(2000), utc(2010)], 1000);
		expect(scale(utc(2000))).toBe(0);
		expect(scale(utc(2010))).toBe(1000);
		// 2000–2010 is 3653 days; half of it is 1826.5 days, and 2000–2004 hold 1827.
		expect(scale.invert(500)).toEqual(utc(2004, 11, 31, 12));
	});

	it('createTimeScale(domain, 0) keeps a 1px range so nothing divides by zero', () => {
		expect(createTimeScale([utc(2000), utc(2010)], 0).range()).toEqual([0, 1]);
	});

	it('createTimeScale(domain, width) ticks on UTC midnights, whatever TZ says', () => {
		const ticks = createTimeScale([utc(2025, 0, 1), utc(2025, 0, 8)], 700).ticks(7);
		for (const tick of ticks) expect(tick.getUTCHours()).toBe(0);
	});

	it('createTimeScale(domain, width) does not mutate the domain', () => {
		const domain: [Date, Date] = [utc(2000), utc(2010)];
		createTimeScale(domain, 100);
		expect(domain).toEqual([utc(2000), utc(2010)]);
	});
});

describe('domainFor', () => {
	it.each([
		{ name: '1991 and 17 January 2025', times: [utc(1991, 6, 2), utc(2025, 0, 17, 12)], years: [1991, 2026] },
		{ name: 'times in one year', times: [utc(2023, 2, 1), utc(2023, 9, 1)], years: [2023, 2024] },
		{ name: 'unsorted times', times: [utc(2025, 0, 1), utc(2013), utc(2020, 5, 5)], years: [2013, 2026] },
		{ name: 'a single time', times: [utc(2024, 1, 29)], years: [2024, 2025] }
	])('domainFor($name) covers whole years, with room on both sides', ({ times, years }) => {
		const [start, end] = domainFor(times.map((time) => time.getTime()));
		const [first, last] = [utc(years[0]!), utc(years[1]!)];
		// Starts no later than 1 January of the first year and ends no earlier than the end of the last…
		expect(start.getTime()).toBeLessThanOrEqual(first.getTime());
		expect(end.getTime()).toBeGreaterThanOrEqual(last.getTime());
		// …padded by at most a tenth of those years on each side.
		const slack = (last.getTime() - first.getTime()) / 10;
		expect(first.getTime() - start.getTime()).toBeLessThanOrEqual(slack);
		expect(end.getTime() - last.getTime()).toBeLessThanOrEqual(slack);
		// Every time is inside.
		for (const time of times) {
			expect(time.getTime()).toBeGreaterThanOrEqual(start.getTime());
			expect(time.getTime()).toBeLessThan(end.getTime());
		}
	});

	it('domainFor(times) pads both sides equally', () => {
		const [start, end] = domainFor([utc(1991).getTime(), utc(2025, 5, 1).getTime()]);
		expect(utc(1991).getTime() - start.getTime()).toBe(end.getTime() - utc(2026).getTime());
	});

	it('domainFor([]) throws', () => {
		expect(() => domainFor([])).toThrow(/at least one time/);
	});

	it('domainFor(times) does not mutate its input', () => {
		const times = [utc(2025).getTime(), utc(1991).getTime()];
		domainFor(Object.freeze([...times]));
		expect(times).toEqual([utc(2025).getTime(), utc(1991).getTime()]);
	});
});
