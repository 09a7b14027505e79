/**
 * The view: which stretch of time the plot shows. d3-zoom is its one keeper; this class holds the
 * transform d3-zoom last reported and what follows from it, and passes every request to move the
 * view (buttons, keys, links, the overview, the story's camera) to the zoom wiring
 * ($lib/actions/zoomable.ts), which applies d3-zoom's limits to all of them alike. d3-zoom loads on
 * demand (zoomOnDemand.ts): until it has, the view moves itself within the same limits, and
 * d3-zoom takes over from where it is.
 */
import type { ZoomTransform } from 'd3-zoom';
import {
	constrainToWidth,
	createBaseScale,
	DEFAULT_SPACING,
	rangeTransform,
	scaleExtentFor,
	visibleRange,
	zoomAbout,
	zoomIdentity,
	type Spacing,
	type TimeDomain
} from '$lib/timeline';

/** How much one press of "Zoom in"/"Zoom out" (or +/−) zooms. */
export const ZOOM_STEP = 2;
const DAY = 86_400_000;

/** What the zoom wiring does for the view; every command ends in d3-zoom's scale extent and constrain. */
export interface ViewCommands {
	/** Zoom by `factor` about the plot's centre, from where the view is heading. */
	zoomBy(factor: number): void;
	/** Show [from, to] (centred, as close as allowed, kept inside the data). */
	showRange(range: [Date, Date], animate: boolean): void;
	/** Where the view is heading: an animation's end, else the view itself. */
	heading(): ZoomTransform;
}

export class TimelineView {
	readonly domain: TimeDomain;
	/** How events are placed: evenly in time order, or on a time scale (spacing.ts). */
	spacing = $state<Spacing>(DEFAULT_SPACING);
	/** The shown events' axis times: even spacing gives each distinct one a slot. */
	readonly #times: () => readonly number[];
	/** Width of the plot (px); 0 until measured in the browser. */
	width = $state(0);
	/** The transform as d3-zoom last reported it (frames of an animation included). */
	transform = $state.raw<ZoomTransform>(zoomIdentity);
	/** A zoom gesture or animation is under way (large data moves marks only meanwhile). */
	busy = $state(false);
	/** The view was last moved by the story's camera, not by the reader: its range is not announced. */
	quiet = $state(false);
	#waiting: (() => void)[] = [];

	readonly baseScale = $derived.by(() => createBaseScale(this.spacing, this.domain, this.spacing === 'even' ? this.#times() : [], this.width));
	readonly scaleExtent = $derived(scaleExtentFor(this.baseScale));
	readonly range = $derived(visibleRange(this.baseScale, this.transform));
	readonly canZoomIn = $derived(this.transform.k < this.scaleExtent[1] * 0.999);
	/** Narrower than the whole domain: "Zoom out" and "Reset" have something to do. */
	readonly isZoomed = $derived(this.transform.k > this.scaleExtent[0] * 1.001);

	#commands: ViewCommands | null = null;
	/** A range asked for before the plot was measured (a link's ?from&to), shown once it is. */
	#pending: [Date, Date] | null = null;

	constructor(domain: TimeDomain, times: () => readonly number[] = () => []) {
		this.domain = domain;
		this.#times = times;
	}

	/** The zoom wiring connects here when the plot is drawn; returns the disconnect. */
	attach(commands: ViewCommands): () => void {
		this.#commands = commands;
		if (this.#pending) commands.showRange(this.#pending, false);
		this.#pending = null;
		return () => {
			if (this.#commands === commands) this.#commands = null;
		};
	}

	/** The zoom wiring reports whether a gesture or animation is under way. */
	setBusy(busy: boolean) {
		this.busy = busy;
		if (busy) return;
		for (const resolve of this.#waiting.splice(0)) resolve();
	}

	/** Resolves once no zoom is under way: focus waits for the view to arrive before it moves. */
	whenSettled(): Promise<void> {
		return this.busy ? new Promise((resolve) => this.#waiting.push(resolve)) : Promise.resolve();
	}

	zoomBy(factor: number) {
		this.quiet = false;
		if (this.#commands) this.#commands.zoomBy(factor);
		else this.zoomAt(factor, this.width / 2);
	}

	/** Zooms by `factor` about the pixel `point`: a ctrl + wheel that comes before d3-zoom has loaded. */
	zoomAt(factor: number, point: number) {
		this.quiet = false;
		if (this.width > 0) this.#move(zoomAbout(this.transform, factor, point, this.scaleExtent));
	}

	/** Pans by `dx` px: a mouse drag that comes before d3-zoom has loaded. */
	panBy(dx: number) {
		this.quiet = false;
		if (this.width > 0) this.#move(this.transform.translate(dx / this.transform.k, 0));
	}

	reset(animate = true) {
		this.showRange(this.domain[0], this.domain[1], animate);
	}

	/** `quiet`: the story's camera moving the axis, which a screen reader is not told about. */
	showRange(from: Date, to: Date, animate = true, quiet = false) {
		this.quiet = quiet;
		if (this.#commands) this.#commands.showRange([from, to], animate);
		else if (this.width > 0) this.#move(rangeTransform(this.baseScale, [from, to]));
		else this.#pending = [from, to];
	}

	/**
	 * Before d3-zoom has loaded (it loads when the page is idle, or on the first gesture) the view
	 * moves itself, at once, within the same limits d3-zoom applies (the scale extent, then its
	 * constrain); d3-zoom takes over from this transform when it attaches.
	 */
	#move(target: ZoomTransform) {
		this.#pending = null;
		this.transform = constrainToWidth(target, this.width);
	}

	/** Zooms to an event's period with room around it (a few weeks for a day, the whole period for a span). */
	showPeriod(start: Date, end: Date) {
		const pad = Math.max(10 * DAY, (end.getTime() - start.getTime()) * 0.25);
		this.showRange(new Date(start.getTime() - pad), new Date(end.getTime() + pad));
	}

	/** Sets the plot width, keeping the dates in view (or on their way into it) where they were. */
	resize(width: number) {
		if (width === this.width || width <= 0) return;
		this.rebase(() => (this.width = width));
	}

	/** Places events evenly or on a time scale, keeping the dates in view. */
	setSpacing(spacing: Spacing) {
		if (spacing !== this.spacing) this.rebase(() => (this.spacing = spacing));
	}

	/**
	 * Makes a change that moves the base scale (width, spacing, the evenly spaced events after a
	 * filter) and shows the same dates afterwards: d3-zoom's transform is in the base scale's pixels,
	 * so kept as it is it would show other dates.
	 */
	rebase(change: () => void) {
		// Before the first measure the base scale spans 1 px; its range is still the right one to keep.
		const range = this.#pending ?? visibleRange(this.baseScale, this.#commands?.heading() ?? this.transform);
		change();
		this.showRange(range[0], range[1], false, this.quiet);
	}
}
