/**
 * The page's state in the query string, so a view can be shared as a link. Links are typed, pasted,
 * truncated and forged, so parsing never throws: anything it does not recognise is left out.
 */
import { parsePartialDate } from './date-text.ts';
import { SOURCE_TYPES, type SourceType } from './source-types.ts';
import { DEFAULT_SPACING, isSpacing, type Spacing } from './spacing.ts';
import { isThemeId, type ThemeId } from './themes.ts';

export { namesUrlState, URL_STATE_KEYS } from './url-keys.ts';

export interface UrlState {
	/** The open event's id. */
	event?: string;
	/** The visible range as partial dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
	from?: string;
	to?: string;
	/** Filters; each keeps events that match any of its values. */
	themes?: ThemeId[];
	sources?: string[];
	types?: SourceType[];
	/** Whether context events are shown; true by default, so only false is ever written. */
	context?: boolean;
	q?: string;
	/** How events are placed; only the non-default is written. */
	spacing?: Spacing;
}

/** The ids a link may name; others are dropped, so a stale link still opens the page. */
export interface UrlVocabulary {
	eventIds: ReadonlySet<string>;
	sourceIds: ReadonlySet<string>;
	/** Retired ids (merged or renamed events) and the id that replaced each: old links keep working. */
	formerIds?: ReadonlyMap<string, string>;
}

/** No real value comes near this; a longer one is junk or an attack, not worth reading. */
const MAX_VALUE_LENGTH = 1000;
/** Longer than any sensible search, short enough to keep the link and the haystack scan small. */
export const MAX_QUERY_LENGTH = 200;

/** The first value of `key` (URLSearchParams.get's rule for repeated keys), or undefined if junk. */
function read(params: URLSearchParams, key: string): string | undefined {
	const value = params.get(key);
	return value === null || value.length > MAX_VALUE_LENGTH ? undefined : value;
}

/** The known values of a comma-separated list, deduplicated, in the link's order. */
function readList<T extends string>(value = '', known: (item: string) => boolean): T[] | undefined {
	const items = new Set(value.split(',').map((item) => item.trim()).filter(known));
	return items.size > 0 ? ([...items] as T[]) : undefined;
}
const isSourceType = (type: string) => (SOURCE_TYPES as readonly string[]).includes(type);

/** undefined when absent, null when present but not a partial date. */
const maybeDate = (text?: string) => (text === undefined ? undefined : parsePartialDate(text));

const CONTEXT: Record<string, boolean> = { '0': false, false: false, '1': true, true: true };

/**
 * Search text as it would be typed: control and bidi-override characters become spaces (a link
 * must not reverse the search box), whitespace collapses, and the length is cut at 200 characters
 * (code points, so an emoji is never split into a lone surrogate).
 */
const INVISIBLE = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;
export function normaliseQuery(value: string): string {
	const clean = value.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
	return Array.from(clean).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/** Reads the state from a query string, keeping only what is valid. Never throws. */
export function parseUrlState(params: URLSearchParams, vocabulary: UrlVocabulary): UrlState {
	const state: UrlState = {};
	const event = read(params, 'event');
	if (event !== undefined && vocabulary.eventIds.has(event)) state.event = event;
	else if (event !== undefined && vocabulary.formerIds?.has(event)) state.event = vocabulary.formerIds.get(event);

	const from = maybeDate(read(params, 'from'));
	const to = maybeDate(read(params, 'to'));
	// One bad end makes the other meaningless: a range from a valid `from` to nowhere is a guess.
	const bad = from === null || to === null || (from && to && !(from.start < to.end));
	if (!bad) {
		if (from) state.from = from.text;
		if (to) state.to = to.text;
	}

	const themes = readList<ThemeId>(read(params, 'themes'), isThemeId);
	if (themes) state.themes = themes;
	const sources = readList<string>(read(params, 'sources'), (id) => vocabulary.sourceIds.has(id));
	if (sources) state.sources = sources;
	const types = readList<SourceType>(read(params, 'types'), isSourceType);
	if (types) state.types = types;

	const context = read(params, 'context');
	if (context !== undefined && Object.hasOwn(CONTEXT, context)) state.context = CONTEXT[context];

	const q = normaliseQuery(read(params, 'q') ?? '');
	if (q) state.q = q;

	const spacing = read(params, 'spacing');
	if (isSpacing(spacing)) state.spacing = spacing;
	return state;
}

/** Form encoding, as URLSearchParams writes it (spaces as "+"). */
const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

/**
 * The state as "?event=…&from=…": keys in a fixed order so equal states give equal links, defaults
 * and empty values left out, commas in lists left readable. "" when there is nothing to write.
 */
export function serialiseUrlState(state: UrlState): string {
	const { event, from, to, themes, sources, types, context, q, spacing } = state;
	const values = { event, from, to, themes, sources, types, context: context === false ? '0' : '', q, spacing: spacing === DEFAULT_SPACING ? '' : spacing };
	const written = Object.entries(values).flatMap(([key, value]) => {
		const items = [value ?? []].flat().filter((item) => item.trim() !== '');
		return items.length ? [`${key}=${items.map(encode).join(',')}`] : [];
	});
	return written.length ? `?${written.join('&')}` : '';
}

const dayText = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A visible range as whole UTC days. `to` is exclusive, so a range ending at midnight ends on the
 * day before: rangeFromUrl(rangeToUrl(r)) is r for whole days and just covers r otherwise.
 */
export function rangeToUrl([from, to]: [Date, Date]): { from: string; to: string } {
	const last = new Date(Math.max(from.getTime(), to.getTime() - 1));
	return { from: dayText(from), to: dayText(last) };
}

/** The range a link names, from the start of `from` to the end of `to`; null without both. */
export function rangeFromUrl(state: UrlState): [Date, Date] | null {
	const from = maybeDate(state.from);
	const to = maybeDate(state.to);
	if (!from || !to || !(from.start < to.end)) return null;
	return [from.start, to.end];
}
