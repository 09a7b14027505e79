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
import { prerenderBands, type BandSpec, type PrerenderOptions } from './prerender-bands.ts';
import { buildScene, sceneGeometry, type Scene, type SceneData } from './scene.ts';
import { createBaseScale, DEFAULT_SPACING } from './spacing.ts';
import { initialWindow } from './story-window.ts';

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

/** One layout of the default view and where it is drawn. */
export interface PrerenderedBand extends BandSpec {
	scene: DrawnScene;
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
 * A scene without what only the live plot uses (its layout for moving, its overview, functions).
 * A cluster keeps only its first event, which its link leads to: at the whole range of 10,000
 * events the clusters fold nearly all of them.
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
