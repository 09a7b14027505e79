/**
 * Where each of the build's layouts of the plot is drawn (prerender.ts draws them): which plot
 * widths and screens, and the stylesheet that shows the one that fits, before any script has run.
 */
import { NARROW_WIDTH, OVERVIEW_BLOCK, placeAboveStory, plotMaxHeight, WIDE_WIDTH } from './geometry.ts';
import { sceneGeometry, type SceneData } from './scene.ts';

/**
 * Each range starts at its width (px) and runs to the next one's; its layout is made at its start.
 * The embed's 300 px is the narrowest frame the README supports; NARROW_WIDTH is where the plot's
 * lanes change (plotGeometry), so a range never straddles two heights; 960 px gives wide pages
 * labels fitted to their room instead of a 600 px plot's.
 */
export const PRERENDER_WIDTHS = [300, NARROW_WIDTH, WIDE_WIDTH] as const;

/** A range of lengths (px): from `min` (inclusive) to `max` (exclusive; null: no upper end). */
export interface Extent {
	min: number;
	max: number | null;
}

/**
 * Screens of these widths and heights (px, the viewport's). `unscripted`: only where no script
 * runs, over what the other screens say (browsers that cannot tell ignore it).
 */
export interface Screens {
	width: Extent;
	height: Extent;
	unscripted?: true;
}

/**
 * Where one layout of the default view is drawn: for plot widths from `from` px (inclusive) to `to`
 * (exclusive; null: no upper end), on the screens in `screens`, laid out `width` px wide with at
 * most `maxHeight` px of height. `key` names it in the markup and the stylesheet.
 */
export interface BandSpec {
	key: string;
	from: number;
	to: number | null;
	screens: Screens[];
	width: number;
	maxHeight: number;
}

export interface PrerenderOptions {
	/** The full page: narrow screens show the plot above the story, as tall as their height allows. */
	aboveStory: boolean;
}

const ALL: Extent = { min: 0, max: null };

/** Screen heights up to which the build tells lane counts apart; beyond, the plot has its every lane. */
export const TALLEST_SCREEN = 4000;

/**
 * The layouts of the default view, one for each of PRERENDER_WIDTHS' ranges. An embed's plot (and
 * the full page's first view on wide screens) does not depend on the screen's height. With
 * `aboveStory`, the full page, the plot above the story on narrow screens gives up lanes to stay
 * within its share of the screen's height (PageLayout), so each range a narrow screen's plot can be
 * in has a layout for each lane count some screen height gives it, shown on those screens
 * (bandSelectionCss): the live plot then takes the place of one exactly as tall, and the story below
 * does not move.
 */
export function prerenderBands(data: SceneData, { aboveStory }: PrerenderOptions): BandSpec[] {
	const page = aboveStory ? 'page' : 'embed';
	return PRERENDER_WIDTHS.flatMap((width, i) => {
		const from = i === 0 ? 0 : width;
		const to = PRERENDER_WIDTHS[i + 1] ?? null;
		// As an embed draws it: every lane its width gets.
		if (!aboveStory || width >= WIDE_WIDTH) return [{ key: `${page}-${width}`, from, to, screens: [{ width: ALL, height: ALL }], width, maxHeight: Infinity }];
		return screensByLanes(data, width).map(({ lanes, maxHeight, screens }) => ({ key: `${page}-${width}-${lanes}`, from, to, screens, width, maxHeight }));
	});
}

/**
 * The plot's height cap above the story on a screen `viewportHeight` px tall, as PageLayout works it
 * out once it has measured the screen and the overview (OVERVIEW_BLOCK).
 */
function aboveStoryMaxHeight(viewportHeight: number, spanRows: number): number {
	return plotMaxHeight(placeAboveStory(viewportHeight, spanRows, OVERVIEW_BLOCK), viewportHeight, 0, OVERVIEW_BLOCK);
}

