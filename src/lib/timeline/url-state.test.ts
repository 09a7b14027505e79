import { describe, expect, it } from 'vitest';
import { deepFreeze, utc } from './test-helpers.ts';
import {
	namesUrlState,
	normaliseQuery,
	parseUrlState,
	rangeFromUrl,
	rangeToUrl,
	serialiseUrlState,
	URL_STATE_KEYS,
	type UrlState,
	type UrlVocabulary
} from './url-state.ts';

const vocabulary: UrlVocabulary = {
	eventIds: new Set(['treaty-signed', 'iran-joins-brics']),
	sourceIds: new Set(['s000', 's001', 's002']),
	formerIds: new Map([['treaty-scope', 'treaty-signed']])
};

const parse = (query: string) => parseUrlState(new URLSearchParams(query), vocabulary);
const long = (n: number) => 'a'.repeat(n);

describe('parseUrlState', () => {
	it.each<[string, UrlState]>([
		['', {}],
		['?event=treaty-signed', { event: 'treaty-signed' }],
		['?event=nope', {}],
		// A retired id (the event was merged into another) opens the event that replaced it.
		['?event=treaty-scope', { event: 'treaty-signed' }],
		['?event=TREATY-SCOPE', {}],
		['?event=TREATY-SIGNED', {}],
		['?event=treaty-signed&event=iran-joins-brics', { event: 'treaty-signed' }],
		['?event=nope&event=treaty-signed', {}],
		['?from=2025-01-10&to=2025-01-25', { from: '2025-01-10', to: '2025-01-25' }],
		['?from=1991&to=2025-10', { from: '1991', to: '2025-10' }],
		['?from=2025&to=2025', { from: '2025', to: '2025' }],
		['?from=2025-01-17&to=2025-01-17', { from: '2025-01-17', to: '2025-01-17' }],
		['?from=2025', { from: '2025' }],
		['?to=2025-03', { to: '2025-03' }],
		['?from=banana&to=2025', {}],
		['?from=2025-13-01&to=2026', {}],
		['?from=2025-02-30&to=2026', {}],
		['?from=2025&to=2025-02-30', {}],
		['?to=2024&from=2025', {}],
		['?from=2025-01-18&to=2025-01-17', {}],
		['?from=+2025&to=2026', {}],
		['?from=2025-1-1&to=2026', {}],
		['?themes=diplomacy,sanctions', { themes: ['diplomacy', 'sanctions'] }],
		['?themes=sanctions,diplomacy', { themes: ['sanctions', 'diplomacy'] }],
		['?themes=diplomacy,diplomacy,bogus', { themes: ['diplomacy'] }],
		['?themes=,,,', {}],
		['?themes=', {}],
		['?themes=bogus', {}],
		['?themes=diplomacy%2Csanctions', { themes: ['diplomacy', 'sanctions'] }],
		['?themes=diplomacy, sanctions', { themes: ['diplomacy', 'sanctions'] }],
		['?themes=Diplomacy', {}],
		['?themes=diplomacy&themes=sanctions', { themes: ['diplomacy'] }],
		['?sources=s001,s999,s000,s001', { sources: ['s001', 's000'] }],
		['?types=opinion,news+report,blog', { types: ['opinion', 'news report'] }],
		['?types=government%20statement', { types: ['government statement'] }],
		['?context=0', { context: false }],
		['?context=false', { context: false }],
		['?context=1', { context: true }],
		['?context=true', { context: true }],
		['?context=', {}],
		['?context=no', {}],
		['?context=toString', {}],
		['?context=__proto__', {}],
		['?q=drones', { q: 'drones' }],
		['?q=+Shahed++drones%0A%09Iran+', { q: 'Shahed drones Iran' }],
		['?q=+++', {}],
		['?q=a,b%26c%3Dd', { q: 'a,b&c=d' }],
		['?q=drones&q=treaty', { q: 'drones' }],
		['?unknown=1&EVENT=treaty-signed', {}]
	])('parseUrlState(%j) is %j', (query, expected) => {
		expect(parse(query)).toEqual(expected);
	});

	it.each<[string, string, string]>([
		['a 201-character query', long(201), long(200)],
		['a 200-character query', long(200), long(200)],
		['a query of 300 emoji', '🚀'.repeat(300), '🚀'.repeat(200)],
		['a query cut just before a space', `${long(199)} b`, long(199)],
		['a null byte', 'a\u0000b', 'a b'],
		['an RTL override', '\u202Eevil', 'evil'],
		['the script tag', '<script>alert(1)</script>', '<script>alert(1)</script>'],
		['diacritics', 'Tehrān', 'Tehrān']
	])('parseUrlState(?q=…) keeps %s as %j', (_what, q, expected) => {
		expect(parseUrlState(new URLSearchParams({ q }), vocabulary).q).toBe(expected);
	});

	// Hostile links: each must be read without throwing, and nothing bad may come through.
	it.each<[string, string, UrlState]>([
		['a 10,000-character event', `?event=${long(10_000)}`, {}],
		['a 10,000-character query', `?q=${long(10_000)}`, {}],
		['a 1001-character query', `?q=${long(1001)}`, {}],
		['a 10,000-character list', `?themes=${'diplomacy,'.repeat(1000)}`, {}],
		['a 1000-character list', `?themes=${'diplomacy,'.repeat(100)}`, { themes: ['diplomacy'] }],
		['a script tag as an event', '?event=<script>alert(1)</script>', {}],
		['a script tag as a date', '?from=<script>alert(1)</script>&to=2025', {}],
		['a javascript: URL', '?event=javascript:alert(1)&sources=javascript:alert(1)', {}],
		['malformed percent-encoding', '?event=%E0%A4%A&from=%E0%A4%A&themes=%E0%A4%A', {}],
		['a bare malformed query', '%E0%A4%A', {}],
		['null bytes', '?event=treaty-signed%00&from=2025%00&themes=diplomacy%00', {}],
		['an RTL override', '?event=%E2%80%AEtreaty-signed&themes=%E2%80%AEdiplomacy', {}],
		['emoji', '?event=🚀&themes=🚀,diplomacy&context=🚀', { themes: ['diplomacy'] }],
		// WHATWG decoding turns each byte of an invalid sequence into U+FFFD, as browsers do.
		['an encoded lone surrogate', '?q=%ED%A0%80x', { q: '\uFFFD'.repeat(3) + 'x' }],
		['only separators', '?&&&=&==&', {}]
	])('parseUrlState(%s) does not throw and keeps only valid values', (_what, query, expected) => {
		expect(() => parse(query)).not.toThrow();
		expect(parse(query)).toEqual(expected);
	});

	it('parseUrlState(params) leaves params as they were', () => {
		const params = new URLSearchParams('?themes=diplomacy,bogus&q=+a++b+');
		parseUrlState(params, vocabulary);
		expect(params.toString()).toBe('themes=diplomacy%2Cbogus&q=+a++b+');
	});
});

