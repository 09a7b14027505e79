/**
 * Full-text search over what a reader sees of an event: title, summary, notes, corrections and excerpts.
 * Matching ignores case and diacritics, so "tehran" finds "Tehrān" and "Tehran".
 */
import type { TimelineEvent } from './events.ts';

/** Enough for any real query; more words only slow the scan and never narrow it usefully. */
export const MAX_TOKENS = 12;

/**
 * Case and diacritics folded away. Lower-casing first turns "İ" into "i" + a mark that is then
 * stripped; final sigma is made plain sigma because JS lower-cases Σ by its place in the word,
 * which would make the whole-string fold differ from the per-character fold highlightSegments uses.
 */
export function foldText(text: string): string {
	return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ς/g, 'σ');
}

/** The words of a query, folded: anything but a letter or digit separates words (’ “ ” - …). */
export function searchTokens(query: string): string[] {
	const words = foldText(query).split(/[^\p{L}\p{N}]+/u);
	const tokens = new Set(words.filter((word) => word.length >= 2));
	return [...tokens].slice(0, MAX_TOKENS);
}

/** One folded string per event; fields are joined by a newline so no token can span two of them. */
function haystackOf(event: TimelineEvent): string {
	const fields = [event.title, event.summary, ...event.notes.map((note) => note.text), ...event.corrections.map((c) => c.text)];
	for (const citation of event.citations) fields.push(citation.excerpt);
	return foldText(fields.join('\n'));
}

// Events are immutable once built, so each haystack is folded once and then reused by every query.
const haystacks = new WeakMap<TimelineEvent, string>();

function cachedHaystack(event: TimelineEvent): string {
	let haystack = haystacks.get(event);
	if (haystack === undefined) haystacks.set(event, (haystack = haystackOf(event)));
	return haystack;
}

/** Tokens are folded again so raw words work too; folding is idempotent. */
const foldAll = (tokens: readonly string[]) => tokens.map(foldText).filter((token) => token !== '');

/** True when every token occurs somewhere in the event's text; no tokens match every event. */
export function eventMatches(event: TimelineEvent, tokens: readonly string[]): boolean {
	const haystack = cachedHaystack(event);
	return foldAll(tokens).every((token) => haystack.includes(token));
}

/** Folds every event once, then answers queries with the ids of the events that match. */
export function createSearchIndex(
	events: readonly TimelineEvent[]
): (tokens: readonly string[]) => Set<string> {
	const entries = events.map((event) => ({ id: event.id, haystack: haystackOf(event) }));
	return (tokens) => {
		const folded = foldAll(tokens);
		const ids = new Set<string>();
		for (const { id, haystack } of entries) {
			if (folded.every((token) => haystack.includes(token))) ids.add(id);
		}
		return ids;
	};
}

export interface TextSegment {
	text: string;
	hit: boolean;
}

/**
 * Splits text into runs that match a token and runs that do not, for <mark>. The segments join to
 * exactly the original text: matching happens in the folded text, and each folded character
 * remembers which original characters it came from.
 */
export function highlightSegments(text: string, tokens: readonly string[]): TextSegment[] {
	if (text === '') return [];
	let folded = '';
	const starts: number[] = []; // original start of each folded character
	const ends: number[] = []; // original end of the code point it came from
	let index = 0;
	for (const char of text) {
		const piece = foldText(char);
		folded += piece;
		for (let i = 0; i < piece.length; i++) starts.push(index), ends.push(index + char.length);
		index += char.length;
	}

	const ranges: [number, number][] = [];
	for (const token of foldAll(tokens)) {
		for (let at = folded.indexOf(token); at !== -1; at = folded.indexOf(token, at + 1)) {
			const last = at + token.length - 1;
			// Marks after the hit fold to nothing; taking them in keeps "a" + U+0301 in one piece.
			const next = last + 1 < folded.length ? starts[last + 1]! : text.length;
			ranges.push([starts[at]!, Math.max(ends[last]!, next)]);
		}
	}
	ranges.sort((a, b) => a[0] - b[0]);

	const segments: TextSegment[] = [];
	let cursor = 0;
	for (const [start, end] of ranges) {
		if (end <= cursor) continue;
		const previous = segments.at(-1);
		if (start <= cursor && previous?.hit) {
			// Overlapping or adjacent hits merge into one run.
			previous.text += text.slice(cursor, end);
		} else {
			if (start > cursor) segments.push({ text: text.slice(cursor, start), hit: false });
			segments.push({ text: text.slice(Math.max(start, cursor), end), hit: true });
		}
		cursor = end;
	}
	if (cursor < text.length) segments.push({ text: text.slice(cursor), hit: false });
	return segments;
}
