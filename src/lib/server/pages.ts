/**
 * What each prerendered page carries. The timeline's two pages (/ and /embed) carry the whole
 * data, which they draw at once; an event's page carries its event and what its head needs, and
 * its live timeline fetches the shared /timeline.json once scripts run.
 */
import { eventOembedPath, eventPageIds, eventPagePath, eventPageStride, parseEventPageLimit, type PageMeta } from '../timeline/event-pages.ts';
import { entryLink } from '../timeline/prerender.ts';
import type { Timeline, TimelineEvent } from '../timeline/events.ts';
import { cachedTimelineData } from './data.ts';
import { shareImages, type ShareImage } from './share-image.ts';
import { siteUrl } from './site.ts';

/** Every k-th event has a page (TIMELINE_EVENT_PAGES; all of them unless generated data asks for a sample). */
export function pageStride(timeline: Timeline): number {
	return eventPageStride(timeline.events.length, parseEventPageLimit(process.env.TIMELINE_EVENT_PAGES));
}

const paged = new WeakMap<Timeline, { ids: string[]; index: Map<string, number>; byId: Map<string, TimelineEvent> }>();

/** The events that have pages, worked out once per data (every page and image of a build asks). */
function pagedEvents() {
	const { timeline } = cachedTimelineData();
	let known = paged.get(timeline);
	if (!known) {
		const ids = eventPageIds(timeline.events, pageStride(timeline));
		known = { ids, index: new Map(ids.map((id, i) => [id, i])), byId: new Map(timeline.events.map((event) => [event.id, event])) };
		paged.set(timeline, known);
	}
	return { timeline, ...known };
}

/** The ids of the events that have pages. */
export const pagedEventIds = (): string[] => pagedEvents().ids;

/** The share images of the build: the timeline's (key null) and each paged event's. */
export function buildShareImages(): Map<string | null, ShareImage> {
	return shareImages(cachedTimelineData().timeline, siteUrl(), pagedEventIds());
}

const imageOf = (site: string, image: ShareImage) => ({ url: `${site}/share/${image.file}`, width: image.width, height: image.height, alt: image.alt });

/** The head of the timeline's pages. */
export function timelineMeta(path: '' | 'embed'): PageMeta {
	const { timeline } = cachedTimelineData();
	const site = siteUrl();
	return {
		site,
		siteTitle: timeline.title,
		title: `${timeline.title}: a sourced timeline`,
		description: timeline.description,
		canonical: `${site}/${path}`,
		oembed: `${site}/oembed.json`,
		image: imageOf(site, buildShareImages().get(null)!)
	};
}

/**
 * The data of / and /embed: the timeline and the head. The prerendered plot is not in it: the
 * server lays it out as it renders the page (TimelineState), and the browser never needs it.
 */
export function timelinePageData(path: '' | 'embed') {
	const { timeline } = cachedTimelineData();
	return { timeline, eventPageStride: pageStride(timeline), meta: timelineMeta(path) };
}

/** A neighbour in the reading order, for the links under an event's page. */
export interface Neighbour {
	id: string;
	title: string;
	date: TimelineEvent['date'];
}

/** The data of an event's page: the event, its neighbours with pages, and the head; null when no page. */
export function eventPageData(id: string) {
	const { timeline, ids, index: indexOf, byId } = pagedEvents();
	const index = indexOf.get(id);
	if (index === undefined) return null;
	const event = byId.get(id)!;
	const neighbour = (other: string | undefined): Neighbour | null => {
		const found = other === undefined ? undefined : byId.get(other);
		return found ? { id: found.id, title: found.title, date: found.date } : null;
	};
	const site = siteUrl();
	const meta: PageMeta = {
		site,
		siteTitle: timeline.title,
		title: `${event.title} · ${timeline.title}`,
		description: event.summary,
		canonical: `${site}/${eventPagePath(id)}`,
		oembed: `${site}/${eventOembedPath(id)}`,
		image: imageOf(site, buildShareImages().get(id)!)
	};
	return {
		event,
		eventPageStride: pageStride(timeline),
		// The event's step in the full page's story (an anchor without scripts, where it is prerendered).
		storyLink: entryLink(timeline.events, '../')(id),
		previous: neighbour(ids[index - 1]),
		next: neighbour(ids[index + 1]),
		eventCount: timeline.events.length,
		updated: timeline.updated,
		meta
	};
}
