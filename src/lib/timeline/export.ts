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

/**
 * The shown events in events.json's own shape (with the sources they cite and every era), so a
 * download validates and can be read back, excerpt context and source notes included.
 */
export function eventsToJson(timeline: Timeline, events: readonly TimelineEvent[]): string {
	const cited = new Set(events.flatMap((event) => event.citations.map((c) => c.source.id)));
	const optional = <T>(key: string, value: T | undefined | null | false) => (value ? { [key]: value } : {});
	return JSON.stringify(
		{
			title: timeline.title,
			description: timeline.description,
			sources: timeline.sources
				.filter((source) => cited.has(source.id))
				.map((s) => ({
					id: s.id,
					file: s.file,
					title: s.title,
					...optional('titleNote', s.titleNote),
					outlet: s.outlet,
					author: s.author,
					published: s.published?.text ?? null,
					...optional('publishedNote', s.publishedNote),
					url: s.url,
					type: s.type
				})),
			eras: timeline.eras.map((era) => ({ id: era.id, name: era.name, start: era.start.text, end: era.end.text, description: era.description })),
			events: events.map((event) => ({
				id: event.id,
				date: event.date.text,
				...optional('end', event.end?.text),
				...optional('approximate', event.approximate),
				title: event.title,
				summary: event.summary,
				themes: event.themes,
				...optional('context', event.context),
				...optional('note', event.note),
				citations: event.citations.map((c) => ({
					source: c.source.id,
					excerpt: c.excerpt,
					prefix: c.prefix,
					suffix: c.suffix,
					...optional('speaker', c.speaker)
				}))
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
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
