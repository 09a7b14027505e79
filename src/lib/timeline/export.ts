/**
 * Downloads of the data: the shown events with their citations as CSV (one row per citation)
 * and as JSON (the same shape as events.json, so it can be read back).
 */
import { formatPartialDate } from './dates.ts';
import { formatUTC } from './date-text.ts';
import { sourceCredit, type Source, type Timeline, type TimelineEvent } from './events.ts';
import { NOTE_LABEL } from './source-types.ts';

export const CSV_COLUMNS = [
	'event_id', 'date', 'end', 'ongoing', 'approximate', 'date_basis', 'title', 'label', 'key', 'summary', 'themes', 'context', 'notes', 'corrections',
	'source_id', 'source', 'source_title', 'outlet', 'author', 'published', 'source_type', 'url', 'speaker', 'section', 'excerpt'
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
	source.id, sourceCredit(source), source.title, source.outlet, source.author,
	source.published ? source.published.text : null, source.type, source.url
];

/** Notes and corrections in one cell each, labelled as on the page. */
const notesCell = (event: TimelineEvent) => event.notes.map((note) => `${NOTE_LABEL[note.kind]}: ${note.text}`).join('\n');
const correctionsCell = (event: TimelineEvent) =>
	event.corrections.map((correction) => `Corrected ${formatPartialDate(correction.date)}: ${correction.text}`).join('\n');

export function eventsToCsv(events: readonly TimelineEvent[]): string {
	const rows = events.flatMap((event) =>
		event.citations.map((citation) => [
			event.id, event.date.text, event.end?.text, event.ongoing, event.approximate, event.dateBasis, event.title, event.label, event.key, event.summary,
			event.themes.join(' '), event.context, notesCell(event), correctionsCell(event),
			...sourceCells(citation.source), citation.speaker, citation.section, citation.excerpt
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
	// A contained source travels with its container, so the download still validates.
	for (const source of timeline.sources) if (cited.has(source.id) && source.within) cited.add(source.within.id);
	const optional = <T>(key: string, value: T | undefined | null | false) =>
		value && !(Array.isArray(value) && value.length === 0) && !(typeof value === 'object' && Object.keys(value).length === 0) ? { [key]: value } : {};
	return JSON.stringify(
		{
			title: timeline.title,
			description: timeline.description,
			updated: timeline.updated.text,
			sources: timeline.sources
				.filter((source) => cited.has(source.id))
				.map((s) => ({
					id: s.id,
					name: s.name,
					...optional('file', s.file),
					...optional('within', s.within?.id),
					...optional('extent', s.extent),
					title: s.title,
					outlet: s.outlet,
					author: s.author,
					published: s.published?.text ?? null,
					...optional('notBefore', s.notBefore?.text),
					url: s.url,
					type: s.type,
					...optional('provenance', s.provenance),
					...optional('about', s.about)
				})),
			eras: timeline.eras.map((era) => ({ id: era.id, name: era.name, start: era.start.text, end: era.end.text, description: era.description })),
			events: events.map((event) => ({
				id: event.id,
				...optional('formerIds', event.formerIds),
				date: event.date.text,
				...optional('end', event.end?.text),
				...optional('ongoing', event.ongoing),
				...optional('approximate', event.approximate),
				dateBasis: event.dateBasis,
				title: event.title,
				...optional('label', event.label),
				...optional('key', event.key),
				summary: event.summary,
				themes: event.themes,
				...optional('context', event.context),
				...optional('notes', event.notes),
				...optional('corrections', event.corrections.map((c) => ({ date: c.date.text, text: c.text }))),
				citations: event.citations.map((c) => ({
					source: c.source.id,
					excerpt: c.excerpt,
					prefix: c.prefix,
					suffix: c.suffix,
					...optional('speaker', c.speaker),
					...optional('section', c.section)
				}))
			}))
		},
		null,
		2
	);
}

/** "Source: five articles (…); timeline at <url>; exported 21 November 2026" for image footers. */
export function sourceLine(timeline: Timeline, link: string, exported: Date): string {
	const outlets = timeline.sources.map(sourceCredit).join('; ');
	return `Sources: ${outlets}. ${link} — exported ${formatUTC(exported, 'd MMMM yyyy')}`;
}

/** Text for SVG/XML: the five special characters escaped, control characters dropped. */
export function escapeXml(text: string): string {
	return text
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
		.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
