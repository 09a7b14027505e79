/**
 * Level-of-detail layout for the point events: which events get their own mark, in which lane,
 * with how much of their title, and which are folded into a "+N more" cluster.
 *
 * Guarantees, for any data and zoom (lanes.test.ts checks them on the real events.json):
 * - in a lane, marks are at least `markGap` px apart, so marks never overlap;
 * - a label runs only up to the next mark in its lane, truncated with "…", or is hidden;
 * - clusters sit in their own row and are at least `markGap` px apart, their "+N" pills not overlapping.
 * Labels: the full title where it fits, else the event's short label, else the short label cut.
 * Key events come first: each reserves a stretch of a lane for its mark and whole short label (on
 * the left near the plot's right edge), which other marks keep out of. The rest go into the lowest
 * free lane where the mark before keeps its whole short label, else into the free lane that leaves
 * it the most room, else into a cluster.
 */

export interface LayoutInput {
	id: string;
	/** Position on the axis (px). */
	x: number;
	/** Full label text (the title). */
	label: string;
	/** The short label drawn when the title does not fit (null: cut the title). */
	short?: string | null;
	/** A key event: the room for its short label is kept clear at every zoom. */
	key?: boolean;
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
	/** The visible label ('' when hidden) and the room it takes after the mark (or before it). */
	label: string;
	labelWidth: number;
	/** The label's side of the mark: right, or left for a last mark near the right edge. */
	side: 'right' | 'left';
}

export interface PlacedCluster {
	ids: string[];
	/** From the first to the last folded event (px). */
	x: number;
	x2: number;
}

/** A "+N" pill: padding before its first event, least width, gap to the next pill, text padding (px). */
const PILL_PADDING = 6;
const PILL_MIN_WIDTH = 30;
export const PILL_GAP = 4;
const PILL_TEXT_PADDING = 18;

/** Where a cluster's "+N" pill is drawn: from just before its first event, wide enough for both ends and its text. */
export function pillOf(cluster: PlacedCluster, measure: (text: string) => number): { x: number; width: number; right: number; text: string } {
	const text = `+${cluster.ids.length}`;
	const x = cluster.x - PILL_PADDING;
	const width = Math.max(PILL_MIN_WIDTH, cluster.x2 - cluster.x + 2 * PILL_PADDING, measure(text) + PILL_TEXT_PADDING);
	return { x, width, right: x + width, text };
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
	const { lanes, markGap, markWidth, width, overscan, measure } = options;
	const inView = items.filter((item) => item.x >= -overscan && item.x <= width + overscan);
	const keys = reserveKeys(inView, options);
	// Per lane: the last mark's x and its least label width.
	const lastX = new Array<number>(lanes).fill(-Infinity);
	const lastNeed = new Array<number>(lanes).fill(0);
	// Per lane: the next key reservation not yet passed.
	const nextKey = new Array<number>(lanes).fill(0);
	const placed: PlacedEvent[] = [];
	const clusters: PlacedCluster[] = [];

	for (const item of inView) {
		const need = measure(item.short ?? item.label);
		const reserved = keys.byId.get(item.id);
		const lane = reserved ? reserved.lane : pickLane(item.x, lastX, lastNeed, (lane) => isReserved(keys.lanes[lane]!, nextKey, lane, item.x), options);
		if (lane >= 0) {
			lastX[lane] = item.x;
			lastNeed[lane] = need;
			placed.push({ id: item.id, x: item.x, lane, label: item.label, labelWidth: 0, side: reserved?.side ?? 'right' });
			continue;
		}
		// Every lane is busy here: fold the event into the nearest cluster, or start one.
		const open = clusters[clusters.length - 1];
		// A new cluster's pill starts clear of the last one's (a pill is wider than a mark gap).
		if (open && (item.x - open.x2 < markGap || item.x - PILL_PADDING < pillOf(open, measure).right + PILL_GAP)) {
			open.ids.push(item.id);
			open.x2 = item.x;
		} else {
			clusters.push({ ids: [item.id], x: item.x, x2: item.x });
		}
	}
	const shortById = new Map(inView.filter((item) => item.short).map((item) => [item.id, item.short!]));
	return { events: fitLabels(placed, shortById, options), clusters };
}

interface Reservation {
	id: string;
	lane: number;
	side: PlacedEvent['side'];
	/** The stretch of the lane the key's mark and whole short label take (px). */
	from: number;
	to: number;
}

/**
 * Key events first: each gets the lowest lane where its mark and whole short label (on its right,
 * or on its left when the plot's right edge would cut it) overlap no other key's. Keys that find
 * no lane are laid out like the rest.
 */
