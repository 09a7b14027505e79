/**
 * The timeline's shared state, shared through a typed context pair, in three parts that can each
 * be held in mind alone: the data and its filters (this class), the view (`view`, kept by d3-zoom)
 * and what the reader is at (`selection`); `plot` holds the scene drawn from them.
 */
import { getContext, setContext } from 'svelte';
import {
	filterEvents,
	NO_FILTER,
	prerenderPlot,
	sceneData,
	searchTokens,
	type EventFilter,
	type PrerenderedBand,
	type PrerenderOptions,
	type SceneData,
	type Timeline,
	type TimelineEvent
} from '$lib/timeline';
import { setPanelHost, shareLinks, type PanelHost } from './panel-host';
import { PlotState } from './plot.svelte';
import { TimelineSelection } from './selection.svelte';
import { TimelineView } from './view.svelte';

export { ZOOM_STEP } from './view.svelte';

export class TimelineState implements PanelHost {
	readonly data: Timeline;
	readonly eventsById: Map<string, TimelineEvent>;
	filter = $state.raw<EventFilter>(NO_FILTER);

	/** The events that pass the filters and search, in axis order. */
	readonly shownEvents = $derived.by(() => filterEvents(this.data.events, this.filter));
	readonly shownIds = $derived(new Set(this.shownEvents.map((event) => event.id)));
	readonly searchTokens = $derived(searchTokens(this.filter.query));

	/** The domain, span rows and densest day: what the scene needs from all the data, computed once. */
	readonly sceneData: SceneData;

	readonly view: TimelineView;
	readonly selection: TimelineSelection;
	/** What the plot draws (the scene), computed from the three parts above. */
	readonly plot: PlotState;

	/**
	 * The default view as the build lays it out, drawn until the plot has measured its width: on the
	 * server only (PrerenderedPlot, in a Slot), so the page's data need not carry it; empty in the browser.
	 */
	readonly prerendered: readonly PrerenderedBand[];

	/** Every k-th event (axis order) has a page of its own; 1 in a real build (event-pages.ts). */
	readonly eventPageStride: number;
	/** The link to share for an event: its own page, or the full timeline opened at it where it has none. */
	readonly shareLink: (id: string, root: string | URL) => string;

	/**
	 * `prerender`: how the server lays out the default view before any script runs (prerenderPlot;
	 * null: not at all, as on an event's page).
	 */
	constructor(data: Timeline, prerender: PrerenderOptions | null = null, eventPageStride = 1) {
		this.data = data;
		this.eventPageStride = eventPageStride;
		this.shareLink = shareLinks(data.events, eventPageStride);
		this.eventsById = new Map(data.events.map((event) => [event.id, event]));
		this.sceneData = sceneData(data);
		this.prerendered = import.meta.env.SSR && prerender ? prerenderPlot(data, this.sceneData, prerender) : [];
		this.view = new TimelineView(this.sceneData.domain, () => this.shownEvents.map((event) => event.time));
		this.selection = new TimelineSelection(this.eventsById, () => this.shownEvents, this.view);
		this.plot = new PlotState(this);
	}

	/** The timeline's title (PanelHost). */
	get title(): string {
		return this.data.title;
	}

	/** The panel host's flag (PanelHost) is the selection's. */
	get focusOnOpen(): boolean {
		return this.selection.focusOnOpen;
	}
	set focusOnOpen(value: boolean) {
		this.selection.focusOnOpen = value;
	}

	/** Zooms to an event with room around it. */
	showEvent(id: string) {
		const event = this.eventsById.get(id);
		if (event) this.view.showPeriod(event.date.start, (event.end ?? event.date).end);
	}

	/** Filters the events; with even spacing the shown events are spaced again, over the same dates. */
	setFilter(filter: EventFilter) {
		if (this.view.spacing === 'even') this.view.rebase(() => (this.filter = filter));
		else this.filter = filter;
	}
}

const TIMELINE_CONTEXT = Symbol('timeline');

export function setTimelineContext(timeline: TimelineState): TimelineState {
	setPanelHost(timeline);
	return setContext(TIMELINE_CONTEXT, timeline);
}

export function getTimelineContext(): TimelineState {
	const timeline = getContext<TimelineState | undefined>(TIMELINE_CONTEXT);
	if (!timeline) throw new Error('getTimelineContext() must be called inside <Timeline>');
	return timeline;
}
