/**
 * The timeline's shared state: one class with $state fields, shared through a typed context pair.
 * Zoom is stored as a transform; the visible scale, range and ticks are derived from it.
 */
import { getContext, setContext } from 'svelte';
import { zoomIdentity, type ZoomTransform } from 'd3-zoom';
import {
	cameraRangeFor,
	createTimeScale,
	densestDay,
	filterEvents,
	NO_FILTER,
	MAX_SPAN_ROWS,
	packSpans,
	domainFor,
	searchTokens,
	type EventFilter,
	scaleExtentFor,
	ticksFor,
	transformForRange,
	visibleRange,
	zoomAboutCentre,
	type Timeline,
	type TimelineEvent
} from '$lib/timeline';

/** How much one press of "Zoom in"/"Zoom out" (or +/−) zooms. */
export const ZOOM_STEP = 2;
const DAY = 86_400_000;

export class TimelineState {
	readonly data: Timeline;
	readonly eventsById: Map<string, TimelineEvent>;
	/** Width of the plot (px); 0 until measured in the browser. */
	width = $state(0);
	transform = $state.raw<ZoomTransform>(zoomIdentity);
	/**
	 * Where a programmatic zoom (button, key, link) is heading while d3-zoom animates towards it.
	 * Further steps start from here, so three quick clicks on "Zoom in" zoom ×8, not less.
	 */
	#target = $state.raw<ZoomTransform | null>(null);
	selectedId = $state<string | null>(null);
	/** The story step the reader is at (highlighted on the axis). */
	currentId = $state<string | null>(null);
	/** The mark that holds the plot's one tab stop (roving tabindex). */
	focusId = $state<string | null>(null);
	filter = $state.raw<EventFilter>(NO_FILTER);

	/** The events that pass the filters and search, in axis order. */
	readonly shownEvents = $derived.by(() => filterEvents(this.data.events, this.filter));
	readonly shownIds = $derived(new Set(this.shownEvents.map((event) => event.id)));
	readonly searchTokens = $derived(searchTokens(this.filter.query));

