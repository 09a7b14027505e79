import { describe, expect, it } from 'vitest';
import { plotKeyCommand } from './plot-keys.ts';

describe('plotKeyCommand', () => {
	it.each([
		{ key: 'ArrowRight', index: 3, expected: { kind: 'focus', index: 4 } },
		{ key: 'ArrowRight', index: 9, expected: { kind: 'focus', index: 9 } },
		{ key: 'ArrowRight', index: -1, expected: { kind: 'focus', index: 0 } },
		{ key: 'ArrowLeft', index: 3, expected: { kind: 'focus', index: 2 } },
		{ key: 'ArrowLeft', index: 0, expected: { kind: 'focus', index: 0 } },
		{ key: 'ArrowLeft', index: -1, expected: { kind: 'focus', index: 0 } },
		{ key: 'Home', index: 5, expected: { kind: 'focus', index: 0 } },
		{ key: 'End', index: 5, expected: { kind: 'focus', index: 9 } },
		{ key: '+', index: 5, expected: { kind: 'zoom', factor: 2 } },
		{ key: '=', index: 5, expected: { kind: 'zoom', factor: 2 } },
		{ key: '-', index: 5, expected: { kind: 'zoom', factor: 0.5 } },
		{ key: '0', index: 5, expected: { kind: 'reset' } },
		{ key: '?', index: 5, expected: { kind: 'help' } },
		{ key: 'Escape', index: 5, expected: { kind: 'close' } },
		{ key: 'a', index: 5, expected: null }
	])('plotKeyCommand($key) at event $index of 10 is $expected', ({ key, index, expected }) => {
		expect(plotKeyCommand({ key }, index, 10, 2)).toEqual(expected);
	});

	it('keys with Ctrl, ⌘ or Alt are left to the browser (Ctrl + = zooms the page, not the plot)', () => {
		expect(plotKeyCommand({ key: '=', ctrlKey: true }, 0, 10, 2)).toBeNull();
		expect(plotKeyCommand({ key: '0', metaKey: true }, 0, 10, 2)).toBeNull();
		expect(plotKeyCommand({ key: 'ArrowRight', altKey: true }, 0, 10, 2)).toBeNull();
	});

	it('arrows with no events shown do nothing', () => {
		expect(plotKeyCommand({ key: 'ArrowRight' }, -1, 0, 2)).toBeNull();
	});
});
