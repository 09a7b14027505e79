/**
 * Partial dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD". The format IS the precision: an event the sources
 * date only to a year is stored as "2013", never as an invented "2013-01-01".
 * Everything here is UTC so that a reader's time zone never moves an event to the day before.
 */
import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
	/** The text as stored in events.json. */
	text: string;
	precision: DatePrecision;
	/** First instant of the period (UTC midnight). */
	start: Date;
	/** First instant after the period: a year-precision date covers the whole year. */
	end: Date;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a partial date, or returns null when the text is not one or names no real calendar day. */
export function parsePartialDate(text: string): PartialDate | null {
	const match = PARTIAL_DATE.exec(text);
	if (!match) return null;
	const year = Number(match[1]);
	const month = match[2] === undefined ? undefined : Number(match[2]) - 1;
	const day = match[3] === undefined ? undefined : Number(match[3]);
	if (month !== undefined && (month < 0 || month > 11)) return null;
	if (month === undefined) {
		return { text, precision: 'year', start: utc(year, 0, 1), end: utc(year + 1, 0, 1) };
	}
	if (day === undefined) {
		return { text, precision: 'month', start: utc(year, month, 1), end: utc(year, month + 1, 1) };
	}
	const start = utc(year, month, day);
	// Date.UTC rolls 31 April over to 1 May; a real calendar day survives the round trip.
	if (start.getUTCMonth() !== month || start.getUTCDate() !== day) return null;
	return { text, precision: 'day', start, end: utc(year, month, day + 1) };
}

/** A UTC date from calendar parts (month 0-based, as in Date.UTC). */
export function utc(year: number, month = 0, day = 1): Date {
	const date = new Date(Date.UTC(year, month, day));
	// Date.UTC maps years 0–99 to 1900–1999; set the year again so any year means itself.
	date.setUTCFullYear(year, month, day);
	return date;
}

/** Formats a UTC date with a date-fns pattern, in UTC whatever the reader's time zone. */
export function formatUTC(date: Date, pattern: string): string {
	return format(new UTCDate(date.getTime()), pattern);
}

const PATTERN_FOR: Record<DatePrecision, string> = { year: 'yyyy', month: 'MMMM yyyy', day: 'd MMMM yyyy' };

/** "2023", "July 2024", "17 January 2025": a date written at the precision the sources give. */
export function formatPartialDate(date: PartialDate): string {
	return formatUTC(date.start, PATTERN_FOR[date.precision]);
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
