/**
 * The shape of events.json, as one valibot schema. Each message is the "expected" half of an error
 * (`events[3].date: expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "12/3/99"`), so every schema
 * names what it wants. Checks that need more than one field (unique ids, known sources, verbatim
 * excerpts) live in validate.ts.
 */
import * as v from 'valibot';
import { parsePartialDate } from './dates.ts';
import { THEME_IDS } from './themes.ts';

import { SOURCE_TYPES } from './source-types.ts';

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

export const SourceSchema = v.strictObject(
	{
		id: slug,
		file: text('the file name of the source text'),
		title: knownOrNull(text()),
		titleNote: v.optional(text()),
		outlet: knownOrNull(text()),
		author: knownOrNull(text()),
		published: knownOrNull(partialDate),
		publishedNote: v.optional(text()),
		url: knownOrNull(httpUrl),
		type: v.picklist(SOURCE_TYPES, `expected one of ${list(SOURCE_TYPES)}`)
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
		/** Who is speaking when the source quotes a statement (e.g. "UK Ministry of Defence"). */
		speaker: v.optional(text())
	},
	'expected a citation object with only known fields'
);

export const EventSchema = v.strictObject(
	{
		id: slug,
		date: partialDate,
		end: v.optional(partialDate),
		approximate: v.optional(v.boolean('expected true or false')),
		title: text(),
		summary: text(),
		themes: v.pipe(
			v.array(v.picklist(THEME_IDS, `expected one of ${list(THEME_IDS)}`), 'expected a list of themes'),
			v.minLength(1, 'expected at least one theme')
		),
		context: v.optional(v.boolean('expected true or false')),
		note: v.optional(text()),
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
	'expected an object with title, description, sources, eras and events'
);

export type RawTimelineData = v.InferOutput<typeof TimelineDataSchema>;
export type RawEvent = v.InferOutput<typeof EventSchema>;
export type RawSource = v.InferOutput<typeof SourceSchema>;
export type RawCitation = v.InferOutput<typeof CitationSchema>;
export type RawEra = v.InferOutput<typeof EraSchema>;
