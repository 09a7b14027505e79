import { describe, expect, it } from 'vitest';
import type { Source, TimelineEvent } from './events.ts';
import {
	activeFilterCount,
	countText,
	filterEvents,
	filterFromUrl,
	filterToUrl,
	isFiltering,
	NO_FILTER,
	type EventFilter
} from './filters.ts';
import type { SourceType } from './source-types.ts';
import type { ThemeId } from './themes.ts';
import { deepFreeze, utc } from './test-helpers.ts';
import { parseUrlState, serialiseUrlState, type UrlState } from './url-state.ts';

const source = (id: string, type: SourceType): Source => ({
	id,
	file: `${id}.txt`,
	name: 'A source',
	provenance: {},
	title: null,
	outlet: null,
	author: null,
	published: null,
	url: null,
	type
});
const s1 = source('s1', 'news report');
const s2 = source('s2', 'opinion');
const s3 = source('s3', 'analysis');

function event(
	id: string,
	themes: ThemeId[],
	sources: Source[],
	context = false,
	title = id
): TimelineEvent {
	const start = utc(2025, 0, 17);
	return {
		id,
		date: { text: '2025-01-17', precision: 'day', start, end: utc(2025, 0, 18), label: '17 January 2025' },
		approximate: false,
		formerIds: [],
		ongoing: false,
		dateBasis: 'sources',
		corrections: [],
		notes: [],
		title,
		label: null,
		key: false,
		summary: 'A summary.',
		themes,
		context,
		citations: sources.map((s) => ({
			source: s,
			excerpt: `Excerpt from ${s.id}.`,
			prefix: '',
			suffix: ''
		})),
		time: start.getTime()
	};
}

// Frozen, so any write by filterEvents throws.
const events = deepFreeze([
	event('treaty', ['diplomacy', 'military-security'], [s1, s2], false, 'Treaty signed in Tehrān'),
	event('drones', ['military-security'], [s1], false, 'Shahed drones'),
	event('sanctions', ['sanctions'], [s3], true, 'US sanctions'),
	event('brics', ['multilateral', 'economy-trade'], [s2, s3], false, 'Iran joins BRICS')
]);

const ids = (list: TimelineEvent[]) => list.map((e) => e.id);
const filter = (overrides: Partial<EventFilter>): EventFilter => ({ ...NO_FILTER, ...overrides });

describe('filterEvents', () => {
	it.each<[string, Partial<EventFilter>, string[]]>([
		['NO_FILTER', {}, ['treaty', 'drones', 'sanctions', 'brics']],
		['themes: any selected', { themes: ['sanctions', 'multilateral'] }, ['sanctions', 'brics']],
		['themes: one shared', { themes: ['military-security'] }, ['treaty', 'drones']],
		['sources: any cited', { sources: ['s2'] }, ['treaty', 'brics']],
		['sources: unknown id', { sources: ['s9'] }, []],
		['types: any cited type', { types: ['analysis'] }, ['sanctions', 'brics']],
		['types: two types', { types: ['news report', 'opinion'] }, ['treaty', 'drones', 'brics']],
		['includeContext false', { includeContext: false }, ['treaty', 'drones', 'brics']],
		['query', { query: 'DRONES' }, ['drones']],
		['query folded', { query: 'tehran' }, ['treaty']],
		['query: every token', { query: 'treaty excerpt s2' }, ['treaty']],
		['query: one-letter words only', { query: 'a b' }, ['treaty', 'drones', 'sanctions', 'brics']],
		['themes AND types', { themes: ['military-security'], types: ['opinion'] }, ['treaty']],
		['themes AND context', { themes: ['sanctions', 'diplomacy'], includeContext: false }, ['treaty']],
		[
			'everything AND query',
			{ themes: ['multilateral'], sources: ['s3'], types: ['opinion'], query: 'brics' },
			['brics']
		],
		['nothing matches', { themes: ['nuclear-energy'] }, []]
	])('filterEvents(events, %s) keeps the matching events in order', (_what, overrides, expected) => {
		expect(ids(filterEvents(events, filter(overrides)))).toEqual(expected);
	});

	it('filterEvents([], filter) is []', () => {
		expect(filterEvents([], filter({ query: 'x' }))).toEqual([]);
	});

	it('filterEvents(events, filter) returns the same event objects, in a new array', () => {
		const shown = filterEvents(events, NO_FILTER);
		expect(shown).not.toBe(events);
		shown.forEach((e, i) => expect(e).toBe(events[i]));
	});
});

