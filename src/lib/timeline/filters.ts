/**
 * Which events are shown: the theme, source and type filters, the context switch and the search,
 * combined with AND. Within one filter any selected value will do, so ticking more widens it.
 */
import type { TimelineEvent } from './events.ts';
import type { SourceType } from './source-types.ts';
import { eventMatches, searchTokens } from './search.ts';
import type { ThemeId } from './themes.ts';
import { normaliseQuery, type UrlState } from './url-state.ts';

export interface EventFilter {
	/** Events with any of these themes; [] for all. */
	themes: ThemeId[];
	/** Events citing any of these source ids; [] for all. */
	sources: string[];
	/** Events citing any source of these types; [] for all. */
	types: SourceType[];
	/** False hides the context events (background from outside the relationship). */
	includeContext: boolean;
	/** Search text; every word must occur in the event. */
	query: string;
}

// Frozen all the way down: it is shared, so a push into its lists would change every reset.
const none = <T>() => Object.freeze([]) as readonly T[] as T[];
export const NO_FILTER: EventFilter = Object.freeze({
	themes: none<ThemeId>(),
	sources: none<string>(),
	types: none<SourceType>(),
	includeContext: true,
	query: ''
});

/**
 * True when the filter can hide an event. A query of only one-letter words or punctuation has no
 * search tokens and hides nothing, so it does not count.
 */
export function isFiltering(filter: EventFilter): boolean {
	return (
		filter.themes.length > 0 ||
		filter.sources.length > 0 ||
		filter.types.length > 0 ||
		!filter.includeContext ||
		searchTokens(filter.query).length > 0
	);
}

/**
 * How many filters are on, as the phone's "Search & filter" button counts them: each theme, source
 * and type ticked, the context switch when off, and a search that can hide events. Zero exactly
 * when isFiltering is false.
 */
export function activeFilterCount(filter: EventFilter): number {
	return (
		filter.themes.length +
		filter.sources.length +
		filter.types.length +
		(filter.includeContext ? 0 : 1) +
		(searchTokens(filter.query).length > 0 ? 1 : 0)
	);
}

/** The events that pass every part of the filter, in their original order. Does not mutate. */
export function filterEvents(events: readonly TimelineEvent[], filter: EventFilter): TimelineEvent[] {
	const themes = new Set<string>(filter.themes);
	const sources = new Set(filter.sources);
	const types = new Set<string>(filter.types);
	// Tokenised once here rather than once per event.
	const tokens = searchTokens(filter.query);
	return events.filter(
		(event) =>
			(filter.includeContext || !event.context) &&
			(themes.size === 0 || event.themes.some((theme) => themes.has(theme))) &&
			(sources.size === 0 || event.citations.some((citation) => sources.has(citation.source.id))) &&
			(types.size === 0 || event.citations.some((citation) => types.has(citation.source.type))) &&
			(tokens.length === 0 || eventMatches(event, tokens))
	);
}

/** The filter a link asks for; parseUrlState has already dropped unknown values. */
export function filterFromUrl(state: UrlState): EventFilter {
	return {
		themes: [...(state.themes ?? [])],
		sources: [...(state.sources ?? [])],
		types: [...(state.types ?? [])],
		includeContext: state.context ?? true,
		query: state.q ?? ''
	};
}

export type FilterUrlState = Pick<UrlState, 'themes' | 'sources' | 'types' | 'context' | 'q'>;

/** The filter's part of the link, defaults left out so an unfiltered page has a clean URL. */
export function filterToUrl(filter: EventFilter): FilterUrlState {
	const state: FilterUrlState = {};
	if (filter.themes.length) state.themes = [...filter.themes];
	if (filter.sources.length) state.sources = [...filter.sources];
	if (filter.types.length) state.types = [...filter.types];
	if (!filter.includeContext) state.context = false;
	// Normalised as parseUrlState would, so writing and reading the link give the same filter.
	const q = normaliseQuery(filter.query);
	if (q) state.q = q;
	return state;
}

/** "12 of 40 events", or "40 events" when nothing is hidden. */
export function countText(shown: number, total: number): string {
	const events = (n: number) => `${n} event${n === 1 ? '' : 's'}`;
	return shown === total ? events(total) : `${shown} of ${events(total)}`;
}
