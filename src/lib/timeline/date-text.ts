/**
 * Dates to and from text, with date-fns: partial dates read from events.json's text (labelled for
 * readers as they are read), and dates formatted for the axis, the citations and the downloads.
 * Apart from dates.ts so that what only shows a date's label (the embed's first panel) does not
 * load date-fns.
 */
import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';
import { utc, type DatePrecision, type PartialDate } from './dates.ts';

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
		return labelled({ text, precision: 'year', start: utc(year, 0, 1), end: utc(year + 1, 0, 1) });
	}
	if (day === undefined) {
		return labelled({ text, precision: 'month', start: utc(year, month, 1), end: utc(year, month + 1, 1) });
	}
	const start = utc(year, month, day);
	// Date.UTC rolls 31 April over to 1 May; a real calendar day survives the round trip.
	if (start.getUTCMonth() !== month || start.getUTCDate() !== day) return null;
	return labelled({ text, precision: 'day', start, end: utc(year, month, day + 1) });
}

/** Formats a UTC date with a date-fns pattern, in UTC whatever the reader's time zone. */
export function formatUTC(date: Date, pattern: string): string {
	return format(new UTCDate(date.getTime()), pattern);
}

const PATTERN_FOR: Record<DatePrecision, string> = { year: 'yyyy', month: 'MMMM yyyy', day: 'd MMMM yyyy' };

/** A parsed date with its label: the date written at the precision the sources give. */
function labelled(date: Omit<PartialDate, 'label'>): PartialDate {
	return { ...date, label: formatUTC(date.start, PATTERN_FOR[date.precision]) };
}