describe('isFiltering', () => {
	it.each<[Partial<EventFilter>, boolean]>([
		[{}, false],
		[{ themes: ['diplomacy'] }, true],
		[{ sources: ['s1'] }, true],
		[{ types: ['opinion'] }, true],
		[{ includeContext: false }, true],
		[{ query: 'drones' }, true],
		[{ query: '  ' }, false],
		[{ query: 'a ’ “' }, false]
	])('isFiltering(%j) is %s', (overrides, expected) => {
		expect(isFiltering(filter(overrides))).toBe(expected);
	});
});

describe('activeFilterCount', () => {
	it.each<[Partial<EventFilter>, number]>([
		[{}, 0],
		[{ themes: ['diplomacy', 'sanctions'] }, 2],
		[{ sources: ['s1'], types: ['opinion', 'analysis'] }, 3],
		[{ includeContext: false }, 1],
		[{ query: 'drones' }, 1],
		[{ query: 'Shahed drones Tehran' }, 1],
		[{ query: 'a ’ “' }, 0],
		[{ themes: ['diplomacy'], sources: ['s2'], types: ['opinion'], includeContext: false, query: 'treaty' }, 5]
	])('activeFilterCount(%j) is %i', (overrides, expected) => {
		expect(activeFilterCount(filter(overrides))).toBe(expected);
	});

	it('activeFilterCount(f) > 0 exactly when isFiltering(f), and leaves f as it was', () => {
		const cases: Partial<EventFilter>[] = [{}, { themes: ['diplomacy'] }, { includeContext: false }, { query: 'x' }, { query: 'drones' }];
		for (const overrides of cases) {
			const f = deepFreeze(filter(overrides));
			expect(activeFilterCount(f) > 0, JSON.stringify(overrides)).toBe(isFiltering(f));
		}
	});
});

describe('NO_FILTER', () => {
	it('NO_FILTER shows everything and cannot be changed', () => {
		expect(NO_FILTER).toEqual({ themes: [], sources: [], types: [], includeContext: true, query: '' });
		expect(() => (NO_FILTER.themes as ThemeId[]).push('diplomacy')).toThrow(TypeError);
		expect(() => ((NO_FILTER as { query: string }).query = 'x')).toThrow(TypeError);
	});
});

describe('filterFromUrl / filterToUrl', () => {
	it.each<[UrlState, EventFilter]>([
		[{}, NO_FILTER],
		[{ event: 'treaty', from: '2025', to: '2025' }, NO_FILTER],
		[{ context: true }, NO_FILTER],
		[
			{ themes: ['sanctions'], sources: ['s1'], types: ['opinion'], context: false, q: 'drones' },
			{ themes: ['sanctions'], sources: ['s1'], types: ['opinion'], includeContext: false, query: 'drones' }
		]
	])('filterFromUrl(%j) is %j', (state, expected) => {
		expect(filterFromUrl(deepFreeze(state))).toEqual(expected);
	});

	it.each<[Partial<EventFilter>, UrlState]>([
		[{}, {}],
		[{ query: '   ' }, {}],
		[{ query: '  Shahed \n drones ' }, { q: 'Shahed drones' }],
		[{ includeContext: false }, { context: false }],
		[
			{ themes: ['diplomacy', 'sanctions'], sources: ['s2'], types: ['news report'] },
			{ themes: ['diplomacy', 'sanctions'], sources: ['s2'], types: ['news report'] }
		]
	])('filterToUrl(%j) is %j', (overrides, expected) => {
		expect(filterToUrl(deepFreeze(filter(overrides)))).toEqual(expected);
	});

	it('filterToUrl(filter) copies the lists, so the link state cannot change the filter', () => {
		const original = filter({ themes: ['diplomacy'] });
		filterToUrl(original).themes!.push('sanctions');
		expect(original.themes).toEqual(['diplomacy']);
	});

	it.each<Partial<EventFilter>>([
		{},
		{ themes: ['multilateral'], includeContext: false },
		{ sources: ['s1', 's3'], types: ['analysis', 'opinion'], query: 'Iran’s treaty' }
	])('filterFromUrl(parseUrlState(serialiseUrlState(filterToUrl(%j))))) is the filter', (overrides) => {
		const vocabulary = { eventIds: new Set<string>(), sourceIds: new Set(['s1', 's2', 's3']) };
		const link = serialiseUrlState(filterToUrl(filter(overrides)));
		expect(filterFromUrl(parseUrlState(new URLSearchParams(link), vocabulary))).toEqual(filter(overrides));
	});
});

describe('countText', () => {
	it.each<[number, number, string]>([
		[12, 40, '12 of 40 events'],
		[40, 40, '40 events'],
		[1, 40, '1 of 40 events'],
		[0, 40, '0 of 40 events'],
		[1, 1, '1 event'],
		[0, 1, '0 of 1 event'],
		[0, 0, '0 events']
	])('countText(%i, %i) is %j', (shown, total, expected) => {
		expect(countText(shown, total)).toBe(expected);
	});
});
