import { describe, expect, it } from 'vitest';
import { formatEventDate, formatPartialDate, midpoint, utc as datesUtc, type PartialDate } from './dates.ts';
import { formatUTC, parsePartialDate } from './date-text.ts';
import { utc } from './test-helpers.ts';

/** Parses a date the test knows is valid. */
function date(text: string): PartialDate {
	const parsed = parsePartialDate(text);
	if (!parsed) throw new Error(`test fixture ${text} should parse`);
	return parsed;
}

it('the unit tests run with TZ=America/Los_Angeles (npm run test:unit), so UTC leaks fail', () => {
	expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/Los_Angeles');
});

describe('parsePartialDate', () => {
	it.each([
		{ text: '2013', precision: 'year', start: utc(2013, 0, 1), end: utc(2014, 0, 1), label: '2013' },
		{ text: '1991', precision: 'year', start: utc(1991, 0, 1), end: utc(1992, 0, 1), label: '1991' },
		{ text: '2024-07', precision: 'month', start: utc(2024, 6, 1), end: utc(2024, 7, 1), label: 'July 2024' },
		{ text: '2024-12', precision: 'month', start: utc(2024, 11, 1), end: utc(2025, 0, 1), label: 'December 2024' },
		{ text: '2024-02', precision: 'month', start: utc(2024, 1, 1), end: utc(2024, 2, 1), label: 'February 2024' },
		{ text: '2025-01-17', precision: 'day', start: utc(2025, 0, 17), end: utc(2025, 0, 18), label: '17 January 2025' },
		{ text: '2025-01-01', precision: 'day', start: utc(2025, 0, 1), end: utc(2025, 0, 2), label: '1 January 2025' },
		{ text: '2024-12-31', precision: 'day', start: utc(2024, 11, 31), end: utc(2025, 0, 1), label: '31 December 2024' },
		{ text: '2024-02-29', precision: 'day', start: utc(2024, 1, 29), end: utc(2024, 2, 1), label: '29 February 2024' },
		{ text: '2000-02-29', precision: 'day', start: utc(2000, 1, 29), end: utc(2000, 2, 1), label: '29 February 2000' }
	])('parsePartialDate("$text") is a $precision from start to end (exclusive), labelled "$label"', ({ text, precision, start, end, label }) => {
		expect(parsePartialDate(text)).toEqual({ text, precision, start, end, label });
	});

	it.each([
		'12/3/99',
		'2024-2',
		'2024-1-05',
		'2024-13',
		'2024-00',
		'2024-01-00',
		'2024-01-32',
		'2023-02-29',
		'1900-02-29',
		'2024-04-31',
		'2024-06-31',
		'',
		'24',
		'20245',
		' 2024',
		'2024 ',
		'2024-01-01T00:00',
		'2024-01-01Z',
		'July 2024'
	])('parsePartialDate(%j) is null', (text) => {
		expect(parsePartialDate(text)).toBeNull();
	});

	it('parsePartialDate("0050") means the year 50, not 1950', () => {
		const parsed = parsePartialDate('0050');
		expect(parsed?.start.getUTCFullYear()).toBe(50);
		expect(parsed?.end.getUTCFullYear()).toBe(51);
	});
});

describe('utc', () => {
	it.each([
		{ year: 2025, month: 0, day: 17, iso: '2025-01-17T00:00:00.000Z' },
		{ year: 2024, month: 1, day: 29, iso: '2024-02-29T00:00:00.000Z' },
		{ year: 2024, month: 11, day: 32, iso: '2025-01-01T00:00:00.000Z' }
	])('utc($year, $month, $day) is UTC midnight $iso', ({ year, month, day, iso }) => {
		expect(datesUtc(year, month, day).toISOString()).toBe(iso);
	});

	it('utc(50) is 1 January of the year 50, not 1950', () => {
		expect(datesUtc(50).getUTCFullYear()).toBe(50);
	});
});

describe('formatPartialDate', () => {
	// The first three are the forms the page shows; the rest sit on UTC midnight of a
	// year's or month's first day, where a local-time format would print the day before in LA.
	it.each([
		{ text: '2023', expected: '2023' },
		{ text: '2024-07', expected: 'July 2024' },
		{ text: '2025-01-17', expected: '17 January 2025' },
		{ text: '2025', expected: '2025' },
		{ text: '2024-01', expected: 'January 2024' },
		{ text: '2025-01-01', expected: '1 January 2025' },
		{ text: '2024-03-01', expected: '1 March 2024' }
	])('formatPartialDate(parsePartialDate("$text")) is "$expected"', ({ text, expected }) => {
		expect(formatPartialDate(date(text))).toBe(expected);
	});
});

describe('formatUTC', () => {
	it('formatUTC(utc(2025, 0, 1), "yyyy-MM-dd HH:mm") prints the UTC wall clock', () => {
		expect(formatUTC(utc(2025, 0, 1), 'yyyy-MM-dd HH:mm')).toBe('2025-01-01 00:00');
	});
});

describe('formatEventDate', () => {
	it.each([
		{ date: '2025-01-17', end: undefined, approximate: false, expected: '17 January 2025' },
		{ date: '2024-07', end: undefined, approximate: true, expected: 'approx. July 2024' },
		{ date: '2013', end: undefined, approximate: true, expected: 'approx. 2013' },
		{ date: '2015', end: '2024-12', approximate: false, expected: '2015 – December 2024' },
		{ date: '2015-09', end: '2024-12', approximate: false, expected: 'September 2015 – December 2024' },
		{ date: '2018', end: '2021-01', approximate: true, expected: 'approx. 2018 – January 2021' }
	])(
		'formatEventDate("$date", "$end", $approximate) is "$expected"',
		({ date: start, end, approximate, expected }) => {
			expect(formatEventDate(date(start), end === undefined ? undefined : date(end), approximate)).toBe(
				expected
			);
		}
	);

	it('formatEventDate(date) defaults to not approximate', () => {
		expect(formatEventDate(date('2023-07'))).toBe('July 2023');
	});
});

describe('midpoint', () => {
	it.each([
		// 2024 has 366 days: the middle is 183 days in.
		{ text: '2024', expected: utc(2024, 6, 2) },
		// 2023 has 365 days: the middle is at noon of day 183.
		{ text: '2023', expected: utc(2023, 6, 2, 12) },
		{ text: '2024-02', expected: utc(2024, 1, 15, 12) },
		{ text: '2025-01', expected: utc(2025, 0, 16, 12) },
		{ text: '2025-01-17', expected: utc(2025, 0, 17, 12) }
	])('midpoint(parsePartialDate("$text")) is halfway through the period', ({ text, expected }) => {
		expect(midpoint(date(text))).toEqual(expected);
	});

	it('midpoint(date) does not mutate the date', () => {
		const input = date('2024-07');
		const before = structuredClone(input);
		midpoint(input);
		expect(input).toEqual(before);
	});
});
