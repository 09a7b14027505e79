/**
 * The fixed set of themes. Each has a colour AND a shape, so a mark never relies on colour alone
 * (WCAG 1.4.1); the legend shows both. Colours are Okabe–Ito-derived and keep 3:1 against the
 * light and the dark background.
 */
export const THEME_IDS = [
	'diplomacy',
	'military-security',
	'nuclear-energy',
	'economy-trade',
	'multilateral',
	'sanctions'
] as const;

export type ThemeId = (typeof THEME_IDS)[number];
export type MarkShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'hexagon' | 'star';

export interface Theme {
	id: ThemeId;
	label: string;
	shape: MarkShape;
}

export const THEMES: Record<ThemeId, Theme> = {
	diplomacy: { id: 'diplomacy', label: 'Diplomacy', shape: 'circle' },
	'military-security': { id: 'military-security', label: 'Military & security', shape: 'triangle' },
	'nuclear-energy': { id: 'nuclear-energy', label: 'Nuclear & energy', shape: 'diamond' },
	'economy-trade': { id: 'economy-trade', label: 'Economy & trade', shape: 'square' },
	multilateral: { id: 'multilateral', label: 'Multilateral organisations', shape: 'hexagon' },
	sanctions: { id: 'sanctions', label: 'Sanctions', shape: 'star' }
};

export function isThemeId(value: unknown): value is ThemeId {
	return typeof value === 'string' && (THEME_IDS as readonly string[]).includes(value);
}
