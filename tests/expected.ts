/**
 * What the page should show, computed from events.json on its own (never through the app's code):
 * partial dates as UTC periods, the story's order, search matching and filters, and the visible
 * range's text read back as dates. Shared by the search, URL, story and keyboard tests.
 */
import { expect } from '@playwright/test';
import { data, type RawEvent } from './fixtures';

export interface FullEvent extends RawEvent {
	end?: string;
	summary: string;
	notes?: { kind: string; text: string }[];
	corrections?: { date: string; text: string }[];
	themes: string[];
	context?: boolean;
}
export interface FullSource {
	id: string;
	name: string;
	within?: string;
	type: string;
	outlet: string | null;
	author: string | null;
	published: string | null;
}

export const EVENTS = data.events as FullEvent[];
export const SOURCES = data.sources as FullSource[];
export const TOTAL = EVENTS.length;
/** The timeline's title, events.json's `title`. */
export const TITLE = (data as unknown as { title: string }).title;
export const DAY = 86_400_000;
export const SOURCE_TYPE = new Map(SOURCES.map((source) => [source.id, source.type]));
const SOURCE_BY_ID = new Map(SOURCES.map((source) => [source.id, source]));
/** A source as the page names it: its name, and for a reproduced publication, where it was reproduced. */
export function credit(sourceId: string): string {
	const source = SOURCE_BY_ID.get(sourceId)!;
	return source.within ? `${source.name}, reproduced in ${SOURCE_BY_ID.get(source.within)!.name}` : source.name;
}
/** The labels the filter menus show for each theme. */
export const THEME_LABEL: Record<string, string> = {
	diplomacy: 'Diplomacy',
	'military-security': 'Military & security',
	'nuclear-energy': 'Nuclear & energy',
	'economy-trade': 'Economy & trade',
	multilateral: 'Multilateral organisations',
	sanctions: 'Sanctions'
};

/** [start, end) of a partial date ("2013", "2015-07", "2025-01-17"), in UTC ms. */
export function period(text: string): [number, number] {
	const [y, m, d] = text.split('-').map(Number) as [number, number?, number?];
	if (m === undefined) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
	if (d === undefined) return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)];
	return [Date.UTC(y, m - 1, d), Date.UTC(y, m - 1, d + 1)];
}

/** The events in axis order, as the story lists them: spans at their start, periods at their middle, ties in file order. */
export const STORY_ORDER: FullEvent[] = EVENTS.map((event, index) => {
	const [start, end] = period(event.date);
	return { event, index, time: event.end ? start : (start + end) / 2 };
})
	.sort((a, b) => a.time - b.time || a.index - b.index)
	.map(({ event }) => event);

// Matching as a reader expects: case and accents ignored, every word must occur somewhere.
export const fold = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
export const searchWords = (query: string) => [...new Set(fold(query).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2))];
export const haystack = (e: FullEvent) =>
	fold([e.title, e.summary, ...(e.notes ?? []).map((n) => n.text), ...(e.corrections ?? []).map((c) => c.text), ...e.citations.map((c) => c.excerpt)].join('\n'));

export interface Filter {
	themes?: string[];
	sources?: string[];
	types?: string[];
	context?: boolean;
	q?: string;
}
/** The events a filter keeps, in story order: every part must pass; within a part any value will do. */
export function expectedEvents(filter: Filter): FullEvent[] {
	const tokens = searchWords(filter.q ?? '');
	return STORY_ORDER.filter(
		(e) =>
			(filter.context !== false || !e.context) &&
			(!filter.themes?.length || e.themes.some((t) => filter.themes!.includes(t))) &&
			(!filter.sources?.length || e.citations.some((c) => filter.sources!.includes(c.source))) &&
			(!filter.types?.length || e.citations.some((c) => filter.types!.includes(SOURCE_TYPE.get(c.source)!))) &&
			tokens.every((token) => haystack(e).includes(token))
	);
}
/** The event count as the filter bar words it. */
export const countText = (n: number) => (n === TOTAL ? `${TOTAL} events` : `${n} of ${TOTAL} events`);

/** The visible range ("1990 – 2026", "Mar 2024 – Sep 2024", "7 Jan 2025 – 28 Jan 2025") as [first instant shown, end of the last unit shown] (UTC ms). */
export function parseRange(text: string): [number, number] {
	const parts = text.split(' – ');
	expect(parts, `visible range "${text}"`).toHaveLength(2);
	const bounds = parts.map((part): [number, number] => {
		if (/^\d{4}$/.test(part)) return period(part);
		const start = Date.parse(/^\d/.test(part) ? `${part} UTC` : `1 ${part} UTC`);
		expect(Number.isNaN(start), `a date in "${text}"`).toBe(false);
		const date = new Date(start);
		return [start, /^\d/.test(part) ? start + DAY : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)];
	});
	return [bounds[0]![0], bounds[1]![1]];
}
