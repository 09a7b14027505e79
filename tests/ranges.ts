/**
 * The view's arithmetic, shared by the Playwright specs (view.ts) and the other engines' smoke
 * suite (engines/): the visible range read from the axis as drawn, and what each gesture should
 * make of it, from the rules the README gives (never through the app's code). No test runner here.
 */
export const DAY = 86_400_000;
/** The closest zoom spans a week (README). */
export const CLOSEST_SPAN = 7 * DAY;

export interface Range {
	/** First and last instant across the plot's width (UTC ms). */
	from: number;
	to: number;
}

export interface DrawnView extends Range {
	/** Width of the plot's drawing area (px). */
	width: number;
	/** Milliseconds per pixel. */
	msPerPx: number;
}

export interface Axis {
	/** Each tick's x from the plot's left edge (px) and its instant (UTC ms). */
	ticks: { x: number; time: number }[];
	/** Width of the plot's drawing area (px). */
	width: number;
}

/**
 * Runs in the page (self-contained: it is sent to the browser as source): the axis as drawn. Each
 * tick carries its instant (data-time) and is drawn at its x.
 */
export function axisInPage(): Axis {
	const plot = document.querySelector<HTMLElement>('.plot')!;
	const origin = plot.getBoundingClientRect().left + plot.clientLeft;
	const ticks = [...plot.querySelectorAll<HTMLElement>('.axis .tick[data-time]')].map((tick) => ({
		x: tick.getBoundingClientRect().left - origin,
		time: Date.parse(tick.dataset.time!)
	}));
	return { ticks, width: plot.clientWidth };
}

/** Two ticks give the px → time mapping, and the plot's width the visible range; null with fewer. */
export function viewFromAxis(axis: Axis): DrawnView | null {
	if (axis.ticks.length < 2) return null;
	const first = axis.ticks[0]!;
	const last = axis.ticks.at(-1)!;
	const msPerPx = (last.time - first.time) / (last.x - first.x);
	const from = first.time - first.x * msPerPx;
	return { from, to: from + axis.width * msPerPx, width: axis.width, msPerPx };
}

export const span = (range: Range) => range.to - range.from;

/** How far (ms) each end of a view may be from `expected`: `px` pixels at the expected scale. */
export const pxTolerance = (expected: Range, width: number, px = 1) => px * (span(expected) / width);

/** Whether both ends of `view` are within `tolerance` ms of `expected`'s. */
export const isWithin = (view: Range, expected: Range, tolerance: number) =>
	Math.abs(view.from - expected.from) <= tolerance && Math.abs(view.to - expected.to) <= tolerance;

/** A range as two ISO instants, for failure messages. */
export const rangeText = (range: Range) => `${new Date(range.from).toISOString()} – ${new Date(range.to).toISOString()}`;

/** A range of `length` ms starting at `from`, shifted (never shrunk) to stay inside `full`. */
export function inside(from: number, length: number, full: Range): Range {
	const kept = Math.min(length, span(full));
	const start = Math.max(full.from, Math.min(full.to - kept, from));
	return { from: start, to: start + kept };
}

/**
 * Zooming `view` by `factor` about the point `x` px from the plot's left edge: the instant under x
 * stays under x; the span stays between a week and the full range; the result is shifted inside.
 */
export function zoomedAbout(view: Range, factor: number, x: number, width: number, full: Range): Range {
	const length = Math.min(span(full), Math.max(CLOSEST_SPAN, span(view) / factor));
	const at = view.from + (x / width) * span(view);
	return inside(at - (x / width) * length, length, full);
}

/** The Zoom in / Zoom out buttons and the +/− keys: ×factor about the plot's centre. */
export function zoomedAboutCentre(view: Range, factor: number, width: number, full: Range): Range {
	return zoomedAbout(view, factor, width / 2, width, full);
}

/** Dragging the view by dx px: what was at x is now at x + dx (inside the full range). */
export function panned(view: Range, dx: number, width: number, full: Range): Range {
	return inside(view.from - dx * (span(view) / width), span(view), full);
}

/** A range asked for (a link's from/to): shown centred, at least a week, inside the full range. */
export function showing(from: number, to: number, full: Range): Range {
	const length = Math.min(span(full), Math.max(CLOSEST_SPAN, to - from));
	return inside((from + to) / 2 - length / 2, length, full);
}

/** d3-zoom's ctrl + wheel: 2^(−deltaY × 0.002 × 10) for a pixel-mode wheel (deltaMode 0). */
export const ctrlWheelFactor = (deltaY: number) => 2 ** (-deltaY * 0.002 * 10);