/**
 * For the full page's plot `width` px wide: each lane count it has on some screen, with the screens
 * that give it and a height cap that lays it out. Above the story (screens narrower than
 * WIDE_WIDTH) the count follows the screen's height, and may recur (a screen too short for the plot
 * to stick lets it take more of its height); on wide screens, and where no script runs (the plot
 * then scrolls with the page and needs no cap), the plot has every lane its width gets.
 */
function screensByLanes(data: SceneData, width: number): { lanes: number; maxHeight: number; screens: Screens[] }[] {
	const byLanes = new Map<number, { lanes: number; maxHeight: number; screens: Screens[] }>();
	const add = (lanes: number, maxHeight: number, screens: Screens) => {
		const entry = byLanes.get(lanes) ?? { lanes, maxHeight, screens: [] };
		entry.screens.push(screens);
		byLanes.set(lanes, entry);
	};
	const narrow: Extent = { min: 0, max: WIDE_WIDTH };
	let run = null as { lanes: number; height: Extent } | null;
	for (let height = 1; height <= TALLEST_SCREEN; height++) {
		const maxHeight = aboveStoryMaxHeight(height, data.spanRowCount);
		const lanes = sceneGeometry(data, width, maxHeight).lanes;
		if (run?.lanes === lanes) continue;
		if (run) run.height.max = height;
		run = { lanes, height: { min: height === 1 ? 0 : height, max: null } };
		add(lanes, maxHeight, { width: narrow, height: run.height });
	}
	const every = sceneGeometry(data, width).lanes;
	add(every, Infinity, { width: narrow, height: ALL, unscripted: true });
	add(every, Infinity, { width: { min: WIDE_WIDTH, max: null }, height: ALL });
	return [...byLanes.values()];
}

/** Hides every band; bandSelectionCss then shows the one that fits. */
export const HIDDEN_BANDS = '.plot .band { position: relative; display: none; }';

/**
 * The rules that show, of `bands` (one page's, drawn with `data-band="<key>"` after HIDDEN_BANDS),
 * the one for the plot's width (a container query on the prerendered plot) and the screen (a media
 * query; range syntax, so a fractional width or height falls in exactly one range). The rules for
 * unscripted screens come last: where no script runs they hide the others of their width range and
 * show their own. They are built with the site (vite.config.ts), so the page's content security
 * policy allows them.
 */
export function bandSelectionCss(bands: readonly BandSpec[]): string {
	const extent = (feature: string, { min, max }: Extent) =>
		min > 0 && max !== null ? `(${min}px <= ${feature} < ${max}px)` : min > 0 ? `(${feature} >= ${min}px)` : max !== null ? `(${feature} < ${max}px)` : '';
	const selector = (keys: string[]) => `.plot .band:is(${keys.map((key) => `[data-band="${key}"]`).join(', ')})`;
	const rule = (band: BandSpec, screens: Screens, body: string) => {
		const conditions = [extent('width', screens.width), extent('height', screens.height), screens.unscripted ? '(scripting: none)' : ''].filter(Boolean);
		const inScreen = conditions.length ? `@media ${conditions.join(' and ')} { ${body} }` : body;
		const plotWidth = extent('width', { min: band.from, max: band.to });
		return plotWidth ? `@container ${plotWidth} { ${inScreen} }` : inScreen;
	};
	const scripted = bands.flatMap((band) => band.screens.filter((screens) => !screens.unscripted).map((screens) => rule(band, screens, `${selector([band.key])} { display: block; }`)));
	const unscripted = bands.flatMap((band) =>
		band.screens
			.filter((screens) => screens.unscripted)
			.map((screens) => {
				const others = bands.filter((other) => other !== band && other.from === band.from).map((other) => other.key);
				const hide = others.length ? `${selector(others)} { display: none; } ` : '';
				return rule(band, screens, `${hide}${selector([band.key])} { display: block; }`);
			})
	);
	return [...scripted, ...unscripted].join('\n');
}
