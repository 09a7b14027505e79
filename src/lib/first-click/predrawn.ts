/**
 * Up to how many events the embed and the full page carry what their first script
 * (first-click.js) needs to open any event before the app has loaded: the embed, every event's
 * panel drawn by the server (about 1 kB gzipped each); the full page, the panel's frame (its story
 * steps show every event's details). A larger timeline would make the embed too heavy; the full
 * page, whose frames cost little, keeps the same limit so that both pages behave alike, and a large
 * page's app, which answers the marks there, is not held back until its long story is parsed and
 * painted. Above it the app boots at once and answers the marks (until then a mark is a link).
 */
export const PREDRAWN_PANELS_MAX = 100;

/**
 * Above PREDRAWN_PANELS_MAX the embed's panels come in parts, files of their own
 * (routes/embed-panels/[part].html), about this many events each: the first script fetches the
 * part of an event a reader clicks. Parts are by a hash of the event's id, so that the first script
 * finds an event's part from its id alone (it has nothing else of the data).
 */
export const PANEL_PART_SIZE = 25;

/** How many parts a timeline of `count` events has (at least one, so the route always has a page to prerender). */
export const panelPartCount = (count: number): number => Math.max(1, Math.ceil(count / PANEL_PART_SIZE));

/**
 * The part an event's panel is in: FNV-1a (32 bits) of its id's UTF-16 code units, modulo `parts`.
 * first-click.js computes the same (it cannot import this): keep the two alike.
 */
export function panelPartOf(id: string, parts: number): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < id.length; i++) {
		hash ^= id.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash % parts;
}

/** The events of each part, in the timeline's order. */
export function panelParts<Event extends { id: string }>(events: readonly Event[]): Event[][] {
	const parts: Event[][] = Array.from({ length: panelPartCount(events.length) }, () => []);
	for (const event of events) parts[panelPartOf(event.id, parts.length)]!.push(event);
	return parts;
}
