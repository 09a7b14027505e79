import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '../server/data.ts';
import { MIN_LANES } from './geometry.ts';
import { bandSelectionCss, HIDDEN_BANDS, PRERENDER_WIDTHS, prerenderBands, type BandSpec } from './prerender-bands.ts';
import { sceneData, sceneGeometry } from './scene.ts';

const timeline = loadTimeline(dataPaths(fileURLToPath(new URL('../../../', import.meta.url))));
const data = sceneData(timeline);
const page = prerenderBands(data, { aboveStory: true });
const embed = prerenderBands(data, { aboveStory: false });

interface Screen {
	plotWidth: number;
	width: number;
	height: number;
	/** 'unsupported': a browser that does not know the scripting media feature (before Chrome 120, Safari 17). */
	scripting: 'enabled' | 'none' | 'unsupported';
}

interface Rule {
	/** On the plot's width (container query), then on the screen (media query). */
	container: string[];
	media: string[];
	sets: { keys: string[]; display: string }[];
}

/** The stylesheet's rules, read in order. Only the shapes bandSelectionCss writes are understood. */
function parseSheet(css: string): Rule[] {
	const lines = css.split('\n');
	expect(lines[0]).toBe(HIDDEN_BANDS);
	return lines.slice(1).map((line) => {
		let rest = line;
		const rule: Rule = { container: [], media: [], sets: [] };
		const container = /^@container (\(.*?\)) \{ (.*) \}$/.exec(rest);
		if (container) [rule.container, rest] = [[container[1]!], container[2]!];
		const media = /^@media (.*?) \{ (.*) \}$/.exec(rest);
		if (media) [rule.media, rest] = [media[1]!.split(' and '), media[2]!];
		for (const [, keys, display] of rest.matchAll(/\.plot \.band:is\(([^)]*)\) \{ display: (none|block); \}/g)) {
			rule.sets.push({ keys: [...keys!.matchAll(/\[data-band="([^"]+)"\]/g)].map((match) => match[1]!), display: display! });
		}
		expect(rule.sets.length, line).toBeGreaterThan(0);
		return rule;
	});
}

/**
 * The keys of the bands the stylesheet shows on `screen`, as a browser reads it: every band hidden,
 * then each rule whose container and media conditions hold, in order (all have the same specificity).
 */
function shownBands(rules: readonly Rule[], bands: readonly BandSpec[], screen: Screen): string[] {
	const display = new Map(bands.map((band) => [band.key, 'none']));
	for (const rule of rules) {
		if (!rule.container.every((condition) => holds(condition, screen.plotWidth, screen)) || !rule.media.every((condition) => holds(condition, null, screen))) continue;
		for (const { keys, display: value } of rule.sets) for (const key of keys) display.set(key, value);
	}
	return [...display].filter(([, value]) => value === 'block').map(([key]) => key);
}

/** One query condition: on the plot's width (`plotWidth`), or on the screen. */
function holds(condition: string, plotWidth: number | null, screen: Screen): boolean {
	if (condition === '(scripting: none)') return screen.scripting === 'none';
	const match = /^\((?:(\d+)px <= )?(width|height)(?: (<|>=) (\d+)px)?\)$/.exec(condition);
	if (!match) throw new Error(`a condition bandSelectionCss does not write: ${condition}`);
	const [, lower, feature, op, bound] = match;
	const value = plotWidth ?? (feature === 'width' ? screen.width : screen.height);
	if (lower !== undefined && value < Number(lower)) return false;
	return op === '<' ? value < Number(bound) : value >= Number(bound);
}

/**
 * The live plot's height, worked out here as the README describes the page: above the story the
 * plot and the overview strip (32 px) stick within 40 % of the screen's height, with 12 px of
 * padding, if the plot's one-lane form fits that; else they scroll away within 80 % of it. From
 * 960 px the first view is drawn with every lane its width gets, as in an embed (where a screen is
 * too short for them, the live first view gives up lanes: README, Story layout). Without a script
 * the plot scrolls with the page and keeps every lane.
 */
function liveHeight({ plotWidth, width, height, scripting }: Screen): number {
	if (width >= 960 || scripting === 'none') return sceneGeometry(data, plotWidth).height;
	const oneLane = sceneGeometry(data, plotWidth, 0).height;
	const share = oneLane + 32 + 12 <= height * 0.4 ? 0.4 : 0.8;
	return sceneGeometry(data, plotWidth, height * share - 32 - 12).height;
}

/** The stylesheet as the build writes it for one page (vite.config.ts). */
const sheet = (bands: readonly BandSpec[]) => parseSheet([HIDDEN_BANDS, bandSelectionCss(bands)].join('\n'));

const heightOf = (bands: readonly BandSpec[], key: string) => {
	const band = bands.find((candidate) => candidate.key === key)!;
	return sceneGeometry(data, band.width, band.maxHeight).height;
};

describe('bandSelectionCss on the full page', () => {
	const css = sheet(page);
	// Every whole screen height, and a fraction above each (a zoomed page).
	const heights = Array.from({ length: 1600 }, (_, i) => i + 1).flatMap((height) => [height, height + 0.49]);

	it('shows exactly one band for every plot width and screen, as tall as the live plot there', () => {
		// Collected, then compared once: hundreds of thousands of screens.
		const problems: string[] = [];
		for (const scripting of ['enabled', 'unsupported', 'none'] as const) {
			for (const width of [320, 414, 599, 768, 959.5, 960, 1280]) {
				// The plot is narrower than the screen by the page's margins, whatever they are.
				for (const plotWidth of [width - 64, width - 16, 599.984375]) {
					if (plotWidth > width) continue;
					for (const height of heights) {
						const screen = { plotWidth, width, height, scripting };
						const shown = shownBands(css, page, screen);
						// The page reads the screen's height as a whole number (innerHeight): a fraction under
						// half a pixel falls in the same range either way.
						const live = liveHeight({ ...screen, height: Math.floor(height), scripting: scripting === 'unsupported' ? 'enabled' : scripting });
						const drawn = shown.length === 1 ? heightOf(page, shown[0]!) : null;
						if (drawn !== live) problems.push(`plot ${plotWidth} px on a ${width} × ${height} screen, scripting ${scripting}: shown ${JSON.stringify(shown)} (${drawn} px), live ${live} px`);
					}
				}
			}
		}
		expect(problems.slice(0, 10)).toEqual([]);
	}, 30_000);

	it('has a layout for each lane count a narrow screen gives', () => {
		const lanes = page.filter((band) => band.width === PRERENDER_WIDTHS[0]).map((band) => sceneGeometry(data, band.width, band.maxHeight).lanes);
		expect(lanes).toEqual(Array.from({ length: lanes.length }, (_, i) => MIN_LANES + i));
		expect(new Set(page.map((band) => band.key)).size, 'keys name one band each').toBe(page.length);
	});
});

describe('bandSelectionCss in an embed', () => {
	it('shows the band of the plot’s width range, whatever the screen', () => {
		const css = sheet(embed);
		for (const plotWidth of [280, 599.984375, 600, 959, 960, 2000]) {
			for (const scripting of ['enabled', 'none'] as const) {
				const shown = shownBands(css, embed, { plotWidth, width: plotWidth + 16, height: 500, scripting });
				expect(shown).toEqual([embed.find((band) => plotWidth >= band.from && (band.to === null || plotWidth < band.to))!.key]);
			}
		}
	});
});
