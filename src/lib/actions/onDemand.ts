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

const preventDefault = (event: Event) => event.preventDefault();

/**
 * Follows the mouse drag `start` (a pointerdown) begins, on the window: each move's x (`onmove`),
 * then its end (`onend`, cancelled or not), which is also a move with the button up (released
 * where no pointerup reached the page: a context menu, another window). Text selection and native
 * drags (of a link) are off meanwhile, as in d3-zoom's drag. Returns what stops following it.
 */
export function followMouseDrag(start: PointerEvent, onmove: (x: number) => void, onend: (cancelled: boolean) => void): () => void {
	const move = (event: PointerEvent) => {
		if (event.pointerId !== start.pointerId) return;
		if ((event.buttons & 1) === 0) return end(event);
		onmove(event.clientX);
	};
	const end = (event: PointerEvent) => {
		if (event.pointerId !== start.pointerId) return;
		stop();
		onend(event.type === 'pointercancel');
	};
	function stop() {
		removeEventListener('pointermove', move);
		removeEventListener('pointerup', end);
		removeEventListener('pointercancel', end);
		removeEventListener('selectstart', preventDefault, true);
		removeEventListener('dragstart', preventDefault, true);
	}
	addEventListener('pointermove', move);
	addEventListener('pointerup', end);
	addEventListener('pointercancel', end);
	addEventListener('selectstart', preventDefault, true);
	addEventListener('dragstart', preventDefault, true);
	return stop;
}

/** Swallows the click that follows a drag's pointerup, if one comes in this task: a drag that began on a mark does not also open it. */
export function suppressNextClick() {
	const swallow = (event: MouseEvent) => {
		event.preventDefault();
		event.stopImmediatePropagation();
	};
	addEventListener('click', swallow, { capture: true, once: true });
	setTimeout(() => removeEventListener('click', swallow, { capture: true }), 0);
}
