/**
 * The embed's first stage, before its live timeline has loaded: the prerendered plot's marks open
 * their events here, in a panel drawn by the page's first, small script (no scene, view, filters
 * or d3). Once the live timeline is mounted its TimelineState holds the open event, and this
 * forwards to it.
 */
import { formerIdMap, type Timeline, type TimelineEvent } from '$lib/timeline/events';
import type { OpenedBy } from './selection.svelte';
import { shareLinks, type PanelHost } from './panel-host';
import type { TimelineState } from './timeline.svelte';

export class FirstStage implements PanelHost {
	readonly title: string;
	readonly eventsById: ReadonlyMap<string, TimelineEvent>;
	readonly shareLink: (id: string, root: string | URL) => string;
	readonly #formerIds: ReadonlyMap<string, string>;
	/** No search runs before the live timeline: nothing to mark. */
	readonly searchTokens: readonly string[] = [];
	focusOnOpen = true;
	/** The event open in the first panel, until the live timeline takes it over. */
	#selectedId = $state<string | null>(null);
	/** The live timeline's state, once mounted. */
	live = $state.raw<TimelineState | null>(null);

	constructor(data: Timeline, eventPageStride: number) {
		this.title = data.title;
		this.eventsById = new Map(data.events.map((event) => [event.id, event]));
		this.shareLink = shareLinks(data.events, eventPageStride);
		this.#formerIds = formerIdMap(data.events);
	}

	/** The event's id now, for an id it was published under before (a link made then); else the id. */
	resolve(id: string): string {
		return this.#formerIds.get(id) ?? id;
	}

	/** The open event's id, wherever it is open. */
	get selectedId(): string | null {
		return this.live ? this.live.selection.selectedId : this.#selectedId;
	}

	/** The event open in the first panel (none once the live timeline has taken over). */
	get firstPanelEvent(): TimelineEvent | null {
		return this.live || !this.#selectedId ? null : (this.eventsById.get(this.#selectedId) ?? null);
	}

	/** Opens an event: in the first panel, or in the live timeline (shown on its axis) once mounted. */
	open(id: string, by: OpenedBy) {
		if (!this.eventsById.has(id)) return;
		if (this.live) {
			if (by !== 'reader') this.live.showEvent(id);
			this.live.selection.open(id, by);
			return;
		}
		this.focusOnOpen = by === 'reader';
		this.#selectedId = id;
	}

	close() {
		if (this.live) this.live.selection.close();
		else this.#selectedId = null;
	}
}
