/**
 * A page's first stage (the embed's, the full page's), before its live timeline has loaded: the
 * prerendered plot's marks open their events here, in a panel drawn by the page's first, small
 * script (no scene, view, filters or d3). Once the live timeline is mounted its TimelineState holds
 * the open event, and this forwards to it.
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
	/** What opened the first panel's event: the live timeline opens it the same way (a link's is shown on the axis). */
	openedBy = $state<OpenedBy>('reader');
	/** The event open in the first panel, until the live timeline takes it over. */
	#selectedId = $state<string | null>(null);
	/** The live timeline's state, once mounted. */
	live = $state.raw<TimelineState | null>(null);
	/**
	 * The first panel is taken out of the page while the live timeline takes over (which opens the
	 * event again in its own): the server's markup is then as it was, for the live timeline to hydrate.
	 */
	panelWithdrawn = $state(false);

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
		return this.live || this.panelWithdrawn || !this.#selectedId ? null : (this.eventsById.get(this.#selectedId) ?? null);
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
		this.openedBy = by;
		this.#selectedId = id;
	}

	/** The open event for the live timeline to take over; `panelFocused`: focus is on its panel now. */
	handover(panelFocused: boolean): Handover | null {
		const id = this.selectedId;
		return id ? { id, by: this.openedBy, focus: panelFocused } : null;
	}

	close() {
		if (this.live) this.live.selection.close();
		else this.#selectedId = null;
	}
}

/** The event a first stage had open, as the live timeline takes it over. */
export interface Handover {
	id: string;
	/** Who opened it: a link's event is shown on the axis as well. */
	by: OpenedBy;
	/** Focus was on its panel: the live panel takes it. */
	focus: boolean;
}

/** Opens in the live timeline what the first stage had open (null: nothing, so it closes what the URL opened). */
export function takeOver(timeline: TimelineState, opened: Handover | null) {
	if (!opened) return timeline.selection.close();
	if (opened.by !== 'reader' && timeline.selection.selectedId !== opened.id) timeline.showEvent(opened.id);
	timeline.selection.open(opened.id, opened.by);
	timeline.selection.focusOnOpen = opened.focus;
}
