/**
 * Which story steps are in the page. A story of a few hundred events is rendered whole; a longer
 * one (the benchmark's 10,000 events made a 63 MB page that took 45 s to hydrate) renders a
 * contiguous window of steps that grows by a page as the reader nears either end, jumps to any
 * step the reader asks for, and drops steps far behind the reader so the page stays light.
 */

/** Steps added at a time, and the size of the first window. */
export const STORY_PAGE = 150;
/** At most this many steps are in the page; growing past it drops the far end. */
export const STORY_MAX = 3 * STORY_PAGE;

/** Half-open range [from, to) of step indices in the page. */
export interface StoryWindow {
	from: number;
	to: number;
}

/** The first window: the whole story when it is short, else its first page. */
export function initialWindow(count: number): StoryWindow {
	return { from: 0, to: Math.min(count, count <= STORY_MAX ? count : STORY_PAGE) };
}

/** A window that holds step `index`, with a quarter page before it (the reader may scroll up). */
export function windowAround(index: number, count: number): StoryWindow {
	if (count <= STORY_MAX) return { from: 0, to: count };
	const at = Math.max(0, Math.min(count - 1, index));
	const from = Math.max(0, Math.min(at - Math.floor(STORY_PAGE / 4), count - STORY_PAGE));
	return { from, to: Math.min(count, from + STORY_PAGE) };
}

/** The window grown by a page at its end, dropping steps at its start past STORY_MAX. */
export function growLater(window: StoryWindow, count: number): StoryWindow {
	const to = Math.min(count, window.to + STORY_PAGE);
	return { from: Math.max(window.from, to - STORY_MAX), to };
}

/** The window grown by a page at its start, dropping steps at its end past STORY_MAX. */
export function growEarlier(window: StoryWindow): StoryWindow {
	const from = Math.max(0, window.from - STORY_PAGE);
	return { from, to: Math.min(window.to, from + STORY_MAX) };
}

/** Whether step `index` is in the window. */
export const inWindow = (window: StoryWindow, index: number): boolean => index >= window.from && index < window.to;
