/**
 * The timeline's shared state, shared through a typed context pair, in three parts that can each
 * be held in mind alone: the data and its filters (this class), the view (`view`, kept by d3-zoom)
 * and what the reader is at (`selection`); `plot` holds the scene drawn from them.
 */
import { getContext, setContext } from 'svelte';
import {
	densestDay,
	domainFor,
	filterEvents,
	MAX_SPAN_ROWS,
	NO_FILTER,
	packSpans,
	searchTokens,
	type EventFilter,
	type Timeline,
	type TimelineEvent
} from '$lib/timeline';
import { PlotState } from './plot.svelte';
import { TimelineSelection } from './selection.svelte';
import { TimelineView } from './view.svelte';

export { ZOOM_STEP } from './view.svelte';

export class TimelineState {
	readonly data: Timeline;
	readonly eventsById: Map<string, TimelineEvent>;
	filter = $state.raw<EventFilter>(NO_FILTER);

	/** The events that pass the filters and search, in axis order. */
	readonly shownEvents = $derived.by(() => filterEvents(this.data.events, this.filter));
	readonly shownIds = $derived(new Set(this.shownEvents.map((event) => event.id)));
	readonly searchTokens = $derived(searchTokens(this.filter.query));

	/** Row of each span (events with an end), packed by time once so rows never jump while zooming. */
	readonly spanRows: Map<string, number>;
	readonly spanRowCount: number;
	/** The most events on one day: wide plots give each its own lane. */
	readonly densestDay: number;

	readonly view: TimelineView;
	readonly selection: TimelineSelection;
	/** What the plot draws (the scene), computed from the three parts above. */
	readonly plot: PlotState;

	constructor(data: Timeline) {
		this.data = data;
		this.eventsById = new Map(data.events.map((event) => [event.id, event]));
		const spans = data.events.filter((event) => event.endTime !== undefined);
		// Spans beyond MAX_SPAN_ROWS rows get no row: they are drawn as points (scene.ts).
		this.spanRows = packSpans(spans.map((e) => ({ id: e.id, x: e.time, x2: e.endTime! })), 0, MAX_SPAN_ROWS);
		this.spanRowCount = this.spanRows.size ? Math.max(...this.spanRows.values()) + 1 : 0;
		this.densestDay = densestDay(data.events.filter((e) => e.date.precision === 'day').map((e) => e.date.text));
		this.view = new TimelineView(domainFor(allTimes(data)));
		this.selection = new TimelineSelection(this.eventsById, () => this.shownEvents, this.view);
		this.plot = new PlotState(this);
	}

	/** Zooms to an event with room around it. */
	showEvent(id: string) {
		const event = this.eventsById.get(id);
		if (event) this.view.showPeriod(event.date.start, (event.end ?? event.date).end);
	}

	setFilter(filter: EventFilter) {
		this.filter = filter;
	}
}

/** Every instant the domain must show: events (with their ends) and eras. */
function allTimes({ events, eras }: Timeline): number[] {
	return [
		...events.flatMap((event) => (event.endTime ? [event.time, event.endTime] : [event.time])),
		...eras.flatMap((era) => [era.start.start.getTime(), era.end.start.getTime()])
	];
}

const TIMELINE_CONTEXT = Symbol('timeline');

export function setTimelineContext(timeline: TimelineState): TimelineState {
	return setContext(TIMELINE_CONTEXT, timeline);
}

export function getTimelineContext(): TimelineState {
	const timeline = getContext<TimelineState | undefined>(TIMELINE_CONTEXT);
	if (!timeline) throw new Error('getTimelineContext() must be called inside <Timeline>');
	return timeline;
}
