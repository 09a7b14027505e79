/**
 * The plot as the build draws it, before any script has run: the default view (whole range, even
 * spacing, nothing filtered) laid out for a few ranges of plot widths. The page shows the one its
 * width falls in (a container query) and places every x as a share of the plot's width (`left: %`),
 * so marks, bars, eras and ticks are where they belong at any width within the range; labels are
 * fitted at the range's narrowest width, so they never collide as the plot widens.
 *
 * The server draws it (PrerenderedPlot); the browser keeps that markup as it is until the live plot
 * takes its place, so the page's data does not carry it. On the full page, narrow screens also get
 * a layout for each screen height that changes the plot's lanes (prerenderBands).
 */
import { eventPageIds, eventPagePath } from './event-pages.ts';
import type { Timeline } from './events.ts';
import { NARROW_WIDTH, OVERVIEW_BLOCK, placeAboveStory, plotMaxHeight, WIDE_WIDTH } from './geometry.ts';
import { buildScene, sceneGeometry, type Scene, type SceneData } from './scene.ts';
import { createBaseScale, DEFAULT_SPACING } from './spacing.ts';
import { initialWindow } from './story-window.ts';

/**
 * Each range starts at its width (px) and runs to the next one's; its layout is made at its start.
 * The embed's 300 px is the narrowest frame the README supports; NARROW_WIDTH is where the plot's
 * lanes change (plotGeometry), so a range never straddles two heights; 960 px gives wide pages
 * labels fitted to their room instead of a 600 px plot's.
 */
export const PRERENDER_WIDTHS = [300, NARROW_WIDTH, WIDE_WIDTH] as const;

/**
 * Label widths before the page's font is known: 8 px a character is wider than the 13 px system
 * sans serifs average (DejaVu Sans, the widest common fallback, about 7.4), so a label fitted with
 * it fits whichever font the reader's browser picks.
 */
export const PRERENDER_MEASURE = (text: string) => text.length * 8;

/** The parts of a scene the plot's markup draws. */
export type DrawnScene = Pick<Scene, 'width' | 'height' | 'rangeText' | 'eras' | 'spans' | 'marks' | 'clusters' | 'ticks' | 'breaks' | 'period' | 'tabStopId'> & {
	geometry: Pick<Scene['geometry'], 'axisTop'>;
};

/** A range of lengths (px): from `min` (inclusive) to `max` (exclusive; null: no upper end). */
export interface Extent {
	min: number;
	max: number | null;
}

