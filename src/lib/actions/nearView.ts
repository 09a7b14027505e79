/**
 * Calls `onnear` each time the node comes within MARGIN px of the viewport (scrolling towards it,
 * or the content around it changing). The story's "earlier/later events" buttons use it to grow
 * the story before the reader reaches its edge; the buttons also work when pressed.
 */
export interface NearViewParams {
	onnear: () => void;
	/**
	 * False while the page scrolls itself to a step: content added mid-scroll would move the
	 * target. Coming near while paused is remembered and acted on when the pause ends.
	 */
	enabled: boolean;
}

const MARGIN_PX = 600;

export function nearView(node: HTMLElement, params: NearViewParams) {
	let current = params;
	const observer: IntersectionObserver = new IntersectionObserver(
		(entries) => {
			if (!current.enabled || !entries.at(-1)?.isIntersecting) return;
			current.onnear();
			// The observer reports changes only, and what onnear adds (or the browser's scroll
			// anchoring) can leave the node near the viewport, or bring it back, without one.
			// Observing afresh once the page has updated reports where it is now.
			requestAnimationFrame(() => {
				observer.unobserve(node);
				observer.observe(node);
			});
		},
		{ rootMargin: `${MARGIN_PX}px 0px` }
	);
	/** Whether the node is near the viewport now (the observer only reports changes). */
	const isNear = () => {
		const box = node.getBoundingClientRect();
		return box.bottom > -MARGIN_PX && box.top < innerHeight + MARGIN_PX;
	};
	observer.observe(node);
	return {
		update(next: NearViewParams) {
			const resumed = next.enabled && !current.enabled;
			current = next;
			if (resumed && isNear()) current.onnear();
		},
		destroy() {
			observer.disconnect();
		}
	};
}
