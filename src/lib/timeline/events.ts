/**
 * The timeline model the page renders: validated raw data turned into events with parsed dates,
 * their citations joined to their sources, sorted by where they sit on the axis.
 */
import { formatEventDate, midpoint, parsePartialDate, type PartialDate } from './dates.ts';
import type { RawTimelineData } from './schema.ts';
import type { SourceType } from './source-types.ts';
import type { ThemeId } from './themes.ts';

export interface Source {
	id: string;
	/** File name of the source's text in the sources folder (the verbatim check reads it). */
	file: string;
	title: string | null;
	titleNote?: string;
	outlet: string | null;
	author: string | null;
	published: PartialDate | null;
	publishedNote?: string;
	url: string | null;
	type: SourceType;
}

export interface Citation {
	source: Source;
	excerpt: string;
	prefix: string;
	suffix: string;
	speaker?: string;
}

export interface TimelineEvent {
	id: string;
	date: PartialDate;
	end?: PartialDate;
	approximate: boolean;
	title: string;
	summary: string;
	themes: ThemeId[];
	context: boolean;
	note?: string;
	citations: Citation[];
	/** Where the event sits on the axis (ms since epoch): the middle of its period, or its start for spans. */
	time: number;
	/** Where a span ends on the axis (ms): the end of its last period. */
	endTime?: number;
}

export interface Era {
	id: string;
	name: string;
	start: PartialDate;
	end: PartialDate;
	description: string;
}

export interface Timeline {
	title: string;
	description: string;
	sources: Source[];
	eras: Era[];
	events: TimelineEvent[];
}

/** Parses a date already checked by the schema. */
function checkedDate(text: string): PartialDate {
	const date = parsePartialDate(text);
	if (!date) throw new Error(`unvalidated date ${JSON.stringify(text)}: validate events.json first`);
	return date;
}

/** Builds the model from data that passed validateTimelineData(). Does not mutate its input. */
export function buildTimeline(raw: RawTimelineData): Timeline {
	const sources: Source[] = raw.sources.map(({ published, ...source }) => ({
		...source,
		published: published === null ? null : checkedDate(published)
	}));
	const sourceById = new Map(sources.map((source) => [source.id, source]));

	const events = raw.events.map((event, index): TimelineEvent & { index: number } => {
		const date = checkedDate(event.date);
		const end = event.end === undefined ? undefined : checkedDate(event.end);
		return {
			id: event.id,
			date,
			end,
			approximate: event.approximate ?? false,
			title: event.title,
			summary: event.summary,
			themes: [...event.themes],
			context: event.context ?? false,
			note: event.note,
			citations: event.citations.map((citation) => ({
				source: sourceById.get(citation.source)!,
				excerpt: citation.excerpt,
				prefix: citation.prefix ?? '',
				suffix: citation.suffix ?? '',
				speaker: citation.speaker
			})),
			time: end ? date.start.getTime() : midpoint(date).getTime(),
			endTime: end?.end.getTime(),
			index
		};
	});
	// Axis order, and the file's order where two events share a position.
	events.sort((a, b) => a.time - b.time || a.index - b.index);

	return {
		title: raw.title,
		description: raw.description,
		sources,
		eras: raw.eras.map((era) => ({ ...era, start: checkedDate(era.start), end: checkedDate(era.end) })),
		events: events.map(({ index: _index, ...event }) => event)
	};
}

/** The number of distinct sources an event cites. */
export function sourceCount(event: TimelineEvent): number {
	return new Set(event.citations.map((citation) => citation.source.id)).size;
}

/** The date as readers see it: "17 January 2025", "approx. July 2024", "2015 – December 2024". */
export function eventDateText(event: Pick<TimelineEvent, 'date' | 'end' | 'approximate'>): string {
	return formatEventDate(event.date, event.end, event.approximate);
}

/** The accessible name of an event's button: "17 January 2025: Title, 5 sources". */
export function eventButtonName(event: TimelineEvent): string {
	const count = sourceCount(event);
	const context = event.context ? ' (context)' : '';
	return `${eventDateText(event)}: ${event.title}${context}, ${count} source${count === 1 ? '' : 's'}`;
}
