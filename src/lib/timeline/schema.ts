/**
 * The shape of events.json, as one valibot schema. Each message is the "expected" half of an error
 * (`events[3].date: expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "12/3/99"`), so every schema
 * names what it wants. Checks that need more than one field (unique ids, known sources, verbatim
 * excerpts, a label that repeats its title) live in validate.ts.
 */
import * as v from 'valibot';
import { parsePartialDate } from './date-text.ts';
import { THEME_IDS } from './themes.ts';

import { DATE_BASES, NOTE_KINDS, SOURCE_TYPES } from './source-types.ts';

const list = (values: readonly string[]) => values.map((value) => `"${value}"`).join(', ');

// Strings are checked, never transformed: an excerpt must reach the page exactly as stored.
const text = (what = 'a non-empty string') =>
	v.pipe(
		v.string(`expected ${what}`),
		v.check((value) => value.trim().length > 0, `expected ${what}`)
	);

const partialDate = v.pipe(
	v.string('expected "YYYY", "YYYY-MM" or "YYYY-MM-DD"'),
	v.check(
		(value) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value),
		'expected "YYYY", "YYYY-MM" or "YYYY-MM-DD"'
	),
	v.check((value) => parsePartialDate(value) !== null, 'expected a real calendar date')
);

/** The longest label the plot draws (in characters, counted by code point). */
export const LABEL_MAX = 28;

/**
 * An event's short label for the plot, where the full title does not fit: written to fit, so never a
 * title cut with "…". That it differs from the title is checked in validate.ts.
 */
const label = v.pipe(
	v.string(`expected a short label (a string of at most ${LABEL_MAX} characters)`),
	v.check((value) => value.trim().length > 0, 'expected a non-empty label'),
	v.check((value) => !/[\r\n\u2028\u2029]/.test(value), 'expected a label on one line (no line breaks)'),
	v.check((value) => value === value.trim(), 'expected a label without leading or trailing spaces'),
	v.check(
		(value) => [...value].length <= LABEL_MAX,
		(issue) => `expected a label of at most ${LABEL_MAX} characters (this one has ${[...String(issue.input)].length})`
	),
	v.check(
		(value) => !/(…|\.\.\.)$/.test(value),
		'expected a label written to fit, not a cut title ending in "…" or "..."'
	)
);

const slug = v.pipe(
	v.string('expected an id of lowercase letters, digits and hyphens'),
	v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an id of lowercase letters, digits and hyphens')
);

/** Unknown metadata is null, never a guess: the page shows "unknown". */
const knownOrNull = <T extends v.GenericSchema>(schema: T) =>
	v.nullable(schema);

