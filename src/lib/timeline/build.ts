/**
 * The model built from events.json's data (at build time, and on an event's page): dates read and
 * labelled, sources linked, events in axis order. Apart from events.ts, which only reads the model:
 * reading dates brings date-fns (date-text.ts), which the embed's first panel does without.
 */
import { midpoint, type PartialDate } from './dates.ts';
import { parsePartialDate } from './date-text.ts';
import type { Source, Timeline, TimelineEvent } from './events.ts';
import type { RawTimelineData } from './schema.ts';

/** Parses a date already checked by the schema. */
function checkedDate(text: string): PartialDate {
	const date = parsePartialDate(text);
	if (!date) throw new Error(`unvalidated date ${JSON.stringify(text)}: validate events.json first`);
	return date;
}

/** Builds the model from data that passed validateTimelineData(). Does not mutate its input. */
export function buildTimeline(raw: RawTimelineData): Timeline {
	const sources: Source[] = raw.sources.map(({ published, notBefore, within: _within, provenance, ...source }) => ({
		...source,
		published: published === null ? null : checkedDate(published),
		notBefore: notBefore === undefined ? undefined : checkedDate(notBefore),
		provenance: { ...provenance }
	}));
	const sourceById = new Map(sources.map((source) => [source.id, source]));
	raw.sources.forEach((source, i) => {
		if (source.within !== undefined) sources[i]!.within = sourceById.get(source.within);
	});

	const events = raw.events.map((event, index): TimelineEvent & { index: number } => {
		const date = checkedDate(event.date);
		const end = event.end === undefined ? undefined : checkedDate(event.end);
		return {
			id: event.id,
			date,
			end,
			formerIds: [...(event.formerIds ?? [])],
			ongoing: event.ongoing ?? false,
			approximate: event.approximate ?? false,
			dateBasis: event.dateBasis,
			title: event.title,
			label: event.label ?? null,
			key: event.key ?? false,
			summary: event.summary,
			themes: [...event.themes],
			context: event.context ?? false,
			notes: (event.notes ?? []).map((note) => ({ ...note })),
			corrections: (event.corrections ?? []).map((correction) => ({ date: checkedDate(correction.date), text: correction.text })),
			citations: event.citations.map((citation) => ({
				source: sourceById.get(citation.source)!,
				excerpt: citation.excerpt,
				prefix: citation.prefix ?? '',
				suffix: citation.suffix ?? '',
				speaker: citation.speaker,
				section: citation.section
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
		updated: checkedDate(raw.updated),
		sources,
		eras: raw.eras.map((era) => ({ ...era, start: checkedDate(era.start), end: checkedDate(era.end) })),
		events: events.map(({ index: _index, ...event }) => event)
	};
}