describe('serialiseUrlState', () => {
	it.each<[UrlState, string]>([
		[{}, ''],
		[
			{
				q: 'drones',
				context: false,
				types: ['opinion'],
				sources: ['s001'],
				themes: ['diplomacy', 'sanctions'],
				to: '2025-01-25',
				from: '2025-01-10',
				event: 'x'
			},
			'?event=x&from=2025-01-10&to=2025-01-25&themes=diplomacy,sanctions' +
				'&sources=s001&types=opinion&context=0&q=drones'
		],
		[{ context: true }, ''],
		[{ themes: [], sources: [], types: [], q: '', event: '' }, ''],
		[{ q: '   ' }, ''],
		[{ types: ['news report', 'government statement'] }, '?types=news+report,government+statement'],
		[{ q: 'a,b&c=d e+f' }, '?q=a%2Cb%26c%3Dd+e%2Bf'],
		[{ q: 'Tehrān 🚀' }, '?q=Tehr%C4%81n+%F0%9F%9A%80'],
		[{ to: '2025' }, '?to=2025']
	])('serialiseUrlState(%j) is %j', (state, expected) => {
		expect(serialiseUrlState(state)).toBe(expected);
	});

	it('serialiseUrlState(state) does not mutate the state', () => {
		const state = deepFreeze<UrlState>({ themes: ['diplomacy'], q: 'x y', context: false });
		expect(() => serialiseUrlState(state)).not.toThrow();
	});

	// Every state a reader can reach survives the trip through a link.
	it.each<UrlState>([
		{},
		{ event: 'treaty-signed' },
		{ from: '2025-01-10', to: '2025-01-25' },
		{ from: '1991', to: '2025-10' },
		{ themes: ['sanctions', 'diplomacy'], sources: ['s002', 's000'] },
		{ types: ['news report', 'government statement', 'opinion'] },
		{ context: false },
		{ context: false, q: 'Iran’s “drones” & 50% more, Tehrān 🚀' },
		{ q: '<script>alert(1)</script>' },
		{ q: '🚀'.repeat(200) },
		{
			event: 'iran-joins-brics',
			from: '2023',
			to: '2023-12-31',
			themes: ['multilateral'],
			sources: ['s001'],
			types: ['analysis'],
			context: false,
			q: 'BRICS summit'
		}
	])('parseUrlState(serialiseUrlState(%j)) gives the state back', (state) => {
		expect(parseUrlState(new URLSearchParams(serialiseUrlState(state)), vocabulary)).toEqual(state);
	});
});

