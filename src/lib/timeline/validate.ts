/**
 * Validation of events.json: the schema, then the checks that span fields (unique ids, known
 * sources, spans that end after they start, labels that differ from their title, excerpts verbatim
 * in their source). Every problem is reported at once, each as `path: expected …, got …`, so one
 * build run lists everything to fix.
 */
import * as v from 'valibot';
import { extentIn } from './context.js';
import { parsePartialDate } from './date-text.ts';
import { TimelineDataSchema, type RawTimelineData } from './schema.ts';

/** Source texts by file name; null when the folder of texts is not available. */
export type SourceTexts = ReadonlyMap<string, string> | null;

export interface ValidationResult {
	data: RawTimelineData | null;
	problems: string[];
}

/** JSON path as people write it: `events[12].citations[0].excerpt`. */
export function formatPath(path: readonly (string | number)[]): string {
	if (path.length === 0) return '(root)';
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
		.join('');
}

/** A short, printable rendering of the offending value. */
export function previewValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	let text: string;
	try {
		text = JSON.stringify(value) ?? String(value);
	} catch {
		text = String(value);
	}
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function problem(path: readonly (string | number)[], expected: string, value: unknown): string {
	return `${formatPath(path)}: ${expected}, got ${previewValue(value)}`;
}

function schemaProblems(raw: unknown): { data: RawTimelineData | null; problems: string[] } {
	// valibot reads an array as an object with missing fields; name the real problem instead.
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return { data: null, problems: [problem([], 'expected an object with title, description, updated, sources, eras and events', raw)] };
	}
	// abortPipeEarly: one message per bad value ("12/3/99" is a bad format, not also a bad day).
	const result = v.safeParse(TimelineDataSchema, raw, { abortPipeEarly: true });
	if (result.success) return { data: result.output, problems: [] };
	const problems = result.issues.map((issue) => {
		const path = (issue.path ?? []).map((item) => item.key as string | number);
		// strictObject reports a field the schema does not know with `expected: "never"`.
		if (issue.expected === 'never') return problem(path, 'expected no such field (is it misspelt?)', issue.input);
		if (issue.input === undefined && path.length > 0) {
			return `${formatPath(path)}: expected this required field, got nothing`;
		}
		return problem(path, issue.message, issue.input);
	});
	return { data: null, problems };
}

/* ---- checks across fields; they read the raw value defensively so they run even when the schema failed */

type Loose = Record<string, unknown>;
const asList = (value: unknown): Loose[] =>
	Array.isArray(value) ? value.map((item) => (item && typeof item === 'object' ? (item as Loose) : {})) : [];

function duplicateIds(items: Loose[], name: string): string[] {
	const seen = new Map<unknown, number>();
	const problems: string[] = [];
	items.forEach((item, i) => {
		if (typeof item.id !== 'string') return;
		const first = seen.get(item.id);
		if (first === undefined) seen.set(item.id, i);
		else problems.push(problem([name, i, 'id'], `expected a unique id (${name}[${first}] has it too)`, item.id));
	});
	return problems;
}

function endsAfterStart(start: unknown, end: unknown): boolean {
	const from = typeof start === 'string' ? parsePartialDate(start) : null;
	const to = typeof end === 'string' ? parsePartialDate(end) : null;
	return !from || !to || to.start.getTime() > from.start.getTime();
}

const dateOf = (value: unknown) => (typeof value === 'string' ? parsePartialDate(value) : null);

