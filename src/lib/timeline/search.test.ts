import { describe, expect, it } from 'vitest';
import type { Source, TimelineEvent } from './events.ts';
import {
	createSearchIndex,
	eventMatches,
	foldText,
	highlightSegments,
	MAX_TOKENS,
	searchTokens,
	type TextSegment
} from './search.ts';
import { deepFreeze, utc } from './test-helpers.ts';

const source: Source = {
	id: 's1',
	file: 'a.txt',
	name: 'A source',
	provenance: {},
	title: null,
	outlet: null,
	author: null,
	published: null,
	url: null,
	type: 'news report'
};

/** A day-precision event with the given text; dates do not matter to search. */
function textEvent(
	id: string,
	text: Partial<Pick<TimelineEvent, 'title' | 'summary'>> & { note?: string },
	excerpts: string[] = []
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
		title: text.title ?? 'Untitled',
		label: null,
		key: false,
		summary: text.summary ?? 'No summary.',
		notes: text.note === undefined ? [] : [{ kind: 'editorial', text: text.note }],
		themes: ['diplomacy'],
		context: false,
		citations: excerpts.map((excerpt) => ({ source, excerpt, prefix: '', suffix: '' })),
		time: start.getTime()
	};
}

const treaty = deepFreeze(
	textEvent(
		'treaty',
		{
			title: 'Treaty signed in Moscow',
			summary: 'Pezeshkian and Putin sign a partnership treaty.',
			note: 'No mutual-defence clause.'
		},
		['Iran’s “strategic” partner', 'in Tehrān on Friday']
	)
);
const drones = deepFreeze(
	textEvent('drones', { title: 'Shahed drones', summary: 'Iran supplies drones to Russia.' })
);

describe('searchTokens', () => {
	it.each<[string, string[]]>([
		['', []],
		['   ', []],
		['Drones', ['drones']],
		['  Shahed   DRONES ', ['shahed', 'drones']],
		['Tehrān Pezeškian', ['tehran', 'pezeskian']],
		['Iran’s “treaty”', ['iran', 'treaty']],
		['"mutual-defence", (clause)!', ['mutual', 'defence', 'clause']],
		['a b c de', ['de']],
		['drones drones DRONES', ['drones']],
		['2025 S-300', ['2025', '300']],
		['İstanbul', ['istanbul']],
		['ΟΔΟΣ', ['οδοσ']],
		['<script>alert(1)</script>', ['script', 'alert']],
		['🚀 rocket', ['rocket']],
		['\u202Eevil\u0000x', ['evil']],
		['a1 b2 c3 d4 e5 f6 g7 h8 i9 j0 k1 l2 m3 n4', 'a1 b2 c3 d4 e5 f6 g7 h8 i9 j0 k1 l2'.split(' ')]
	])('searchTokens(%j) is %j', (query, expected) => {
		expect(searchTokens(query)).toEqual(expected);
	});

	it(`searchTokens(a long query) keeps at most ${MAX_TOKENS} tokens`, () => {
		expect(searchTokens('word '.repeat(10_000) + 'ab '.repeat(100))).toEqual(['word', 'ab']);
		const hundred = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
		expect(searchTokens(hundred)).toHaveLength(MAX_TOKENS);
	});
});

describe('foldText', () => {
	it.each<[string, string]>([
		['Tehrān', 'tehran'],
		['Tehra\u0304n', 'tehran'],
		['ÇAĞRI', 'cagri'],
		['ΟΔΟΣ ς', 'οδοσ σ']
	])('foldText(%j) is %j', (text, expected) => {
		expect(foldText(text)).toBe(expected);
	});
});

describe('eventMatches', () => {
	it.each<[string, TimelineEvent, string, boolean]>([
		['no tokens', treaty, '', true],
		['a title word', treaty, 'moscow', true],
		['a summary word', treaty, 'pezeshkian', true],
		['a note word', treaty, 'mutual', true],
		['an excerpt word', treaty, 'strategic', true],
		['a folded excerpt word', treaty, 'TEHRAN', true],
		['part of a word', treaty, 'partner', true],
		['every token', treaty, 'treaty tehran friday', true],
		['one missing token', treaty, 'treaty drones', false],
		['a word across two fields', treaty, 'moscowpezeshkian', false],
		['a word across a space', treaty, 'signedin', false],
		['tokens in another event', drones, 'moscow', false],
		['drones', drones, 'drone', true]
	])('eventMatches(event, tokens) finds %s', (_what, event, query, expected) => {
		expect(eventMatches(event, searchTokens(query))).toBe(expected);
	});

	it('eventMatches(event, raw words) folds them too', () => {
		expect(eventMatches(treaty, ['Tehrān'])).toBe(true);
	});
});