function reserveKeys(items: readonly LayoutInput[], { lanes, markGap, markWidth, width, measure }: LayoutOptions) {
	const byLane: Reservation[][] = Array.from({ length: lanes }, () => []);
	const byId = new Map<string, Reservation>();
	for (const item of items) {
		if (!item.key) continue;
		const need = markWidth + measure(item.short ?? item.label);
		const side = item.x + need > width && item.x <= width && item.x - need >= 0 ? 'left' : 'right';
		// The mark's side keeps a whole gap (marks in a lane are markGap apart), the label's end half of one.
		const [from, to] = side === 'right' ? [item.x - markGap, item.x + need + markGap / 2] : [item.x - need - markGap / 2, item.x + markGap];
		const lane = byLane.findIndex((taken) => taken.every((other) => other.to <= from || other.from >= to));
		if (lane < 0) continue;
		const reservation = { id: item.id, lane, side, from, to } as const;
		byLane[lane]!.push(reservation);
		byId.set(item.id, reservation);
	}
	for (const taken of byLane) taken.sort((a, b) => a.from - b.from);
	return { lanes: byLane, byId };
}

/** Whether `x` falls in a key's reserved stretch of the lane (items come in x order, so a pointer walks them). */
function isReserved(reservations: readonly Reservation[], next: number[], lane: number, x: number): boolean {
	while (next[lane]! < reservations.length && reservations[next[lane]!]!.to <= x) next[lane]!++;
	const reservation = reservations[next[lane]!];
	return reservation !== undefined && reservation.from < x;
}

/**
 * The lane for a mark at `x`: the lowest free lane where the mark before keeps its whole short
 * label, else the free lane that leaves it the most room; -1 when every lane is busy at `x`.
 */
function pickLane(x: number, lastX: number[], lastNeed: number[], reserved: (lane: number) => boolean, { markGap, markWidth }: LayoutOptions): number {
	let roomiest = -1;
	for (let lane = 0; lane < lastX.length; lane++) {
		if (x - lastX[lane]! < markGap || reserved(lane)) continue;
		// Half a gap keeps a visible space before this mark.
		if (x - lastX[lane]! >= markWidth + lastNeed[lane]! + markGap / 2) return lane;
		if (roomiest < 0 || lastX[lane]! < lastX[roomiest]!) roomiest = lane;
	}
	return roomiest;
}

/**
 * Gives each mark the room up to the next mark in its lane (or the viewport's right edge). The
 * last mark in a lane, in the right half of the plot, whose label would be cut at the edge draws
 * it on its left instead when it fits there whole (the October 2025 events at the end of the data).
 */
function fitLabels(placed: PlacedEvent[], shortById: ReadonlyMap<string, string>, options: LayoutOptions): PlacedEvent[] {
	const { markWidth, minLabelWidth, measure, width, markGap } = options;
	const previousInLane = new Array<number>(placed.length);
	const lastSeen = new Map<number, number>();
	placed.forEach((event, i) => {
		previousInLane[i] = lastSeen.get(event.lane) ?? -Infinity;
		lastSeen.set(event.lane, event.x);
	});
	// Where the next mark (or a label flipped to its left) begins, per lane.
	const nextInLane = new Map<number, number>();
	const fitted = new Array<PlacedEvent>(placed.length);
	for (let i = placed.length - 1; i >= 0; i--) {
		const event = placed[i]!;
		const short = shortById.get(event.id) ?? null;
		const next = nextInLane.get(event.lane);
		// A label ends at the next mark in its lane, and never past the plot's edge (the next mark may be beyond it).
		const limit = Math.min(next ?? Infinity, Math.max(width, event.x + markGap));
		// Half the gap keeps a visible space before the next mark (or after the one before).
		const room = limit - event.x - markWidth - markGap / 2;
		const leftRoom = event.x - markWidth - Math.max(0, previousInLane[i]! + markGap / 2);
		let side = event.side;
		let label = '';
		if (side === 'left') label = labelFor(event.label, short, leftRoom, measure, minLabelWidth);
		else if (room >= minLabelWidth) label = labelFor(event.label, short, room, measure, minLabelWidth);
		if (side === 'right' && next === undefined && event.x > width / 2 && event.x <= width && label !== event.label && label !== short) {
			const whole = labelFor(event.label, short, leftRoom, measure, Infinity);
			if (whole) [label, side] = [whole, 'left'];
		}
		const labelWidth = label ? measure(label) : 0;
		fitted[i] = { ...event, label, labelWidth, side };
		nextInLane.set(event.lane, side === 'left' ? event.x - markWidth - labelWidth : event.x);
	}
	return fitted;
}

/** The title if it fits in `room`, else the short label, else the short label (or title) cut. */
export function labelFor(title: string, short: string | null, room: number, measure: (text: string) => number, minWidth = 0): string {
	if (measure(title) <= room) return title;
	return truncateLabel(short ?? title, room, measure, minWidth);
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
		events: layout.events.map((placed) => ({ ...placed, x: xOf(placed.id), label: '', labelWidth: 0, side: 'right' as const })),
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
