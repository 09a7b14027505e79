/**
 * What code loaded on demand (zoomOnDemand.ts, liveOnDemand.ts) waits for: the main thread to be
 * idle, or the reader's first gesture.
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
