/**
 * What code loaded on demand (zoomOnDemand.ts, liveOnDemand.ts) waits for: the main thread to be
 * idle, or the reader's first gesture; and what both do with a drag they answer before it arrives.
 */

/** The gestures that ask for the code at once. */
export const FIRST_USE = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;

/** Without requestIdleCallback (WebKit), what waits for idleness runs this long after it asked (ms). */
const IDLE_FALLBACK = 200;

/** Calls `callback` when the main thread is idle (at most 2 s later); returns the cancel. */
export function whenIdle(callback: () => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(callback, { timeout: 2000 });
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(callback, IDLE_FALLBACK);
	return () => clearTimeout(id);
}

/** For listeners that only cancel (a text selection or a native drag while the plot pans). */
export const preventDefault = (event: Event) => event.preventDefault();

/** Swallows the click that follows a drag's pointerup, if one comes in this task: a drag that began on a mark does not also open it. */
export function suppressNextClick() {
	const swallow = (event: MouseEvent) => {
		event.preventDefault();
		event.stopImmediatePropagation();
	};
	addEventListener('click', swallow, { capture: true, once: true });
	setTimeout(() => removeEventListener('click', swallow, { capture: true }), 0);
}
