import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PANEL_PART_SIZE, panelPartCount, panelPartOf, panelParts } from './predrawn';

describe('panel parts', () => {
	const events = Array.from({ length: 1_000 }, (_, i) => ({ id: `event-${i}-${(i * 7919) % 613}` }));

	it('puts every event in exactly one part, the one panelPartOf names, in the timeline’s order', () => {
		const parts = panelParts(events);
		expect(parts).toHaveLength(Math.ceil(1_000 / PANEL_PART_SIZE));
		expect(parts.flat().map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
		parts.forEach((part, index) => {
			for (const event of part) expect(panelPartOf(event.id, parts.length)).toBe(index);
			const order = part.map((event) => events.indexOf(event));
			expect(order).toEqual([...order].sort((a, b) => a - b));
		});
	});

	it('spreads the events: no part more than twice the average', () => {
		const sizes = panelParts(events).map((part) => part.length);
		expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * PANEL_PART_SIZE);
	});

	it('is FNV-1a of the id', () => {
		// FNV-1a 32 of "a" and of "foobar" (the algorithm's published test vectors).
		expect(panelPartOf('a', 2 ** 32 - 1)).toBe(0xe40c292c % (2 ** 32 - 1));
		expect(panelPartOf('foobar', 2 ** 32 - 1)).toBe(0xbf9cf968 % (2 ** 32 - 1));
		expect(panelPartCount(0)).toBe(1);
		expect(panelPartCount(PANEL_PART_SIZE + 1)).toBe(2);
	});

	it('is what the first script computes (first-click.js has its own copy: it cannot import)', () => {
		const source = readFileSync(new URL('./first-click.js', import.meta.url), 'utf8');
		const copy = /function partOf\([^)]*\) \{[\s\S]*?\n\t\}/.exec(source)?.[0];
		expect(copy, 'partOf in first-click.js').toBeTruthy();
		const partOf = new Function(`${copy}; return partOf;`)() as (id: string, count: number) => number;
		for (const { id } of events) for (const count of [1, 7, 40, 400]) expect(partOf(id, count)).toBe(panelPartOf(id, count));
	});
});
