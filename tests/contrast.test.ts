/**
 * WCAG 2.2 AA contrast of the palette as the browser resolves it, in the light and the dark scheme:
 * text 4.5:1 on every surface it is drawn on (1.4.3), marks, focus rings and control borders 3:1
 * against the plot's backgrounds (1.4.11). axe checks the text it finds on a page; this covers
 * the marks (SVG shapes axe does not check) and surfaces a given page state may not show.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SURFACES = ['--bg', '--bg-soft', '--bg-raised', '--era-a', '--era-b'];
/** The plot's surfaces: background and the two era bands. Marks and the focus ring sit on these. */
const PLOT_SURFACES = ['--bg', '--era-a', '--era-b'];
const THEMES = ['--theme-diplomacy', '--theme-military-security', '--theme-nuclear-energy', '--theme-economy-trade', '--theme-multilateral', '--theme-sanctions'];

/** [foreground, background, minimum ratio, what it is] */
const PAIRS: [string, string, number, string][] = [
	...['--fg', '--fg-muted', '--accent'].flatMap((fg) => SURFACES.map((bg) => [fg, bg, 4.5, 'text'] as [string, string, number, string])),
	['--fg', '--mark-highlight', 4.5, 'quoted text on its highlight'],
	['--fg', '--hit-bg', 4.5, 'text on a search hit'],
	...THEMES.flatMap((theme) => [...PLOT_SURFACES, '--bg-raised'].map((bg) => [theme, bg, 3, 'mark (theme colour)'] as [string, string, number, string])),
	...[...PLOT_SURFACES, '--bg-raised'].map((bg) => ['--focus', bg, 3, 'focus ring'] as [string, string, number, string]),
	['--hit-line', '--bg', 3, 'search-hit outline'],
	['--line-strong', '--bg', 3, 'control border']
];

/** Each custom property resolved by the browser to [r, g, b] (light-dark() and all). */
function resolve(page: Page, names: string[]) {
	return page.evaluate((names) => {
		const probe = document.createElement('span');
		document.body.append(probe);
		const out: Record<string, number[]> = {};
		for (const name of names) {
			probe.style.color = `var(${name})`;
			const rgb = getComputedStyle(probe).color.match(/[\d.]+/g)!.map(Number);
			if (rgb.length > 3 && rgb[3] !== 1) throw new Error(`${name} is translucent (${getComputedStyle(probe).color})`);
			out[name] = rgb.slice(0, 3);
		}
		probe.remove();
		return out;
	}, names);
}

/** WCAG relative luminance and contrast ratio. */
function luminance([r, g, b]: number[]) {
	const channel = (value: number) => {
		const c = value / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}
function contrast(a: number[], b: number[]) {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

test('the ratio is computed as WCAG defines it', () => {
	expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
	expect(contrast([118, 118, 118], [255, 255, 255])).toBeCloseTo(4.54, 2);
	expect(contrast([255, 255, 255], [255, 255, 255])).toBe(1);
});

for (const scheme of ['light', 'dark'] as const) {
	test(`${scheme} scheme: text 4.5:1, marks, focus ring and borders 3:1 on every surface they sit on`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/');
		const colours = await resolve(page, [...new Set(PAIRS.flatMap(([fg, bg]) => [fg, bg]))]);
		// The two schemes must really differ (the test would otherwise check one palette twice).
		expect(luminance(colours['--bg']!) > 0.5).toBe(scheme === 'light');
		const failing = PAIRS.map(([fg, bg, min, what]) => ({ fg, bg, min, what, ratio: contrast(colours[fg]!, colours[bg]!) }))
			.filter(({ ratio, min }) => ratio < min)
			.map(({ fg, bg, min, what, ratio }) => `${what}: ${fg} on ${bg} is ${ratio.toFixed(2)}:1, needs ${min}:1`);
		expect(failing).toEqual([]);
	});

	test(`${scheme} scheme: every mark on the page is drawn in a palette colour that passes`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.goto('/');
		await expect(page.locator('button[data-event-id]').first()).toBeVisible();
		const colours = await resolve(page, [...THEMES, ...PLOT_SURFACES]);
		// What each mark's shape is really painted with: its outline (stroke), which hollow context
		// marks fill with the background, so the outline is what must stand out.
		const strokes = await page.evaluate(() =>
			[...document.querySelectorAll('button.mark svg path')].map((shape) => getComputedStyle(shape).stroke.match(/[\d.]+/g)!.map(Number))
		);
		expect(strokes.length).toBeGreaterThan(10);
		const weak = strokes.filter((rgb) => PLOT_SURFACES.some((bg) => contrast(rgb, colours[bg]!) < 3));
		expect([...new Set(weak.map((rgb) => `rgb(${rgb.join(', ')})`))], 'mark outlines under 3:1 against a plot surface').toEqual([]);
		// And they are the palette's theme colours, which the test above checks on every surface.
		const palette = new Set(THEMES.map((theme) => colours[theme]!.join()));
		expect([...new Set(strokes.map((rgb) => rgb.join()))].filter((rgb) => !palette.has(rgb))).toEqual([]);
	});
}