describe('createSearchIndex', () => {
	it.each<[string, string[]]>([
		['', ['treaty', 'drones']],
		['iran', ['treaty', 'drones']],
		['drones russia', ['drones']],
		['nothing', []]
	])('createSearchIndex(events)(searchTokens(%j)) is %j', (query, expected) => {
		const search = createSearchIndex([treaty, drones]);
		expect(search(searchTokens(query))).toEqual(new Set(expected));
	});

	it('createSearchIndex(10,000 events) answers a query over all of them', () => {
		const words = ['treaty', 'drones', 'sanctions', 'Tehrān', 'Moscow', 'reactor', 'corridor'];
		const events = Array.from({ length: 10_000 }, (_, i) =>
			textEvent(
				`e${i}`,
				{ title: `Event ${i} about ${words[i % 7]}`, summary: `Summary ${i} on ${words[(i * 3) % 7]}.` },
				[`Excerpt ${i} citing ${words[(i * 5) % 7]} and more words for length.`]
			)
		);
		const search = createSearchIndex(events);
		expect(search([]).size).toBe(10_000);
		// Event 9999 is about words[9999 % 7], which is Tehrān.
		expect(search(searchTokens('TEHRAN event 9999'))).toEqual(new Set(['e9999']));
		expect(search(searchTokens('tehran')).size).toBeGreaterThan(1000);
		expect(search(searchTokens('tehran moscow reactor corridor')).size).toBeLessThan(10_000);
	});

	it('createSearchIndex(events) does not mutate the events', () => {
		expect(() => createSearchIndex([treaty, drones])(['moscow'])).not.toThrow();
	});
});

describe('highlightSegments', () => {
	const hit = (text: string): TextSegment => ({ text, hit: true });
	const miss = (text: string): TextSegment => ({ text, hit: false });

	it.each<[string, string, TextSegment[]]>([
		['', 'moscow', []],
		['Treaty signed', '', [miss('Treaty signed')]],
		['Treaty signed', 'moscow', [miss('Treaty signed')]],
		['Treaty signed in Moscow', 'moscow', [miss('Treaty signed in '), hit('Moscow')]],
		['Moscow treaty', 'moscow treaty', [hit('Moscow'), miss(' '), hit('treaty')]],
		['in Tehrān on Friday', 'tehran', [miss('in '), hit('Tehrān'), miss(' on Friday')]],
		['in Tehra\u0304n now', 'tehran', [miss('in '), hit('Tehra\u0304n'), miss(' now')]],
		['Tehra\u0304', 'tehra', [hit('Tehra\u0304')]],
		['Iran’s drones', 'iran', [hit('Iran'), miss('’s drones')]],
		['drones, drones', 'drones', [hit('drones'), miss(', '), hit('drones')]],
		['partnership', 'part ner', [hit('partner'), miss('ship')]],
		['partnership', 'partn tner', [hit('partner'), miss('ship')]],
		['aaaa', 'aa', [hit('aaaa')]],
		['İstanbul', 'istanbul', [hit('İstanbul')]],
		['🚀 rocket 🚀', 'rocket', [miss('🚀 '), hit('rocket'), miss(' 🚀')]],
		[
			'<script>alert(1)</script>',
			'script',
			[miss('<'), hit('script'), miss('>alert(1)</'), hit('script'), miss('>')]
		],
		['ΟΔΟΣ', 'οδος', [hit('ΟΔΟΣ')]]
	])('highlightSegments(%j, searchTokens(%j)) is %j', (text, query, expected) => {
		const segments = highlightSegments(text, searchTokens(query));
		expect(segments).toEqual(expected);
		expect(segments.map((segment) => segment.text).join('')).toBe(text);
	});

	// Texts whose folded form differs in length from the original: marks, ligatures, Hangul jamo,
	// a lone surrogate, a titlecase digraph, ß.
	const awkward = ['Tehrān', 'e\u0301\u0301x', 'ﬁnance', '한국어 문장', 'x\uD800y', 'ǅemal', 'STRASSE straße'];
	it.each(awkward)('highlightSegments(%j, tokens) joins back to the original text', (text) => {
		for (const query of ['e', 'ex', 'ne', '한', 'gu', 'y', 'em', 'ss', 'straße', text]) {
			const segments = highlightSegments(text, [query]);
			expect(segments.map((segment) => segment.text).join(''), query).toBe(text);
		}
	});

	it('highlightSegments(text, tokens) does not mutate the tokens', () => {
		const tokens = deepFreeze(['moscow']);
		expect(highlightSegments('Moscow', tokens)).toEqual([hit('Moscow')]);
	});
});
