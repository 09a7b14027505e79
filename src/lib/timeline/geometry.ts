/**
 * The plot's rows, top to bottom: era names, span bars, the "+N more" cluster row, the event
 * lanes (lane 0 nearest the axis) and the axis. Components read positions from here instead of
 * doing arithmetic in markup.
 */
export const ERA_ROW = 24;
export const SPAN_ROW = 26;
export const CLUSTER_ROW = 30;
export const LANE = 30;
export const AXIS = 34;
/** Narrow screens get fewer lanes so the plot stays short; denser days fold into clusters. */
export const NARROW_WIDTH = 600;
/** From this screen width (px) the full page's story has its own column beside the plot (PageLayout). */
export const WIDE_WIDTH = 960;
/** Ten lanes fit the ten events of 17 January 2025 without making the plot taller than a laptop screen allows. */
export const MAX_LANES = 10;

export interface PlotGeometry {
	lanes: number;
	spanTop: number;
	clusterTop: number;
	laneTop: (lane: number) => number;
	axisTop: number;
	height: number;
}

/**
 * Wide plots get at least this many lanes: with even spacing a mark has about eight slots before
 * the next one in its lane, room for its short label (a screen too short for them gives some up).
 */
export const MIN_WIDE_LANES = 8;

/**
 * However short the screen, the plot keeps this many lanes (denser periods fold into clusters): a
 * phone's plot above the story stays within 40 % of its height, which on the shortest leaves one.
 */
export const MIN_LANES = 1;

/**
 * Beside the story the plot's drawn height follows the lanes its view uses (fitLanes), so it may
 * lay out in as many as the screen's height allows, up to this: enough for every label of a dense
 * view to be read in full, few enough that a scan up the plot stays short.
 */
export const MAX_FIT_LANES = 16;

/**
 * Geometry for a plot `width` px wide with `spanRows` rows of spans. `densestDay` is the most
 * events on one day: wide plots get a lane each (up to MAX_LANES) so a dense day can be read in full.
 * `maxHeight` caps the plot's height by dropping lanes (never below MIN_LANES): the plot sticks above
 * the story, and on a short screen ten lanes would leave the story too little room to be read.
 */
export function plotGeometry(width: number, spanRows: number, densestDay: number, maxHeight = Infinity, fit = false): PlotGeometry {
	const wanted = fit ? MAX_FIT_LANES : width < NARROW_WIDTH ? 4 : Math.min(MAX_LANES, Math.max(MIN_WIDE_LANES, densestDay));
	const fixed = ERA_ROW + spanRows * SPAN_ROW + CLUSTER_ROW + AXIS;
	return geometryWith(spanRows, Math.max(MIN_LANES, Math.min(wanted, Math.floor((maxHeight - fixed) / LANE))));
}

/**
 * The same rows with `lanes` lanes (fractional while the height animates): the plot drawn only as
 * tall as its view needs. Lanes count up from the axis, so marks keep their lane and the empty
 * lanes at the top are the ones left out.
 */
export function fitLanes(geometry: PlotGeometry, lanes: number): PlotGeometry {
	return geometryWith((geometry.clusterTop - geometry.spanTop) / SPAN_ROW, lanes);
}

function geometryWith(spanRows: number, lanes: number): PlotGeometry {
	const spanTop = ERA_ROW;
	const clusterTop = spanTop + spanRows * SPAN_ROW;
	const lanesTop = clusterTop + CLUSTER_ROW;
	const axisTop = lanesTop + lanes * LANE;
	return {
		lanes,
		spanTop,
		clusterTop,
		laneTop: (lane) => lanesTop + (lanes - 1 - lane) * LANE,
		axisTop,
		height: axisTop + AXIS
	};
}

/**
 * Above the story (narrow screens) the sticky block (plot and overview) keeps within this share of
 * the screen's height by giving up lanes, so most of a phone's screen is left to the text.
 */
export const READING_SHARE = 0.4;
/** The sticky block's padding above and below the plot and overview (0.25rem + 0.4rem, rounded up). */
export const STICKY_PADDING = 12;

/**
 * Where the plot is on the page: in an embed (whose frame grows to fit it); beside the story,
 * first across both columns under the page head ('first view'), then in its own column ('beside');
 * or sticking above the story on narrow screens ('above').
 */
export type PlotPlace = 'embed' | 'first view' | 'beside' | 'above' | 'scrolling';

/** Above the story on a screen too short for it to stick ('scrolling'), the share of the height it may take. */
export const SCROLLING_SHARE = 0.8;

/** The plot's height at its fewest lanes (MIN_LANES) with `spanRows` rows of span bars. */
export const minPlotHeight = (spanRows: number) => geometryWith(spanRows, MIN_LANES).height;

/**
 * What sticks below the plot above the story (narrow screens): the overview strip's box, borders
 * included, as TimelineOverview draws it (its margin falls outside the measured block). The page
 * measures it (PageLayout.belowPlot); the build, which cannot, lays out with this.
 */
export const OVERVIEW_BLOCK = 32;

/**
 * Above the story (narrow screens), where the plot sits on a screen `viewportHeight` px tall: it
 * sticks where its smallest form (one lane) fits READING_SHARE of the screen with what sticks below
 * it (`below` px), leaving a focused control room to be seen (WCAG 2.4.11); elsewhere it scrolls
 * away with the page. Decided from the geometry, not the measured block, so the choice cannot flip
 * the height back.
 */
export function placeAboveStory(viewportHeight: number, spanRows: number, below: number): 'above' | 'scrolling' {
	const fits = viewportHeight === 0 || minPlotHeight(spanRows) + below + STICKY_PADDING <= viewportHeight * READING_SHARE;
	return fits ? 'above' : 'scrolling';
}

/**
 * The most height the plot may take (px) in `place` on a screen `viewportHeight` px tall, where
 * the page head takes `headHeight` px above the first view and the overview (and legend) `below`.
 * An embed's height must not depend on its frame's; the first view fits above the fold; beside the
 * story the whole screen's height; above it READING_SHARE of it; and where even one lane would
 * not fit that share, the plot scrolls away with the page and may take SCROLLING_SHARE.
 */
export function plotMaxHeight(place: PlotPlace, viewportHeight: number, headHeight: number, below: number): number {
	if (place === 'embed' || viewportHeight <= 0) return Infinity;
	if (place === 'above' || place === 'scrolling') return viewportHeight * (place === 'above' ? READING_SHARE : SCROLLING_SHARE) - below - STICKY_PADDING;
	return viewportHeight - (place === 'first view' ? headHeight : 0) - below - STICKY_PADDING;
}

/** The largest number of events that fall on a single day. */
export function densestDay(days: readonly string[]): number {
	const counts = new Map<string, number>();
	let most = 0;
	for (const day of days) {
		const count = (counts.get(day) ?? 0) + 1;
		counts.set(day, count);
		most = Math.max(most, count);
	}
	return most;
}
