/**
 * Keeps the URL and the timeline in step: the open event, the visible range, the filters and the
 * search live in the query string (url-state.ts). Opening an event adds a history entry, so back
 * and forward step through the events opened; zooming and typing replace the current entry once
 * they settle. Bad values fall back to the default view (parseUrlState never throws).
 */
import { pushState, replaceState } from '$app/navigation';
import { DEFAULT_SPACING, filterFromUrl, filterToUrl, formerIdMap, parseUrlState, rangeFromUrl, rangeToUrl, serialiseUrlState } from '$lib/timeline';
import type { TimelineState } from './timeline.svelte';

/** How long zooming or typing must pause before the URL is rewritten (ms). */
const SETTLE_MS = 300;

/** The query string for the timeline's current state. */
export function queryFor(timeline: TimelineState): string {
	return serialiseUrlState({
		event: timeline.selection.selectedId ?? undefined,
		...(timeline.view.isZoomed ? rangeToUrl(timeline.view.range) : {}),
		...filterToUrl(timeline.filter),
		spacing: timeline.view.spacing
	});
}

/** Applies a query string to the timeline; `fromHistory` for back and forward (the browser restores the page's scroll). */
export function applyQuery(timeline: TimelineState, search: string, fromHistory = false) {
	const state = parseUrlState(new URLSearchParams(search), {
		eventIds: new Set(timeline.eventsById.keys()),
		sourceIds: new Set(timeline.data.sources.map((source) => source.id)),
		formerIds: formerIdMap(timeline.data.events)
	});
	timeline.view.setSpacing(state.spacing ?? DEFAULT_SPACING);
	timeline.setFilter(filterFromUrl(state));
	const range = rangeFromUrl(state);
	if (range) timeline.view.showRange(range[0], range[1], false);
	else if (state.event) timeline.showEvent(state.event);
	else timeline.view.reset();
	// Opened from the URL: focus stays where it is (in an embed, a focus would scroll the host page).
	if (state.event) timeline.selection.open(state.event, fromHistory ? 'history' : 'link');
	else timeline.selection.close();
	// The view a link opens is where the page starts, not a change to announce (ZoomControls): the
	// live timeline, mounted with the plot's width known, would otherwise read it out. Back and
	// forward are the reader's own steps, and say where they land.
	if (!fromHistory) timeline.view.quiet = true;
}

/** Connects the page's URL to the timeline; call once in the browser. Returns a disconnect. */
export function connectUrl(timeline: TimelineState): () => void {
	const here = () => `${location.pathname}${location.search}${location.hash}`;
	applyQuery(timeline, location.search);
	let lastOpen = timeline.selection.selectedId;
	const onPopState = () => {
		applyQuery(timeline, location.search, true);
		lastOpen = timeline.selection.selectedId;
	};
	addEventListener('popstate', onPopState);

	const stop = $effect.root(() => {
		let timer: ReturnType<typeof setTimeout> | undefined;
		$effect(() => {
			const url = `${location.pathname}${queryFor(timeline)}${location.hash}`;
			const open = timeline.selection.selectedId;
			clearTimeout(timer);
			const write = () => {
				const opened = open !== null && open !== lastOpen;
				lastOpen = open;
				if (url === here()) return;
				if (opened) pushState(url, {});
				else replaceState(url, {});
			};
			if (open !== lastOpen) write();
			else timer = setTimeout(write, SETTLE_MS);
		});
		return () => clearTimeout(timer);
	});
	return () => {
		stop();
		removeEventListener('popstate', onPopState);
	};
}
