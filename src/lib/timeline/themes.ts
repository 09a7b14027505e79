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

/** Each shape as an SVG path in a 14 × 14 box: the marks, the legend and the image downloads draw these. */
export const SHAPE_PATHS: Record<MarkShape, string> = {
	circle: 'M7 1.5a5.5 5.5 0 1 1 0 11a5.5 5.5 0 1 1 0-11z',
	square: 'M2 2h10v10H2z',
	diamond: 'M7 0.8L13.2 7L7 13.2L0.8 7z',
	triangle: 'M7 1L13 12.5H1z',
	hexagon: 'M4 1.5h6L13 7l-3 5.5H4L1 7z',
	star: 'M7 .8l1.8 4.1 4.4.4-3.3 2.9 1 4.3L7 10.3l-3.9 2.2 1-4.3L.8 5.3l4.4-.4z'
};
