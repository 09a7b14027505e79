import { describe, expect, it } from 'vitest';
import { DAY, utc } from './test-helpers.ts';
import { formatTick, tickStepFor, ticksFor, type TickUnit } from './ticks.ts';

const YEAR = 365.25 * DAY;

/** Pixel distance between consecutive ticks for a view of [from, to] across width px. */
function spacings(from: Date, to: Date, width: number): number[] {
	const pxPerMs = width / (to.getTime() - from.getTime());
	const ticks = ticksFor(from, to, width);
	return ticks.slice(1).map((tick, i) => (tick.time - ticks[i]!.time) * pxPerMs);
}

describe('ticksFor', () => {
	it('ticksFor(1991, 2026, 1200px) labels every other year, "1992" … "2026"', () => {
		const ticks = ticksFor(utc(1991), utc(2026), 1200);
		const years = Array.from({ length: 18 }, (_, i) => 1992 + 2 * i);
		expect(ticks.map((tick) => tick.label)).toEqual(years.map(String));
		expect(ticks.map((tick) => tick.time)).toEqual(years.map((year) => utc(year).getTime()));
	});

	it('ticksFor(1991, 2026, 3000px) labels every year with 4 digits', () => {
		const labels = ticksFor(utc(1991), utc(2026), 3000).map((tick) => tick.label);
		expect(labels).toEqual(Array.from({ length: 36 }, (_, i) => String(1991 + i)));
	});

	it('ticksFor(January–April 2025, 600px) labels months: "Jan 2025", "Feb", "Mar", "Apr"', () => {
		expect(ticksFor(utc(2025, 0, 1), utc(2025, 3, 1), 600)).toEqual([
			{ time: utc(2025, 0, 1).getTime(), label: 'Jan 2025' },
			{ time: utc(2025, 1, 1).getTime(), label: 'Feb' },
			{ time: utc(2025, 2, 1).getTime(), label: 'Mar' },
			{ time: utc(2025, 3, 1).getTime(), label: 'Apr' }
		]);
	});

	it('ticksFor(November 2024 – February 2025, 600px) puts the year on January', () => {
		const labels = ticksFor(utc(2024, 10, 1), utc(2025, 1, 1), 600).map((tick) => tick.label);
		expect(labels).toEqual(['Nov', 'Dec', 'Jan 2025', 'Feb']);
	});

	it('ticksFor(14–21 January 2025, 1200px) labels days: "14 Jan" … "21 Jan"', () => {
		const ticks = ticksFor(utc(2025, 0, 14), utc(2025, 0, 21), 1200);
		expect(ticks.map((tick) => tick.label)).toEqual([
			'14 Jan',
			'15 Jan',
			'16 Jan',
			'17 Jan',
			'18 Jan',
			'19 Jan',
			'20 Jan',
			'21 Jan'
		]);
		expect(ticks[3]!.time).toBe(utc(2025, 0, 17).getTime());
	});

	it('ticksFor(29 January – 4 February 2025, 1200px) writes the month and year on the 1st', () => {
		const labels = ticksFor(utc(2025, 0, 29), utc(2025, 1, 4), 1200).map((tick) => tick.label);
		expect(labels).toEqual(['29 Jan', '30 Jan', '31 Jan', '1 Feb 2025', '2 Feb', '3 Feb', '4 Feb']);
	});

	it('ticksFor(from, to) never puts a tick outside [from, to]', () => {
		const from = utc(2024, 6, 10, 15);
		const to = utc(2025, 2, 3, 9);
		for (const tick of ticksFor(from, to, 900)) {
			expect(tick.time).toBeGreaterThanOrEqual(from.getTime());
			expect(tick.time).toBeLessThanOrEqual(to.getTime());
		}
	});

	it('ticksFor(from, to, width) does not mutate its dates', () => {
		const from = utc(2025, 0, 14);
		const to = utc(2025, 0, 21);
		ticksFor(from, to, 1200);
		expect([from, to]).toEqual([utc(2025, 0, 14), utc(2025, 0, 21)]);
	});

	it.each([
		{ name: '35 years', from: utc(1991), to: utc(2026), width: 1200 },
		{ name: '4 years', from: utc(2022), to: utc(2026), width: 1200 },
		{ name: '3 months', from: utc(2025, 0, 1), to: utc(2025, 3, 1), width: 600 },
		{ name: 'a week', from: utc(2025, 0, 14), to: utc(2025, 0, 21), width: 1200 },
		{ name: 'a week on a phone', from: utc(2025, 0, 14), to: utc(2025, 0, 21), width: 360 },
		{ name: '35 years on a phone', from: utc(1991), to: utc(2026), width: 360 }
	])('ticksFor($name, $width px) keeps ticks at least 64px apart', ({ from, to, width }) => {
		const gaps = spacings(from, to, width);
		expect(gaps.length).toBeGreaterThan(0);
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(64);
	});

	// Views whose span puts a step right at the 64px threshold: the month after a short month, the
	// quarter January–March, and a common year all come out shorter than the step's average length.
	it.each([
		{ name: 'a 570-day view from January 2025 at the month threshold', from: utc(2025, 0, 1), span: 30.4 * DAY * (1200 / 64) },
		{ name: 'a 2-year view at the quarter threshold', from: utc(2023, 0, 1), span: 91 * DAY * (1200 / 64) },
		{ name: 'a 19-year view at the year threshold', from: utc(2001, 0, 1), span: YEAR * (1200 / 64) }
	])('ticksFor($name, 1200px) keeps ticks at least 64px apart', ({ from, span }) => {
		const to = new Date(from.getTime() + span);
		expect(Math.min(...spacings(from, to, 1200))).toBeGreaterThanOrEqual(64);
	});
});