/** Quoted words in an excerpt: quotation marks, or a transcript's "NAME:" label. */
const QUOTED_WORDS = /[“"‘]|^[A-Z][A-Z .’'-]+:/m;

/**
 * Words that would name a source by an internal id or file number ("s003", "000", "(004)",
 * "003_933c…txt"), which no reader knows. Built from the data's own sources.
 */
function internalNamePattern(sources: readonly { id?: unknown; file?: unknown }[]): RegExp {
	const words = new Set<string>();
	for (const source of sources) {
		if (typeof source.id === 'string') words.add(source.id);
		if (typeof source.file === 'string') {
			words.add(source.file);
			for (const part of source.file.replace(/\.txt$/, '').split('_')) if (part) words.add(part);
		}
	}
	const escaped = [...words].filter((word) => word.length >= 2).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	// Any zero-led three-digit number is a file number too ("000"–"004"), whatever the data holds.
	return new RegExp(`(?<![\\w,.-])(?:${[...escaped, '0\\d\\d'].join('|')})(?![\\w-])`, 'i');
}

/** Where a source's date is known: its publication date, or the latest date its text establishes. */
function asOfDate(source: Loose): { text: string; approximate: boolean } | null {
	if (typeof source.published === 'string' && dateOf(source.published)) return { text: source.published, approximate: false };
	if (typeof source.notBefore === 'string' && dateOf(source.notBefore)) return { text: source.notBefore, approximate: true };
	return null;
}

/** The date an ongoing span runs to: its newest citing source's (null when one is undated). */
function ongoingAsOf(citedSources: Loose[]): { text: string; approximate: boolean; source: Loose } | null {
	let newest: { text: string; approximate: boolean; source: Loose } | null = null;
	for (const source of citedSources) {
		const asOf = asOfDate(source);
		if (!asOf) return null;
		const time = dateOf(asOf.text)!.start.getTime();
		if (!newest || time > dateOf(newest.text)!.start.getTime()) newest = { ...asOf, source };
	}
	return newest;
}

const METADATA_FIELDS = ['title', 'outlet', 'author', 'published', 'url'] as const;

function sourceProblems(sources: Loose[], texts: SourceTexts): string[] {
	const problems: string[] = [];
	const byId = new Map(sources.map((source) => [source.id, source]));
	sources.forEach((source, i) => {
		const path = ['sources', i];
		if (source.within !== undefined) {
			const container = byId.get(source.within);
			if (!container || container === source) {
				problems.push(problem([...path, 'within'], `expected the id of another source (${[...byId.keys()].join(', ')})`, source.within));
			} else if (container.within !== undefined || typeof container.file !== 'string') {
				problems.push(problem([...path, 'within'], 'expected a source with a text file of its own (not itself contained)', source.within));
			}
			if (source.file !== undefined) problems.push(problem([...path, 'file'], 'expected no file for a contained source (its text is its container’s)', source.file));
			if (source.extent === undefined) problems.push(problem([...path, 'extent'], 'expected the first and last words of the reproduced text ({ "start": …, "end": … })', undefined));
			else if (container && texts && typeof container.file === 'string' && texts.has(container.file)) {
				if (!extentIn(texts.get(container.file)!, source.extent)) {
					problems.push(problem([...path, 'extent'], `expected start and end to stand, in that order, in ${container.file}`, source.extent));
				}
			}
		} else if (typeof source.file !== 'string') {
			problems.push(problem([...path, 'file'], 'expected the file name of the source text (or "within" for a source reproduced inside another)', source.file));
		} else if (texts && !texts.has(source.file)) {
			problems.push(problem([...path, 'file'], 'expected the name of a file in the sources folder', source.file));
		}
		const provenance = source.provenance && typeof source.provenance === 'object' ? (source.provenance as Loose) : {};
		for (const field of METADATA_FIELDS) {
			if (source[field] !== null && source[field] !== undefined && provenance[field] === undefined) {
				problems.push(problem([...path, 'provenance', field], `expected a note on where ${field} ${JSON.stringify(source[field])} comes from`, undefined));
			}
		}
		if (source.published !== null && source.notBefore !== undefined) {
			problems.push(problem([...path, 'notBefore'], 'expected notBefore only on a source whose published date is unknown', source.notBefore));
		}
	});
	return problems;
}

/** Titles, summaries and notes name sources as readers know them: never by an id or file number. */
function readerTextProblems(root: Loose, sources: Loose[], events: Loose[], eras: Loose[]): string[] {
	const pattern = internalNamePattern(sources);
	const problems: string[] = [];
	const check = (path: (string | number)[], value: unknown) => {
		if (typeof value !== 'string') return;
		const found = value.match(pattern);
		if (found) problems.push(problem(path, `expected text that names sources by outlet or author, not by "${found[0]}"`, value));
	};
	check(['title'], root.title);
	check(['description'], root.description);
	sources.forEach((source, i) => {
		check(['sources', i, 'name'], source.name);
		const provenance = source.provenance && typeof source.provenance === 'object' ? (source.provenance as Loose) : {};
		for (const field of METADATA_FIELDS) check(['sources', i, 'provenance', field], provenance[field]);
		if (source.about && typeof source.about === 'object') check(['sources', i, 'about', 'text'], (source.about as Loose).text);
	});
	eras.forEach((era, i) => {
		check(['eras', i, 'name'], era.name);
		check(['eras', i, 'description'], era.description);
	});
	events.forEach((event, i) => {
		check(['events', i, 'title'], event.title);
		check(['events', i, 'label'], event.label);
		check(['events', i, 'summary'], event.summary);
		asList(event.notes).forEach((note, k) => check(['events', i, 'notes', k, 'text'], note.text));
		asList(event.corrections).forEach((correction, k) => check(['events', i, 'corrections', k, 'text'], correction.text));
		asList(event.citations).forEach((citation, k) => check(['events', i, 'citations', k, 'section'], citation.section));
	});
	return problems;
}

function crossFieldProblems(raw: unknown, texts: SourceTexts): string[] {
	const root = raw && typeof raw === 'object' ? (raw as Loose) : {};
	const sources = asList(root.sources);
	const events = asList(root.events);
	const eras = asList(root.eras);
	const problems = [
		...duplicateIds(sources, 'sources'),
		...duplicateIds(events, 'events'),
		...duplicateIds(eras, 'eras'),
		...sourceProblems(sources, texts),
		...readerTextProblems(root, sources, events, eras)
	];
	const sourceById = new Map(sources.map((source) => [source.id, source]));
	// A contained source's excerpts are verified against its container's text.
	const fileOf = (source: Loose | undefined): unknown =>
		source?.within !== undefined ? sourceById.get(source.within)?.file : source?.file;
	// Where each reproduced text lies in its container, found once.
	const spans = new Map<Loose, [number, number]>();
	for (const source of sources) {
		const file = fileOf(source);
		const text = texts && source.within !== undefined && typeof file === 'string' ? texts.get(file) : undefined;
		const span = text === undefined ? null : extentIn(text, source.extent);
		if (span) spans.set(source, span);
	}

	// Every id an event answers to, current or former, is unique: an old link opens one event.
	const owner = new Map<unknown, string>();
	events.forEach((event, i) => {
		if (typeof event.id === 'string') owner.set(event.id, `events[${i}].id`);
	});
	events.forEach((event, i) => {
		(Array.isArray(event.formerIds) ? event.formerIds : []).forEach((former: unknown, k: number) => {
			const taken = owner.get(former);
			if (taken) problems.push(problem(['events', i, 'formerIds', k], `expected an id no other event answers to (${taken} has it)`, former));
			else owner.set(former, `events[${i}].formerIds[${k}]`);
		});
	});

	const updated = dateOf(root.updated);
	eras.forEach((era, i) => {
		if (!endsAfterStart(era.start, era.end)) problems.push(problem(['eras', i, 'end'], `expected a date after start (${era.start})`, era.end));
	});
	events.forEach((event, i) => {
		// The plot shows the title where it fits and the label elsewhere: a label that repeats the title adds nothing.
		if (typeof event.label === 'string' && typeof event.title === 'string' && event.label.trim() === event.title.trim()) {
			problems.push(problem(['events', i, 'label'], 'expected a short label other than the title (the title is shown where it fits)', event.label));
		}
		if (event.end !== undefined && !endsAfterStart(event.date, event.end)) {
			problems.push(problem(['events', i, 'end'], `expected a date after date (${event.date})`, event.end));
		}
		asList(event.corrections).forEach((correction, k) => {
			const date = dateOf(correction.date);
			if (date && updated && date.start.getTime() > updated.start.getTime()) {
				problems.push(problem(['events', i, 'corrections', k, 'date'], `expected a date on or before updated (${root.updated})`, correction.date));
			}
		});
		if (event.ongoing === true) {
			const cited = [...new Set(asList(event.citations).map((citation) => citation.source))].map((id) => sourceById.get(id)).filter((s): s is Loose => !!s);
			const asOf = ongoingAsOf(cited);
			if (!asOf) {
				problems.push(problem(['events', i, 'ongoing'], 'expected every citing source to have a published or notBefore date (an ongoing span ends at its newest source)', true));
			} else if (event.end !== asOf.text) {
				problems.push(problem(['events', i, 'end'], `expected the date of the newest citing source (${asOf.text}, ${asOf.source.name}) for an ongoing span`, event.end));
			} else if (asOf.approximate && event.approximate !== true) {
				problems.push(problem(['events', i, 'approximate'], `expected true: the span runs to the date ${asOf.source.name}’s text establishes, not a publication date`, event.approximate));
			}
		}
		asList(event.citations).forEach((citation, j) => {
			const path = ['events', i, 'citations', j];
			if (typeof citation.speaker === 'string' && typeof citation.excerpt === 'string' && !QUOTED_WORDS.test(citation.excerpt)) {
				problems.push(problem([...path, 'speaker'], 'expected no speaker: the excerpt quotes no one’s own words (the outlet’s narration is the outlet’s)', citation.speaker));
			}
			if (typeof citation.source !== 'string') return;
			if (!sourceById.has(citation.source)) {
				problems.push(problem([...path, 'source'], `expected the id of a source (${[...sourceById.keys()].join(', ')})`, citation.source));
				return;
			}
			const cited = sourceById.get(citation.source)!;
			const file = fileOf(cited);
			const text = texts && typeof file === 'string' ? texts.get(file) : undefined;
			if (text === undefined || typeof citation.excerpt !== 'string') return;
			const excerpt = citation.excerpt;
			const at = text.indexOf(excerpt);
			if (at < 0) {
				problems.push(problem([...path, 'excerpt'], `expected a verbatim span of ${file}`, excerpt));
				return;
			}
			// Words are credited to whoever published them: inside a reproduced text, to that text's source.
			const inside = (source: Loose) => {
				const span = spans.get(source);
				return span !== undefined && at >= span[0] && at + excerpt.length <= span[1];
			};
			if (cited.within !== undefined && cited.extent !== undefined && !inside(cited)) {
				problems.push(problem([...path, 'excerpt'], `expected a passage inside ${cited.name}’s reproduced text (from ${JSON.stringify((cited.extent as Loose).start)})`, citation.excerpt));
			}
			const reproduced = sources.find((source) => source.within === cited.id && inside(source));
			if (reproduced) {
				problems.push(problem([...path, 'source'], `expected "${reproduced.id}": the passage is ${reproduced.name}’s text, reproduced in ${cited.name}`, citation.source));
			}
			const withContext = `${citation.prefix ?? ''}${citation.excerpt}${citation.suffix ?? ''}`;
			if (!text.includes(withContext)) {
				problems.push(problem(path, `expected prefix + excerpt + suffix to stand together in ${file} (run npm run data:context)`, citation.prefix ?? citation.suffix));
			}
		});
	});
	return problems;
}

/**
 * Validates parsed events.json. `texts` holds the source articles; pass null to skip only the
 * verbatim check (the caller says so).
 */
export function validateTimelineData(raw: unknown, texts: SourceTexts): ValidationResult {
	const { data, problems } = schemaProblems(raw);
	const crossProblems = crossFieldProblems(raw, texts);
	const all = [...problems, ...crossProblems];
	return { data: all.length === 0 ? data : null, problems: all };
}

/** Parses the text of events.json, naming what is wrong when it is not JSON. */
export function parseJsonText(text: string, fileName = 'events.json'): { value: unknown; problems: string[] } {
	if (text.charCodeAt(0) === 0xfeff) {
		return { value: undefined, problems: [`${fileName}: expected UTF-8 without a byte-order mark (BOM), got a file that starts with U+FEFF`] };
	}
	if (text.trim() === '') return { value: undefined, problems: [`${fileName}: expected a JSON object, got an empty file`] };
	try {
		return { value: JSON.parse(text), problems: [] };
	} catch (error) {
		return { value: undefined, problems: [`${fileName}: expected valid JSON, got a parse error: ${(error as Error).message}`] };
	}
}

export class TimelineDataError extends Error {
	constructor(
		readonly problems: string[],
		fileName = 'events.json'
	) {
		super(`${fileName} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'TimelineDataError';
	}
}