const httpUrl = v.pipe(
	v.string('expected an http(s) URL or null'),
	v.url('expected an http(s) URL or null'),
	v.regex(/^https?:\/\//i, 'expected an http(s) URL or null')
);

/** Where a note's content comes from; shown as its label ("Sources disagree", "Not in these sources", "Note"). */
const noteKind = v.picklist(NOTE_KINDS, `expected one of ${list(NOTE_KINDS)}`);

/** Where a fact that is not a quote comes from, so outside knowledge is never read as the sources'. */
export const NoteSchema = v.strictObject(
	{ kind: noteKind, text: text() },
	'expected a note object with kind and text'
);

/** Where each known metadata value was found (the article's own text, its URL, a mirror…). */
const ProvenanceSchema = v.strictObject(
	{
		title: v.optional(text()),
		outlet: v.optional(text()),
		author: v.optional(text()),
		published: v.optional(text()),
		url: v.optional(text())
	},
	'expected provenance notes for title, outlet, author, published or url only'
);

export const SourceSchema = v.strictObject(
	{
		id: slug,
		/** How a reader knows the source: its outlet or author, or what is known ("an unsigned UK news report"). */
		name: text('the name readers know the source by'),
		/** The source text's file name; absent for a source contained in another (its text is the container's). */
		file: v.optional(text('the file name of the source text')),
		/** The id of the source that reproduces this one's own text (Borna News inside a blog post). */
		within: v.optional(slug),
		/** Where the reproduced text starts and ends in its container: its first and last words, verbatim. */
		extent: v.optional(
			v.strictObject({ start: text('the first words of the reproduced text'), end: text('the last words of the reproduced text') }, 'expected an extent with start and end')
		),
		title: knownOrNull(text()),
		outlet: knownOrNull(text()),
		author: knownOrNull(text()),
		published: knownOrNull(partialDate),
		/** For an undated source: the latest date its own text establishes (it was written on or after it). */
		notBefore: v.optional(partialDate),
		url: knownOrNull(httpUrl),
		type: v.picklist(SOURCE_TYPES, `expected one of ${list(SOURCE_TYPES)}`),
		/** Where each known metadata value came from; why an unknown one is null. */
		provenance: v.optional(ProvenanceSchema),
		/** What is known of the publisher (affiliation), with where that comes from. */
		about: v.optional(NoteSchema)
	},
	'expected a source object with only known fields'
);

export const CitationSchema = v.strictObject(
	{
		source: text('the id of a source'),
		excerpt: text('a verbatim excerpt'),
		/** The text just before the excerpt in the source (the sentence before it). */
		prefix: v.optional(v.string('expected a string')),
		/** The text just after the excerpt in the source (the sentence after it). */
		suffix: v.optional(v.string('expected a string')),
		/** The person or body whose own quoted words the excerpt holds; never the outlet's narration. */
		speaker: v.optional(text()),
		/** A heading that groups citations inside one event (the treaty's provisions, say). */
		section: v.optional(text())
	},
	'expected a citation object with only known fields'
);

/** A published change to an event, as newsrooms keep them. */
export const CorrectionSchema = v.strictObject(
	{
		date: v.pipe(
			v.string('expected "YYYY-MM-DD"'),
			v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected "YYYY-MM-DD"'),
			v.check((value) => parsePartialDate(value) !== null, 'expected a real calendar date')
		),
		text: text('what changed and why')
	},
	'expected a correction object with date and text'
);

export const EventSchema = v.strictObject(
	{
		id: slug,
		/** Ids this event was published under before (merged or renamed events); links to them still open it. */
		formerIds: v.optional(v.array(slug, 'expected a list of ids')),
		date: partialDate,
		end: v.optional(partialDate),
		/** A span its sources describe as still going on: it ends at its newest citing source ("ongoing as of …"). */
		ongoing: v.optional(v.boolean('expected true or false')),
		approximate: v.optional(v.boolean('expected true or false')),
		/** Where the date and its precision come from: stated in the citations, inferred from them, or outside them. */
		dateBasis: v.picklist(DATE_BASES, `expected one of ${list(DATE_BASES)}`),
		title: text(),
		/** A short label (ours, like the title) that the plot shows where the full title does not fit. */
		label: v.optional(label),
		/** An event that carries the story: the plot gives its label priority at every zoom. */
		key: v.optional(v.boolean('expected true or false')),
		summary: text(),
		themes: v.pipe(
			v.array(v.picklist(THEME_IDS, `expected one of ${list(THEME_IDS)}`), 'expected a list of themes'),
			v.minLength(1, 'expected at least one theme')
		),
		context: v.optional(v.boolean('expected true or false')),
		notes: v.optional(v.array(NoteSchema, 'expected a list of notes')),
		corrections: v.optional(v.array(CorrectionSchema, 'expected a list of corrections')),
		citations: v.pipe(
			v.array(CitationSchema, 'expected a list of citations'),
			v.minLength(1, 'expected at least one citation')
		)
	},
	'expected an event object with only known fields'
);

export const EraSchema = v.strictObject(
	{
		id: slug,
		name: text(),
		start: partialDate,
		end: partialDate,
		description: text()
	},
	'expected an era object with only known fields'
);

export const TimelineDataSchema = v.strictObject(
	{
		title: text(),
		description: text(),
		/** The day the data last changed (the page says "Last updated"). */
		updated: v.pipe(
			v.string('expected "YYYY-MM-DD"'),
			v.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected "YYYY-MM-DD"'),
			v.check((value) => parsePartialDate(value) !== null, 'expected a real calendar date')
		),
		sources: v.pipe(
			v.array(SourceSchema, 'expected a list of sources'),
			v.minLength(1, 'expected at least one source')
		),
		eras: v.array(EraSchema, 'expected a list of eras'),
		events: v.pipe(
			v.array(EventSchema, 'expected a list of events'),
			v.minLength(1, 'expected at least one event')
		)
	},
	'expected an object with title, description, updated, sources, eras and events'
);

export type RawTimelineData = v.InferOutput<typeof TimelineDataSchema>;
export type RawEvent = v.InferOutput<typeof EventSchema>;
export type RawSource = v.InferOutput<typeof SourceSchema>;
export type RawCitation = v.InferOutput<typeof CitationSchema>;
export type RawEra = v.InferOutput<typeof EraSchema>;
export type RawNote = v.InferOutput<typeof NoteSchema>;
export type RawCorrection = v.InferOutput<typeof CorrectionSchema>;
