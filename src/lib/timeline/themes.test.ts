import { describe, expect, it } from 'vitest';
import { isThemeId, THEME_IDS, THEMES } from './themes.ts';

describe('THEMES', () => {
	it('THEME_IDS lists six distinct themes', () => {
		expect(THEME_IDS).toHaveLength(6);
		expect(new Set(THEME_IDS).size).toBe(6);
	});

	it.each(THEME_IDS)('THEMES["%s"] has that id and a label', (id) => {
		expect(THEMES[id].id).toBe(id);
		expect(THEMES[id].label.trim()).not.toBe('');
	});

	it('THEMES covers exactly THEME_IDS', () => {
		expect(Object.keys(THEMES).sort()).toEqual([...THEME_IDS].sort());
	});

	it('THEMES gives every theme its own shape, so a mark never relies on colour alone', () => {
		const shapes = THEME_IDS.map((id) => THEMES[id].shape);
		expect(new Set(shapes).size).toBe(THEME_IDS.length);
	});

	it('THEMES gives every theme its own label', () => {
		expect(new Set(THEME_IDS.map((id) => THEMES[id].label)).size).toBe(THEME_IDS.length);
	});
});

describe('isThemeId', () => {
	it.each(['diplomacy', 'military-security', 'sanctions'])('isThemeId("%s") is true', (value) => {
		expect(isThemeId(value)).toBe(true);
	});

	it.each(['Diplomacy', 'trade', '', ' diplomacy', 42, null, undefined, ['diplomacy']])(
		'isThemeId(%j) is false',
		(value) => {
			expect(isThemeId(value)).toBe(false);
		}
	);
});
