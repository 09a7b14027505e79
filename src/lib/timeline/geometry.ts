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
 * Geometry for a plot `width` px wide with `spanRows` rows of spans. `densestDay` is the most
 * events on one day: wide plots get a lane each (up to MAX_LANES) so a dense day can be read in full.
 */
export function plotGeometry(width: number, spanRows: number, densestDay: number): PlotGeometry {
	const lanes = width < NARROW_WIDTH ? 4 : Math.min(MAX_LANES, Math.max(5, densestDay));
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