	readonly domain = $derived.by(() => domainFor(this.allTimes()));
	readonly baseScale = $derived(createTimeScale(this.domain, this.width));
	readonly scale = $derived(this.transform.rescaleX(this.baseScale));
	readonly scaleExtent = $derived(scaleExtentFor(this.baseScale));
	readonly range = $derived(visibleRange(this.baseScale, this.transform));
	readonly ticks = $derived(ticksFor(this.range[0], this.range[1], this.width));
	// The buttons judge by where the view is heading, so they disable at once at the limit.
	/** A zoom gesture or animation is under way (d3-zoom's start → end); large data moves marks only meanwhile. */
	zooming = $state(false);
	/** An animated zoom is on its way to a target (marks are re-laid out, and may fold, meanwhile). */
	get moving(): boolean {
		return this.#target !== null;
	}
	readonly canZoomIn = $derived((this.#target ?? this.transform).k < this.scaleExtent[1] * 0.999);
	/** Zoomed or panned away from the whole-domain view. */
	readonly isZoomed = $derived(this.transform.k > 1.001);
	readonly canZoomOut = $derived((this.#target ?? this.transform).k > this.scaleExtent[0] * 1.001);

	/** Row of each span (events with an end), packed by time once so rows never jump while zooming. */
	readonly spanRows: Map<string, number>;
	readonly spanRowCount: number;
	/** The most events on one day: wide plots give each its own lane. */
	readonly densestDay: number;

	constructor(data: Timeline) {
		this.data = data;
		this.eventsById = new Map(data.events.map((event) => [event.id, event]));
		const spans = data.events.filter((event) => event.endTime !== undefined);
		// Spans beyond MAX_SPAN_ROWS rows get no row: they are drawn as points (TimelineEvents).
		this.spanRows = packSpans(spans.map((e) => ({ id: e.id, x: e.time, x2: e.endTime! })), 0, MAX_SPAN_ROWS);
		this.spanRowCount = this.spanRows.size ? Math.max(...this.spanRows.values()) + 1 : 0;
		this.densestDay = densestDay(data.events.filter((e) => e.date.precision === 'day').map((e) => e.date.text));
	}

	private allTimes(): number[] {
		const { events, eras } = this.data;
		return [
			...events.flatMap((event) => (event.endTime ? [event.time, event.endTime] : [event.time])),
			...eras.flatMap((era) => [era.start.start.getTime(), era.end.start.getTime()])
		];
	}

	/** The open event, if any. */
	get selected(): TimelineEvent | null {
		return this.selectedId ? (this.eventsById.get(this.selectedId) ?? null) : null;
	}


	/** Sets the plot width, keeping the dates in view where they were (or were heading). */
	resize(width: number) {
		if (width === this.width || width <= 0) return;
		// Before the first measure the base scale spans 1 px; its range is still the right one to keep.
		const range = visibleRange(this.baseScale, this.#target ?? this.transform);
		this.width = width;
		this.#go(transformForRange(this.baseScale, range), false);
	}

	/**
	 * Takes a transform from d3-zoom as it is: gestures are already constrained by d3-zoom, and the
	 * frames of an animated zoom may pass outside the limits on their way (van Wijk's path);
	 * clamping those would restart the animation. A gesture cancels any programmatic target.
	 */
	setTransform(transform: ZoomTransform, fromGesture: boolean) {
		this.transform = transform;
		if (fromGesture || (this.#target && sameTransform(this.#target, transform))) this.#target = null;
	}

	/** Whether the next programmatic change animates (a brush drag follows the pointer at once). */
	animate = $state(true);

	#go(transform: ZoomTransform, animate = true) {
		this.animate = animate;
		this.#target = transform;
		this.transform = transform;
	}

	zoomBy(factor: number) {
		this.#go(zoomAboutCentre(this.baseScale, this.#target ?? this.transform, factor));
	}

	reset() {
		this.#go(zoomIdentity);
	}

	showRange(from: Date, to: Date, animate = true) {
		this.#go(transformForRange(this.baseScale, [from, to]), animate);
	}

	/** Whether the panel takes focus when it opens: yes for a reader's click, no for a link's state. */
	focusOnOpen = true;

	open(id: string, takeFocus = true) {
		if (!this.eventsById.has(id)) return;
		this.focusOnOpen = takeFocus;
		this.selectedId = id;
	}

	/** Zooms to an event with room around it (a few weeks for a day, the whole period for a span). */
	showEvent(id: string) {
		const event = this.eventsById.get(id);
		if (!event) return;
		const from = event.date.start.getTime();
		const to = (event.end ?? event.date).end.getTime();
		const pad = Math.max(10 * DAY, (to - from) * 0.25);
		this.showRange(new Date(from - pad), new Date(to + pad));
	}

	/** "List view": the same (filtered) events as a plain list, without the graphic timeline. */
	listView = $state(false);

	/** Height of the sticky timeline (px): the story's reading line sits below it. */
	stickyHeight = $state(0);

	/** While true, story steps passing the reading line do not move the axis (a jump is under way). */
	followPaused = false;

	/** Moves the axis to a story step: the event and its neighbours (camera.ts). */
	followStep(id: string) {
		if (this.followPaused) return;
		const index = this.shownEvents.findIndex((event) => event.id === id);
		if (index < 0) return;
		this.currentId = id;
		const [from, to] = cameraRangeFor(this.shownEvents, index, this.domain);
		this.showRange(from, to);
	}

	setFilter(filter: EventFilter) {
		this.filter = filter;
	}

	close() {
		this.selectedId = null;
	}
}

const sameTransform = (a: ZoomTransform, b: ZoomTransform) =>
	Math.abs(a.k - b.k) < 1e-9 * a.k && Math.abs(a.x - b.x) < 1e-6;

const TIMELINE_CONTEXT = Symbol('timeline');

export function setTimelineContext(timeline: TimelineState): TimelineState {
	return setContext(TIMELINE_CONTEXT, timeline);
}

export function getTimelineContext(): TimelineState {
	const timeline = getContext<TimelineState | undefined>(TIMELINE_CONTEXT);
	if (!timeline) throw new Error('getTimelineContext() must be called inside <Timeline>');
	return timeline;
}