describe('tickStepFor', () => {
	it.each([
		{ span: 35 * YEAR, width: 1200, unit: 'year' },
		{ span: 4 * YEAR, width: 1200, unit: 'month' },
		{ span: 90 * DAY, width: 600, unit: 'month' },
		{ span: 90 * DAY, width: 1200, unit: 'day' },
		{ span: 7 * DAY, width: 1200, unit: 'day' },
		{ span: 5000 * YEAR, width: 100, unit: 'year' }
	])('tickStepFor($span ms, $width px).unit is $unit', ({ span, width, unit }) => {
		expect(tickStepFor(span, width).unit).toBe(unit);
	});

	it('tickStepFor(span, 0) does not divide by zero', () => {
		expect(tickStepFor(7 * DAY, 0).unit).toBe('year');
	});
});

describe('formatTick', () => {
	it.each([
		{ date: utc(2013), unit: 'year', expected: '2013' },
		// UTC midnight on 1 January is still 31 December in Los Angeles.
		{ date: utc(2025), unit: 'year', expected: '2025' },
		{ date: utc(1991), unit: 'year', expected: '1991' },
		{ date: utc(2025, 0, 1), unit: 'month', expected: 'Jan 2025' },
		{ date: utc(2025, 1, 1), unit: 'month', expected: 'Feb' },
		{ date: utc(2024, 11, 1), unit: 'month', expected: 'Dec' },
		{ date: utc(2025, 0, 17), unit: 'day', expected: '17 Jan' },
		{ date: utc(2025, 1, 1), unit: 'day', expected: '1 Feb 2025' },
		{ date: utc(2025, 0, 1), unit: 'day', expected: '1 Jan 2025' },
		{ date: utc(2024, 1, 29), unit: 'day', expected: '29 Feb' }
	] as { date: Date; unit: TickUnit; expected: string }[])(
		'formatTick($date, "$unit") is "$expected"',
		({ date, unit, expected }) => {
			expect(formatTick(date, unit)).toBe(expected);
		}
	);
});