/** Screens of these widths and heights (px, the viewport's); `scripting`: only where scripts run, or do not. */
export interface Screens {
	width: Extent;
	height: Extent;
	scripting?: 'enabled' | 'none';
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

/** One layout of the default view and where it is drawn. */
export interface PrerenderedBand extends BandSpec {
	scene: DrawnScene;
}

const ALL: Extent = { min: 0, max: null };

/** Screen heights up to which the build tells lane counts apart; beyond, the plot has its every lane. */
const TALLEST_SCREEN = 4000;

export interface PrerenderOptions {
	/** The full page: narrow screens show the plot above the story, as tall as their height allows. */
	aboveStory: boolean;
}

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

/** The default view laid out as prerenderBands says. */
export function prerenderPlot(timeline: Timeline, data: SceneData, options: PrerenderOptions = { aboveStory: false }): PrerenderedBand[] {
	const eventsById = new Map(timeline.events.map((event) => [event.id, event]));
	// Even spacing gives each distinct time a slot, as TimelineView's base scale does.
	const times = timeline.events.map((event) => event.time);
	return prerenderBands(data, options).map((band) => ({
		...band,
		scene: drawnScene(
			buildScene({
				events: timeline.events,
				eventsById,
				eras: timeline.eras,
				base: createBaseScale(DEFAULT_SPACING, data.domain, times, band.width),
				transform: { k: 1, x: 0 },
				width: band.width,
				geometry: sceneGeometry(data, band.width, band.maxHeight),
				spanRows: data.spanRows,
				measure: PRERENDER_MEASURE
			})
		)
	}));
}

/**
 * The plot's height cap above the story on a screen `viewportHeight` px tall, as PageLayout works it
 * out once it has measured the screen and the overview (OVERVIEW_BLOCK).
 */
export function aboveStoryMaxHeight(viewportHeight: number, spanRows: number): number {
	return plotMaxHeight(placeAboveStory(viewportHeight, spanRows, OVERVIEW_BLOCK), viewportHeight, 0, OVERVIEW_BLOCK);
}

/**
 * For the full page's plot `width` px wide: each lane count it has on some screen, with the screens
 * that give it and a height cap that lays it out. Above the story (screens narrower than
 * WIDE_WIDTH) the count follows the screen's height, and may recur (a screen too short for the plot
 * to stick lets it take more of its height); on wide screens, and where no script runs, the plot has
 * every lane its width gets.
 */
export function screensByLanes(data: SceneData, width: number): { lanes: number; maxHeight: number; screens: Screens[] }[] {
	const byLanes = new Map<number, { lanes: number; maxHeight: number; screens: Screens[] }>();
	const add = (lanes: number, maxHeight: number, screens: Screens) => {
		const entry = byLanes.get(lanes) ?? { lanes, maxHeight, screens: [] };
		entry.screens.push(screens);
		byLanes.set(lanes, entry);
	};
	const narrow: Extent = { min: 0, max: WIDE_WIDTH };
	// The plot sticks above the story only where the page's script runs; without it, it scrolls
	// with the page and needs no cap.
	const scripting = 'enabled';
	let run = null as { lanes: number; height: Extent } | null;
	for (let height = 1; height <= TALLEST_SCREEN; height++) {
		const maxHeight = aboveStoryMaxHeight(height, data.spanRowCount);
		const lanes = sceneGeometry(data, width, maxHeight).lanes;
		if (run?.lanes === lanes) continue;
		if (run) run.height.max = height;
		run = { lanes, height: { min: height === 1 ? 0 : height, max: null } };
		add(lanes, maxHeight, { width: narrow, height: run.height, scripting });
	}
	const every = sceneGeometry(data, width).lanes;
	add(every, Infinity, { width: narrow, height: ALL, scripting: 'none' });
	add(every, Infinity, { width: { min: WIDE_WIDTH, max: null }, height: ALL });
	return [...byLanes.values()];
}

/**
 * The stylesheet that shows, of the bands drawn with `data-band="<key>"`, the one for the plot's
 * width (a container query on the prerendered plot) and the screen (a media query). It is built
 * with the site (vite.config.ts), so the page's content security policy allows it.
 */
export function bandSelectionCss(bands: readonly BandSpec[]): string {
	// Ranges end before their upper bound: 0.02 px below it, finer than any screen's pixel.
	const extent = (feature: string, { min, max }: Extent) =>
		[min > 0 ? `(min-${feature}: ${min}px)` : '', max !== null ? `(max-${feature}: ${max - 0.02}px)` : ''].filter(Boolean);
	// Every band is hidden but the one that fits.
	const hidden = '.plot .band { position: relative; display: none; }';
	const shown = bands.flatMap((band) => {
		const show = `.plot .band[data-band="${band.key}"] { display: block; }`;
		const plotWidth = extent('width', { min: band.from, max: band.to }).join(' and ');
		return band.screens.map((screens) => {
			const scripting = screens.scripting ? [`(scripting: ${screens.scripting})`] : [];
			const screen = [...extent('width', screens.width), ...extent('height', screens.height), ...scripting].join(' and ');
			const rule = screen ? `@media ${screen} { ${show} }` : show;
			return plotWidth ? `@container ${plotWidth} { ${rule} }` : rule;
		});
	});
	return [hidden, ...shown].join('\n');
}

/**
 * A scene without what only the live plot uses (its layout for moving, its overview, functions).
 * A cluster keeps only its first event, which its link leads to: at the whole range of 10,000
 * events the clusters fold nearly all of them, and the page's data would carry every id thrice.
 */
export function drawnScene(scene: Scene): DrawnScene {
	const { width, height, rangeText, eras, spans, marks, ticks, breaks, period, tabStopId } = scene;
	const clusters = scene.clusters.map((cluster) => ({ ...cluster, ids: cluster.ids.slice(0, 1) }));
	return { width, height, rangeText, geometry: { axisTop: scene.geometry.axisTop }, eras, spans, marks, clusters, ticks, breaks, period, tabStopId };
}

/**
 * How the plot's markup writes an x position or a width: in pixels (the live plot, which moves its
 * marks and ticks with transforms, so a zoom frame lays nothing out) or as a share of the plot's
 * width (the prerendered plot, placed with `left`, right at any width).
 */
export interface XUnit {
	(px: number): string;
	/** Positions are shares of the width: placed with `left`, not translated. */
	readonly relative: boolean;
}

/** Pixels, as the live plot draws them. */
export const pixels: XUnit = Object.assign((px: number) => `${px}px`, { relative: false });

/** Shares of a plot `width` px wide, as percentages of the drawn plot's width. */
export const shareOfWidth = (width: number): XUnit =>
	Object.assign((px: number) => `${Math.round((px / width) * 1e6) / 1e4}%`, { relative: true });

/**
 * Where a prerendered mark links, from the page at `page` ('' for the full page itself, './' from
 * the embed): its event's step in the full page's story. A long story is prerendered in part
 * (initialWindow); an event beyond it links to the full page opening it, which a script does.
 */
export function entryLink(events: readonly { id: string }[], page = ''): (id: string) => string {
	const prerendered = new Set(events.slice(0, initialWindow(events.length).to).map((event) => event.id));
	return (id) => (prerendered.has(id) ? `${page}#event-${id}` : `${page}?event=${encodeURIComponent(id)}`);
}

/**
 * Where a prerendered mark links from a page with no story of its own (the embed, `page` './'): the
 * event's own page, or its step in the full page's story where the build made it none (every
 * `stride`-th event has a page: event-pages.ts).
 */
export function eventPageLink(events: readonly { id: string }[], stride: number, page = ''): (id: string) => string {
	const inStory = entryLink(events, page);
	const withPage = new Set(eventPageIds(events, stride));
	return (id) => (withPage.has(id) ? `${page}${eventPagePath(id)}` : inStory(id));
}
