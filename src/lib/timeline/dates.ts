/**
 * Partial dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD". The format IS the precision: an event the sources
 * date only to a year is stored as "2013", never as an invented "2013-01-01".
 * Everything here is UTC so that a reader's time zone never moves an event to the day before.
 * Reading dates from text and formatting them with date-fns is in date-text.ts, apart: what only
 * shows a date's label (the embed's first panel) must not load date-fns.
 */

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
	/** The text as stored in events.json. */
	text: string;
	precision: DatePrecision;
	/** First instant of the period (UTC midnight). */
	start: Date;
	/** First instant after the period: a year-precision date covers the whole year. */
	end: Date;
	/**
	 * As a reader sees it: "2023", "July 2024", "17 January 2025". Written when the date is parsed
	 * (at build time), so a page can show dates before date-fns has loaded, if ever.
	 */
	label: string;
}

/** A UTC date from calendar parts (month 0-based, as in Date.UTC). */
export function utc(year: number, month = 0, day = 1): Date {
	const date = new Date(Date.UTC(year, month, day));
	// Date.UTC maps years 0–99 to 1900–1999; set the year again so any year means itself.
	date.setUTCFullYear(year, month, day);
	return date;
}

/** "2023", "July 2024", "17 January 2025": a date written at the precision the sources give. */
export function formatPartialDate(date: PartialDate): string {
	return date.label;
}

/**
 * The date as a reader sees it: "17 January 2025", "approx. July 2024",
 * "2015 – December 2024" for spans, "2022 – ongoing as of October 2025" for a span its sources
 * describe as still going on (it ends at its newest source's date, never past its evidence).
 */
export function formatEventDate(date: PartialDate, end?: PartialDate, approximate = false, ongoing = false): string {
	const to = end ? (ongoing ? `ongoing as of ${formatPartialDate(end)}` : formatPartialDate(end)) : '';
	const text = end ? `${formatPartialDate(date)} – ${to}` : formatPartialDate(date);
	return approximate ? `approx. ${text}` : text;
}

/** The midpoint of a period: where a year- or month-precision event sits on the axis. */
export function midpoint(date: PartialDate): Date {
	return new Date((date.start.getTime() + date.end.getTime()) / 2);
}
