/**
 * Level-of-detail layout for the point events: which events get their own mark, in which lane,
 * with how much of their title, and which are folded into a "+N more" cluster.
 *
 * Guarantees, for any data and zoom (lanes.test.ts checks them on the real events.json):
 * - in a lane, marks are at least `markGap` px apart, so marks never overlap;
 * - a label runs only up to the next mark in its lane, truncated with "…", or is hidden;
 * - clusters sit in their own row and are at least `markGap` px apart.
 * Events are stacked into the first free lane, so events on one day stack upwards.
 */

export interface LayoutInput {
	id: string;
	/** Position on the axis (px). */
	x: number;
	/** Full label text. */
	label: string;
}

export interface LayoutOptions {
	lanes: number;
	/** Minimum distance between two marks in one lane (px). */
	markGap: number;
	/** Room for the mark itself before its label starts (px). */
	markWidth: number;
	/** Labels shorter than this are hidden rather than cut to a stub (px). */
	minLabelWidth: number;
	/** Width of the viewport; items further than `overscan` px outside it are skipped. */
	width: number;
	overscan: number;
	/** Measures the rendered width of a label (px). */
	measure: (text: string) => number;
}

export interface PlacedEvent {
	id: string;
	x: number;
	lane: number;
	/** The visible label ('' when hidden) and the room it takes after the mark. */
	label: string;
	labelWidth: number;
}

export interface PlacedCluster {
	ids: string[];
	/** From the first to the last folded event (px). */
	x: number;
	x2: number;
}

export interface Layout {
	events: PlacedEvent[];
	clusters: PlacedCluster[];
}

/** Cuts `text` to fit `maxWidth` px, ending in "…"; '' when not even a short stub fits. */
export function truncateLabel(text: string, maxWidth: number, measure: (text: string) => number, minWidth = 0): string {
	if (measure(text) <= maxWidth) return text;
	let low = 0;
	let high = text.length;
	// Binary search for the longest prefix that fits with its ellipsis.
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		if (measure(`${text.slice(0, mid).trimEnd()}…`) <= maxWidth) low = mid;
		else high = mid - 1;
	}
	const cut = `${text.slice(0, low).trimEnd()}…`;
	return low === 0 || measure(cut) < minWidth ? '' : cut;
}

/** Lays out events (sorted by x) into lanes and clusters. Does not mutate its input. */
export function layoutEvents(items: readonly LayoutInput[], options: LayoutOptions): Layout {
	const { lanes, markGap, width, overscan } = options;
	const lastX = new Array<number>(lanes).fill(-Infinity);
	const placed: PlacedEvent[] = [];
	const clusters: PlacedCluster[] = [];

	for (const item of items) {
		if (item.x < -overscan || item.x > width + overscan) continue;
		const lane = lastX.findIndex((x) => item.x - x >= markGap);
		if (lane >= 0) {
			lastX[lane] = item.x;
			placed.push({ id: item.id, x: item.x, lane, label: item.label, labelWidth: 0 });
			continue;
		}
		// Every lane is busy here: fold the event into the nearest cluster, or start one.
		const open = clusters[clusters.length - 1];
		if (open && item.x - open.x2 < markGap) {
			open.ids.push(item.id);
			open.x2 = item.x;
		} else {
			clusters.push({ ids: [item.id], x: item.x, x2: item.x });
		}
	}
	return { events: fitLabels(placed, options), clusters };
}

/** Gives each mark the room up to the next mark in its lane (or the viewport's right edge). */
function fitLabels(placed: PlacedEvent[], options: LayoutOptions): PlacedEvent[] {
	const { markWidth, minLabelWidth, measure, width, markGap } = options;
	const nextInLane = new Map<number, number>();
	const fitted = new Array<PlacedEvent>(placed.length);
	for (let i = placed.length - 1; i >= 0; i--) {
		const event = placed[i]!;
		const limit = nextInLane.get(event.lane) ?? Math.max(width, event.x + markGap);
		// Half the gap keeps a visible space before the next mark.
		const room = limit - event.x - markWidth - markGap / 2;
		const label = room >= minLabelWidth ? truncateLabel(event.label, room, measure, minLabelWidth) : '';
		fitted[i] = { ...event, label, labelWidth: label ? measure(label) : 0 };
		nextInLane.set(event.lane, event.x);
	}
	return fitted;
}

/**
 * Above this many events, a zoom in progress moves the last layout's marks instead of laying
 * them out again: at 10,000 events a fresh layout each frame adds and removes hundreds of
 * buttons (most of a frame's time is the browser's style and layout), while moving them only
 * changes their positions. The full layout runs again when the zoom settles.
 */
export const MOVE_ONLY_ABOVE = 1_000;

/**
 * The same marks and clusters at new positions (`xOf` gives an event's x on the new scale),
 * without labels: lanes and clusters stay as they were, so nothing is added or removed, and
 * labels, which could now run into each other, come back with the next full layout.
 */
export function moveLayout(layout: Layout, xOf: (id: string) => number): Layout {
	return {
		events: layout.events.map((placed) => ({ ...placed, x: xOf(placed.id), label: '', labelWidth: 0 })),
		clusters: layout.clusters.map((cluster) => ({ ids: cluster.ids, x: xOf(cluster.ids[0]!), x2: xOf(cluster.ids[cluster.ids.length - 1]!) }))
	};
}

/* ---- spans (the few events with an end) ------------------------------------------------------ */

export interface SpanInput {
	id: string;
	x: number;
	x2: number;
}

/** Span rows the plot draws at most; more would push the event lanes off a laptop screen. */
export const MAX_SPAN_ROWS = 4;

/**
 * Packs spans into rows so that no two in a row overlap (with `gap` px between them), using at
 * most `maxRows` rows. A span that finds no free row is left out of the map: the plot draws it as
 * a point at its start, in the event lanes, where clusters fold dense periods (level of detail for
 * data with hundreds of overlapping spans).
 */
export function packSpans(spans: readonly SpanInput[], gap: number, maxRows = Infinity): Map<string, number> {
	const rowEnds: number[] = [];
	const rows = new Map<string, number>();
	for (const span of [...spans].sort((a, b) => a.x - b.x)) {
		let row = rowEnds.findIndex((end) => span.x - end >= gap);
		if (row < 0 && rowEnds.length < maxRows) row = rowEnds.push(-Infinity) - 1;
		if (row < 0) continue;
		rowEnds[row] = span.x2;
		rows.set(span.id, row);
	}
	return rows;
}
