import { describe, expect, it } from 'vitest';
import { growEarlier, growLater, initialWindow, inWindow, STORY_MAX, STORY_PAGE, windowAround } from './story-window.ts';

describe('initialWindow', () => {
	it.each([0, 1, 40, STORY_MAX])('renders a story of %i steps whole', (count) => {
		expect(initialWindow(count)).toEqual({ from: 0, to: count });
	});
	it.each([STORY_MAX + 1, 1_000, 10_000])('renders the first page of a story of %i steps', (count) => {
		expect(initialWindow(count)).toEqual({ from: 0, to: STORY_PAGE });
	});
});

describe('windowAround', () => {
	it('is the whole story when the story is short', () => {
		expect(windowAround(30, 40)).toEqual({ from: 0, to: 40 });
	});
	it.each([0, 1, 37, 38, 500, 9_000, 9_999])('holds step %i of 10,000 with a page of steps at most', (index) => {
		const window = windowAround(index, 10_000);
		expect(inWindow(window, index)).toBe(true);
		expect(window.to - window.from).toBe(STORY_PAGE);
		expect(window.from).toBeGreaterThanOrEqual(0);
		expect(window.to).toBeLessThanOrEqual(10_000);
	});
	it('leaves a quarter page before the step, where there is room', () => {
		expect(windowAround(5_000, 10_000).from).toBe(5_000 - Math.floor(STORY_PAGE / 4));
	});
	it('clamps an index outside the story', () => {
		expect(inWindow(windowAround(20_000, 10_000), 9_999)).toBe(true);
		expect(inWindow(windowAround(-5, 10_000), 0)).toBe(true);
	});
});

describe('growing', () => {
	it('grows later by a page, then drops the start past STORY_MAX', () => {
		let window = initialWindow(10_000);
		const seen: number[] = [];
		for (let i = 0; i < 6; i++) {
			window = growLater(window, 10_000);
			seen.push(window.to - window.from);
			expect(window.to - window.from).toBeLessThanOrEqual(STORY_MAX);
		}
		expect(seen).toEqual([2 * STORY_PAGE, 3 * STORY_PAGE, STORY_MAX, STORY_MAX, STORY_MAX, STORY_MAX]);
		expect(window.to).toBe(7 * STORY_PAGE);
	});
	it('stops at the end of the story', () => {
		const end = growLater({ from: 9_900, to: 10_000 }, 10_000);
		expect(end).toEqual({ from: 9_900, to: 10_000 });
	});
	it('grows earlier by a page, dropping the end past STORY_MAX, and stops at 0', () => {
		expect(growEarlier({ from: 1_000, to: 1_000 + STORY_MAX })).toEqual({ from: 1_000 - STORY_PAGE, to: 1_000 - STORY_PAGE + STORY_MAX });
		expect(growEarlier({ from: 20, to: 170 })).toEqual({ from: 0, to: 170 });
		expect(growEarlier({ from: 0, to: 170 })).toEqual({ from: 0, to: 170 });
	});
});
