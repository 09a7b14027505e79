/**
 * What the reader is at: the open event, the story step, the mark holding the plot's tab stop,
 * and the list view. The story's camera moves the view through TimelineView like every other input.
 */
import { cameraRangeFor, type TimelineEvent } from '$lib/timeline';
import type { TimelineView } from './view.svelte';

export type OpenedBy = 'reader' | 'link' | 'history';

export class TimelineSelection {
	/** The open event's id. */
	selectedId = $state<string | null>(null);
	/** The story step the reader is at (highlighted on the axis). */
	currentId = $state<string | null>(null);
	/** The mark that holds the plot's one tab stop (roving tabindex). */
	focusId = $state<string | null>(null);
	/**
	 * What opened the open event: a reader's click; a link's state (or the host page's, in an
	 * embed); or back and forward, after which the browser puts the page back where it was.
	 */
	openedBy: OpenedBy = 'reader';
	/**
	 * Whether the open event's panel still takes focus when it is drawn: yes when a reader opened
	 * it. Taken once (EventPanel clears it), so a panel drawn again does not.
	 */
	focusOnOpen = true;
	/** "List view": the same (filtered) events as a plain list, without the graphic timeline. */
	listView = $state(false);
	/** Height of the sticky timeline (px): the story's reading line sits below it. */
	stickyHeight = $state(0);
	/** Whether the story has its own column beside the plot: an event then opens in its step, not in a panel. */
	storyBeside = $state(false);
	/** While true, story steps passing the reading line do not move the axis (a jump is under way). */
	followPaused = $state(false);

	readonly #eventsById: ReadonlyMap<string, TimelineEvent>;
	readonly #shownEvents: () => readonly TimelineEvent[];
	readonly #view: TimelineView;

	constructor(eventsById: ReadonlyMap<string, TimelineEvent>, shownEvents: () => readonly TimelineEvent[], view: TimelineView) {
		this.#eventsById = eventsById;
		this.#shownEvents = shownEvents;
		this.#view = view;
	}

	/** The open event, if any. */
	get selected(): TimelineEvent | null {
		return this.selectedId ? (this.#eventsById.get(this.selectedId) ?? null) : null;
	}

	open(id: string, by: OpenedBy = 'reader') {
		if (!this.#eventsById.has(id)) return;
		this.openedBy = by;
		this.focusOnOpen = by === 'reader';
		this.selectedId = id;
	}

	close() {
		this.selectedId = null;
	}

	/**
	 * Moves the axis to a story step: the event and its neighbours (camera.ts). The step already
	 * current is not followed again: it was followed when it became current, or it was jumped to
	 * by a view of its own (a mark, "Show on timeline") that its arrival at the line must not undo.
	 */
	followStep(id: string) {
		if (this.followPaused || id === this.currentId) return;
		const events = this.#shownEvents();
		const index = events.findIndex((event) => event.id === id);
		if (index < 0) return;
		this.currentId = id;
		const [from, to] = cameraRangeFor(events, index, this.#view.domain);
		this.#view.showRange(from, to, true, true);
	}
}
