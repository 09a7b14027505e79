/**
 * Validation of events.json: the schema, then the checks that span fields (unique ids, known
 * sources, spans that end after they start, excerpts verbatim in their source). Every problem is
 * reported at once, each as `path: expected …, got …`, so one build run lists everything to fix.
 */
import * as v from 'valibot';
import { parsePartialDate } from './dates.ts';
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
		return { data: null, problems: [problem([], 'expected an object with title, description, sources, eras and events', raw)] };
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

function crossFieldProblems(raw: unknown, texts: SourceTexts): string[] {
	const root = raw && typeof raw === 'object' ? (raw as Loose) : {};
	const sources = asList(root.sources);
	const events = asList(root.events);
	const eras = asList(root.eras);
	const problems = [
		...duplicateIds(sources, 'sources'),
		...duplicateIds(events, 'events'),
		...duplicateIds(eras, 'eras')
	];
	const sourceFiles = new Map(sources.map((source) => [source.id, source.file]));

	if (texts) {
		sources.forEach((source, i) => {
			if (typeof source.file === 'string' && !texts.has(source.file)) {
				problems.push(problem(['sources', i, 'file'], 'expected the name of a file in the sources folder', source.file));
			}
		});
	}
	eras.forEach((era, i) => {
		if (!endsAfterStart(era.start, era.end)) problems.push(problem(['eras', i, 'end'], `expected a date after start (${era.start})`, era.end));
	});
	events.forEach((event, i) => {
		if (event.end !== undefined && !endsAfterStart(event.date, event.end)) {
			problems.push(problem(['events', i, 'end'], `expected a date after date (${event.date})`, event.end));
		}
		asList(event.citations).forEach((citation, j) => {
			const path = ['events', i, 'citations', j];
			if (typeof citation.source !== 'string') return;
			if (!sourceFiles.has(citation.source)) {
				problems.push(problem([...path, 'source'], `expected the id of a source (${[...sourceFiles.keys()].join(', ')})`, citation.source));
				return;
			}
			const file = sourceFiles.get(citation.source);
			const text = texts && typeof file === 'string' ? texts.get(file) : undefined;
			if (text === undefined || typeof citation.excerpt !== 'string') return;
			if (!text.includes(citation.excerpt)) {
				problems.push(problem([...path, 'excerpt'], `expected a verbatim span of ${file}`, citation.excerpt));
				return;
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
