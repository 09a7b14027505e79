/**
 * What an open event's panel (EventPanel, CiteBox) needs from the page around it, and no more.
 * The embed draws its first panel from a small first script, before the timeline's own state
 * (scene, view, filters, d3) has loaded (FirstStage); afterwards TimelineState is the host. Both
 * put themselves in this context, so the panel never imports either.
 */
import { getContext, setContext } from 'svelte';
import { eventSharePath, hasEventPage } from '$lib/timeline/event-pages';

export interface PanelHost {
	/** The timeline's title, for citations of an entry. */
	readonly title: string;
	/** The search's tokens, marked in the panel's texts. */
	readonly searchTokens: readonly string[];
	/** Whether the open event's panel still takes focus when it is drawn; the panel clears it. */
	focusOnOpen: boolean;
	/** The link to share for an event (its own page where it has one); `root` is the site's root URL. */
	shareLink(id: string, root: string | URL): string;
}

const PANEL_HOST = Symbol('panel-host');

export const setPanelHost = (host: PanelHost): PanelHost => setContext(PANEL_HOST, host);

export function getPanelHost(): PanelHost {
	const host = getContext<PanelHost | undefined>(PANEL_HOST);
	if (!host) throw new Error('getPanelHost() must be called under a page that set a panel host');
	return host;
}

/**
 * Share links for a timeline's events, from the site's root: an event's own page, or the full
 * timeline opened at it where the build made none (every `stride`-th event has a page: event-pages.ts).
 */
export function sharePaths(events: readonly { id: string }[], stride: number): (id: string) => string {
	const indexById = new Map(events.map((event, index) => [event.id, index]));
	return (id) => {
		const index = indexById.get(id);
		return eventSharePath(id, index !== undefined && hasEventPage(index, stride));
	};
}

/** The same links, absolute: `root` is the site's root URL. */
export function shareLinks(events: readonly { id: string }[], stride: number): (id: string, root: string | URL) => string {
	const pathOf = sharePaths(events, stride);
	return (id, root) => new URL(pathOf(id), root).href;
}