describe('normaliseQuery', () => {
	it.each<[string, string]>([
		['  a \t b\n', 'a b'],
		['', ''],
		['\u0000\u202E\u2066', '']
	])('normaliseQuery(%j) is %j', (query, expected) => {
		expect(normaliseQuery(query)).toBe(expected);
	});
});

describe('rangeToUrl', () => {
	it.each<[string, [Date, Date], { from: string; to: string }]>([
		['whole days', [utc(2025, 0, 10), utc(2025, 0, 26)], { from: '2025-01-10', to: '2025-01-25' }],
		['part days', [utc(2025, 0, 10, 18), utc(2025, 0, 25, 6)], { from: '2025-01-10', to: '2025-01-25' }],
		['one instant', [utc(2025, 0, 17), utc(2025, 0, 17)], { from: '2025-01-17', to: '2025-01-17' }],
		['years apart', [utc(1991), utc(2026)], { from: '1991-01-01', to: '2025-12-31' }],
		// 16:00 in Los Angeles is already the next day in UTC: the link must use UTC.
		[
			'a UTC evening',
			[utc(2025, 0, 17, 0, 30), utc(2025, 0, 18, 0, 30)],
			{ from: '2025-01-17', to: '2025-01-18' }
		]
	])('rangeToUrl(%s) is %j', (_what, range, expected) => {
		expect(rangeToUrl(range)).toEqual(expected);
	});

	it('rangeToUrl(range) does not mutate the range', () => {
		const range: [Date, Date] = [utc(2025, 0, 10), utc(2025, 0, 26)];
		rangeToUrl(range);
		expect(range).toEqual([utc(2025, 0, 10), utc(2025, 0, 26)]);
	});

	it.each<[Date, Date]>([
		[utc(2025, 0, 10), utc(2025, 0, 26)],
		[utc(2025, 0, 10, 7, 15), utc(2025, 0, 12, 23, 59)],
		[utc(1990, 6, 3, 12), utc(2026, 2, 1, 3)]
	])('rangeFromUrl(rangeToUrl([%s, %s])) covers the range, to the day', (from, to) => {
		const back = rangeFromUrl(rangeToUrl([from, to]))!;
		expect(back[0].getTime()).toBeLessThanOrEqual(from.getTime());
		expect(from.getTime() - back[0].getTime()).toBeLessThan(86_400_000);
		expect(back[1].getTime()).toBeGreaterThanOrEqual(to.getTime());
		expect(back[1].getTime() - to.getTime()).toBeLessThan(86_400_000);
	});
});

describe('rangeFromUrl', () => {
	it.each<[UrlState, [Date, Date] | null]>([
		[{ from: '2025-01-10', to: '2025-01-25' }, [utc(2025, 0, 10), utc(2025, 0, 26)]],
		[{ from: '2025', to: '2025' }, [utc(2025), utc(2026)]],
		[{ from: '1991', to: '2025-10' }, [utc(1991), utc(2025, 10, 1)]],
		[{ from: '2025-01' }, null],
		[{ to: '2025' }, null],
		[{}, null],
		[{ from: 'banana', to: '2025' }, null],
		[{ from: '2025', to: '2024' }, null]
	])('rangeFromUrl(%j) is %j', (state, expected) => {
		expect(rangeFromUrl(state)).toEqual(expected);
	});
});

describe('namesUrlState', () => {
	it('is true for every key the page writes, and for none other', () => {
		// Every key of a state with all fields set, as serialiseUrlState writes it.
		const written = serialiseUrlState({ event: 'e', from: '2020', to: '2021', themes: ['diplomacy'], sources: ['s1'], types: ['opinion'], context: false, q: 'x', spacing: 'time' });
		const keys = [...new URLSearchParams(written).keys()];
		expect(keys.length).toBe(9);
		for (const key of keys) expect(namesUrlState(new URLSearchParams({ [key]: '1' })), key).toBe(true);
		expect(new Set(URL_STATE_KEYS)).toEqual(new Set(keys));
		for (const query of ['', '?utm_source=newsletter', '?fbclid=abc&ref=x', '?Event=x']) expect(namesUrlState(new URLSearchParams(query)), query).toBe(false);
	});
});
