/**
 * The timeline model the page renders (events with parsed dates, their citations joined to their
 * sources, in axis order; build.ts makes it from events.json), and what reads it: credits, groups,
 * date texts, names.
 */
import { formatEventDate, type PartialDate } from './dates.ts';
import type { DateBasis, NoteKind, SourceType } from './source-types.ts';
import type { ThemeId } from './themes.ts';

export interface Source {
	id: string;
	/** How readers know the source: outlet or author, or what is known of it. */
	name: string;
	/** File name of the source's text in the sources folder; absent for a contained source. */
	file?: string;
	/** The source that reproduces this one's text (Borna News inside Zuesse's post). */
	within?: Source;
	/** The first and last words of the reproduced text in its container. */
	extent?: { start: string; end: string };
	title: string | null;
	outlet: string | null;
	author: string | null;
	published: PartialDate | null;
	/** For an undated source, the latest date its own text establishes. */
	notBefore?: PartialDate;
	url: string | null;
	type: SourceType;
	/** Where each known metadata value came from; why an unknown one is null. */
	provenance: Partial<Record<'title' | 'outlet' | 'author' | 'published' | 'url', string>>;
	about?: Note;
}

export interface Note {
	kind: NoteKind;
	text: string;
}

export interface Correction {
	/** The day of the correction (YYYY-MM-DD). */
	date: PartialDate;
	text: string;
}

export interface Citation {
	source: Source;
	excerpt: string;
	prefix: string;
	suffix: string;
	speaker?: string;
	section?: string;
}

export interface TimelineEvent {
	id: string;
	/** Ids the event was published under before; links to them open it. */
	formerIds: string[];
	date: PartialDate;
	end?: PartialDate;
	/** A span still going on as of its end (the date of its newest source). */
	ongoing: boolean;
	approximate: boolean;
	dateBasis: DateBasis;
	title: string;
	/** The short label the plot shows where the full title does not fit; null when the event has none. */
	label: string | null;
	/** Carries the story: the plot gives its label priority at every zoom. */
	key: boolean;
	summary: string;
	themes: ThemeId[];
	context: boolean;
	notes: Note[];
	corrections: Correction[];
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
	/** The day the data last changed. */
	updated: PartialDate;
	sources: Source[];
	eras: Era[];
	events: TimelineEvent[];
}

/**
 * A source as readers know it: "Ted Snider, Antiwar.com", or for a publication reproduced inside
 * another, "Borna News, reproduced in Eric Zuesse’s Substack".
 */
export function sourceCredit(source: Pick<Source, 'name' | 'within'>): string {
	return source.within ? `${source.name}, reproduced in ${source.within.name}` : source.name;
}

export interface CitationGroup {
	/** The heading the citations share, or undefined for citations outside any section. */
	section?: string;
	citations: Citation[];
}

/**
 * An event's citations grouped under their sections, in the order each section first appears
 * (the treaty's event reads "The signing", "What it covers", …). Citations keep their order inside a group.
 */
export function citationGroups(event: Pick<TimelineEvent, 'citations'>): CitationGroup[] {
	const groups: CitationGroup[] = [];
	const bySection = new Map<string | undefined, CitationGroup>();
	for (const citation of event.citations) {
		let group = bySection.get(citation.section);
		if (!group) {
			group = { section: citation.section, citations: [] };
			bySection.set(citation.section, group);
			groups.push(group);
		}
		group.citations.push(citation);
	}
	return groups;
}

/** Every retired id and the event that now answers to it (links made before a merge or rename). */
export function formerIdMap(events: readonly Pick<TimelineEvent, 'id' | 'formerIds'>[]): Map<string, string> {
	return new Map(events.flatMap((event) => event.formerIds.map((former) => [former, event.id] as const)));
}

export interface CorrectionEntry {
	event: TimelineEvent;
	correction: Correction;
}

/** Every event's corrections, newest first (events in axis order within a day): the page's corrections log. */
export function correctionLog(events: readonly TimelineEvent[]): CorrectionEntry[] {
	const entries = events.flatMap((event) => event.corrections.map((correction) => ({ event, correction })));
	// A stable sort keeps the axis order of events corrected on the same day.
	return entries.sort((a, b) => b.correction.date.start.getTime() - a.correction.date.start.getTime());
}

/** The number of distinct sources an event cites. */
export function sourceCount(event: TimelineEvent): number {
	return new Set(event.citations.map((citation) => citation.source.id)).size;
}

/**
 * The date as readers see it: "17 January 2025", "approx. July 2024", "2015 – December 2024",
 * "February 2022 – ongoing as of 23 January 2025".
 */
export function eventDateText(event: Pick<TimelineEvent, 'date' | 'end' | 'approximate'> & { ongoing?: boolean }): string {
	return formatEventDate(event.date, event.end, event.approximate, event.ongoing ?? false);
}

/** The accessible name of an event's button: "17 January 2025: Title, 5 sources". */
export function eventButtonName(event: TimelineEvent): string {
	const count = sourceCount(event);
	const context = event.context ? ' (context)' : '';
	return `${eventDateText(event)}: ${event.title}${context}, ${count} source${count === 1 ? '' : 's'}`;
}

/** Events (in axis order) grouped under the era their time falls in; events outside every era stand alone. */
export function groupByEra(events: readonly TimelineEvent[], eras: readonly Era[]): { era: Era | undefined; events: TimelineEvent[] }[] {
	const eraOf = (event: TimelineEvent) => eras.find((era) => event.time >= era.start.start.getTime() && event.time < era.end.start.getTime());
	const groups: { era: Era | undefined; events: TimelineEvent[] }[] = [];
	for (const event of events) {
		const era = eraOf(event);
		const last = groups.at(-1);
		if (last && last.era === era) last.events.push(event);
		else groups.push({ era, events: [event] });
	}
	return groups;
}
