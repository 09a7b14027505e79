/**
 * Shared test helpers: UTC dates without touching the module under test, a small valid events.json
 * fixture with its source texts, and a deterministic label measure. Used only by *.test.ts files.
 */

export const DAY = 86_400_000;

/**
 * A UTC date from calendar parts, month 0-based as in Date.UTC (d3-scale's test/date.js habit).
 * Built here rather than imported from dates.ts so that the tests do not lean on the code they test.
 */
export function utc(year: number, month = 0, day = 1, hours = 0, minutes = 0): Date {
	const date = new Date(Date.UTC(year, month, day, hours, minutes));
	// Date.UTC reads years 0–99 as 1900–1999.
	if (year >= 0 && year < 100) date.setUTCFullYear(date.getUTCFullYear() - 1900);
	return date;
}

/** Freezes a value and everything in it, so any write by the code under test throws. */
export function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const child of Object.values(value)) deepFreeze(child);
		Object.freeze(value);
	}
	return value;
}

/** A fake text measure: every character is 7px wide, so widths are easy to reason about. */
export const measure7 = (text: string): number => text.length * 7;

/** Source texts of the fixture, by file name, as readSourceTexts() would return them. */
export function fixtureTexts(): Map<string, string> {
	return new Map([
		[
			'a.txt',
			'Alpha opens the file. The treaty was signed in Moscow on 17 January 2025. Both sides praised it.\n'
		],
		['b.txt', 'Beta begins here. Iran joined BRICS in 2023. Analysts noted the shift.']
	]);
}

/**
 * A small valid events.json: two sources, one era, two events whose citations are verbatim in
 * fixtureTexts(). Returns a fresh object each call, typed loosely so tests can break it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function validFixture(): any {
	return {
		title: 'Test timeline',
		description: 'A fixture for the unit tests.',
		updated: '2026-12-02',
		sources: [
			{
				id: 's1',
				name: 'Outlet A',
				file: 'a.txt',
				title: 'Treaty signed in Moscow',
				outlet: 'Outlet A',
				author: null,
				published: '2025-01-17',
				url: 'https://example.com/a',
				type: 'news report',
				provenance: {
					title: 'The page’s headline.',
					outlet: 'The page’s masthead.',
					published: 'The page’s date line.',
					url: 'Where the page was read.'
				}
			},
			{
				id: 's2',
				name: 'An unsigned analysis',
				file: 'b.txt',
				title: null,
				outlet: null,
				author: null,
				published: null,
				url: null,
				type: 'analysis'
			}
		],
		eras: [
			{ id: 'treaty-era', name: 'Treaty era', start: '2023', end: '2026', description: 'After BRICS.' }
		],
		events: [
			{
				id: 'brics',
				date: '2023',
				dateBasis: 'sources',
				title: 'Iran joins BRICS',
				summary: 'Iran becomes a member of the BRICS group.',
				themes: ['multilateral'],
				citations: [
					{
						source: 's2',
						excerpt: 'Iran joined BRICS in 2023.',
						prefix: 'Beta begins here. ',
						suffix: ' Analysts noted the shift.'
					}
				]
			},
			{
				id: 'treaty',
				date: '2025-01-17',
				dateBasis: 'sources',
				title: 'Treaty signed',
				summary: 'Russia and Iran sign a treaty.',
				themes: ['diplomacy', 'military-security'],
				citations: [
					{
						source: 's1',
						excerpt: 'signed in Moscow',
						prefix: 'Alpha opens the file. The treaty was ',
						suffix: ' on 17 January 2025.'
					},
					{ source: 's2', excerpt: 'Analysts noted the shift.' }
				]
			}
		]
	};
}
