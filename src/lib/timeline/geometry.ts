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

/** However short the screen, the plot keeps this many lanes (denser periods fold into clusters). */
export const MIN_LANES = 3;

/**
 * Geometry for a plot `width` px wide with `spanRows` rows of spans. `densestDay` is the most
 * events on one day: wide plots get a lane each (up to MAX_LANES) so a dense day can be read in full.
 * `maxHeight` caps the plot's height by dropping lanes (never below MIN_LANES): the plot sticks above
 * the story, and on a short screen ten lanes would leave the story too little room to be read.
 */
export function plotGeometry(width: number, spanRows: number, densestDay: number, maxHeight = Infinity): PlotGeometry {
	const wanted = width < NARROW_WIDTH ? 4 : Math.min(MAX_LANES, Math.max(MIN_WIDE_LANES, densestDay));
	const fixed = ERA_ROW + spanRows * SPAN_ROW + CLUSTER_ROW + AXIS;
	const lanes = Math.max(MIN_LANES, Math.min(wanted, Math.floor((maxHeight - fixed) / LANE)));
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
