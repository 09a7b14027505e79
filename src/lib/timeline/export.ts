/**
 * Downloads of the data: the shown events with their citations as CSV (one row per citation)
 * and as JSON (the same shape as events.json, so it can be read back).
 */
import { formatUTC } from './dates.ts';
import type { Source, Timeline, TimelineEvent } from './events.ts';

export const CSV_COLUMNS = [
	'event_id', 'date', 'end', 'approximate', 'title', 'summary', 'themes', 'context', 'note',
	'source_id', 'source_title', 'outlet', 'author', 'published', 'source_type', 'url', 'excerpt'
] as const;

/**
 * One CSV cell (RFC 4180). Cells that a spreadsheet would run as a formula (starting with
 * = + - @ or a tab) get a leading apostrophe; the JSON download keeps every text exact.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
	let text = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const sourceCells = (source: Source) => [
	source.id, source.title, source.outlet, source.author,
	source.published ? source.published.text : null, source.type, source.url
];

export function eventsToCsv(events: readonly TimelineEvent[]): string {
	const rows = events.flatMap((event) =>
		event.citations.map((citation) => [
			event.id, event.date.text, event.end?.text, event.approximate, event.title, event.summary,
			event.themes.join(' '), event.context, event.note,
			...sourceCells(citation.source), citation.excerpt
		])
	);
	return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The shown events in events.json's own shape (sources cited by them only). */
export function eventsToJson(timeline: Timeline, events: readonly TimelineEvent[]): string {
	const cited = new Set(events.flatMap((event) => event.citations.map((c) => c.source.id)));
	return JSON.stringify(
		{
			title: timeline.title,
			description: timeline.description,
			sources: timeline.sources
				.filter((source) => cited.has(source.id))
				.map((s) => ({ id: s.id, title: s.title, outlet: s.outlet, author: s.author, published: s.published?.text ?? null, url: s.url, type: s.type })),
			events: events.map((event) => ({
				id: event.id,
				date: event.date.text,
				...(event.end ? { end: event.end.text } : {}),
				...(event.approximate ? { approximate: true } : {}),
				title: event.title,
				summary: event.summary,
				themes: event.themes,
				...(event.context ? { context: true } : {}),
				...(event.note ? { note: event.note } : {}),
				citations: event.citations.map((c) => ({ source: c.source.id, excerpt: c.excerpt, ...(c.speaker ? { speaker: c.speaker } : {}) }))
			}))
		},
		null,
		2
	);
}

/** "Source: five articles (…); timeline at <url>; exported 21 November 2026" for image footers. */
export function sourceLine(timeline: Timeline, link: string, exported: Date): string {
	const outlets = timeline.sources.map((s) => s.outlet ?? 'outlet unknown').join('; ');
	return `Sources: ${outlets}. ${link} — exported ${formatUTC(exported, 'd MMMM yyyy')}`;
}

/** Text for SVG/XML: the five special characters escaped, control characters dropped. */
export function escapeXml(text: string): string {
	return text
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
		.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
