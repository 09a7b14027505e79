/**
 * Which events have a page of their own (/events/<id>) and what that page and its oEmbed are
 * called. Every event has one in a real build; generated data for the bench and the large-data
 * tests may ask for a sample (TIMELINE_EVENT_PAGES=<n>): every k-th event in axis order, so the
 * build of 10,000 events is not 10,000 pages and images. Links offer a page only where one exists
 * and fall back to the full timeline's `?event=` link elsewhere.
 */

/** Every k-th event gets a page: k = 1 (all) unless `limit` asks for fewer. */
export function eventPageStride(eventCount: number, limit: number | null): number {
	if (limit === null || !Number.isFinite(limit) || limit <= 0 || limit >= eventCount) return 1;
	return Math.ceil(eventCount / Math.floor(limit));
}

/** The limit from TIMELINE_EVENT_PAGES ("all", unset, or a positive whole number); null means every event. */
export function parseEventPageLimit(value: string | undefined): number | null {
	if (value === undefined || value === '' || value === 'all') return null;
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1) throw new Error(`TIMELINE_EVENT_PAGES=${JSON.stringify(value)}: expected "all" or a whole number of pages from 1`);
	return limit;
}

/** Whether the event at `index` (axis order) has a page. */
export const hasEventPage = (index: number, stride: number) => index % stride === 0;

/** The ids that have pages, in axis order. */
export function eventPageIds(events: readonly { id: string }[], stride: number): string[] {
	return events.filter((_, index) => hasEventPage(index, stride)).map((event) => event.id);
}

/** The page's path from the site's root (no leading slash, so it resolves against any base). */
export const eventPagePath = (id: string) => `events/${encodeURIComponent(id)}`;

/** The full timeline opened at an event, from the site's root URL (`resolve('/')` made absolute). */
export const fullTimelineUrl = (root: string | URL, id: string) => eventShareUrl(root, id, false);

/** The link to share for an event, from the site's root: its own page, or the full timeline opened at it where it has none. */
export const eventSharePath = (id: string, hasPage: boolean) => (hasPage ? eventPagePath(id) : `./?event=${encodeURIComponent(id)}`);

/** The link to share for an event (eventSharePath), absolute. */
export const eventShareUrl = (root: string | URL, id: string, hasPage: boolean) => new URL(eventSharePath(id, hasPage), root).href;

/** The event's oEmbed response, from the site's root. */
export const eventOembedPath = (id: string) => `oembed/${encodeURIComponent(id)}.json`;

/** A page's head (PageHead.svelte): canonical URL, share card, oEmbed discovery; all absolute. */
export interface PageMeta {
	site: string;
	siteTitle: string;
	title: string;
	description: string;
	canonical: string;
	oembed: string;
	image: { url: string; width: number; height: number; alt: string };
}
