/**
 * The embed's panels in parts, for a timeline above PREDRAWN_PANELS_MAX events: each part an HTML
 * file of inert templates (PanelsPart), which the embed's first script fetches when a reader clicks
 * one of its events before the app has come (lib/first-click/first-click.js). Prerendered: one file
 * a part (a small timeline has one, empty, which nothing fetches).
 */
import { error } from '@sveltejs/kit';
import { render } from 'svelte/server';
import PanelsPart from '$lib/components/PanelsPart.svelte';
import { PREDRAWN_PANELS_MAX, panelParts } from '$lib/first-click/predrawn';
import { cachedTimelineData } from '$lib/server/data';
import { pageStride } from '$lib/server/pages';
import type { TimelineEvent } from '$lib/timeline/events';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

const cache = new WeakMap<object, TimelineEvent[][]>();
/**
 * The parts, worked out once per data (every part's file asks). A timeline the embed carries whole
 * has one empty part: the route always has a file to write, and nothing fetches it.
 */
const partsOf = () => {
	const { timeline } = cachedTimelineData();
	if (!cache.has(timeline)) cache.set(timeline, timeline.events.length > PREDRAWN_PANELS_MAX ? panelParts(timeline.events) : [[]]);
	return { timeline, parts: cache.get(timeline)! };
};

export const entries: EntryGenerator = () => partsOf().parts.map((_, index) => ({ part: String(index) }));

export const GET: RequestHandler = ({ params }) => {
	const { timeline, parts } = partsOf();
	const events = /^\d+$/.test(params.part) ? parts[Number(params.part)] : undefined;
	if (!events) error(404, 'No such part');
	const { body } = render(PanelsPart, { props: { timeline, events, eventPageStride: pageStride(timeline) } });
	return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8' } });
};
