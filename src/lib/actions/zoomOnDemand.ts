/**
 * `use:zoomOnDemand`: the zoom wiring (zoomable.ts, which brings d3-zoom, d3-selection and
 * d3-transition) loaded when the page is idle or at the plot's first gesture, not before the page's
 * first click can work. Until it has loaded the view moves itself (TimelineView: buttons, keys,
 * links and the story's camera all work), a ctrl + wheel on the plot zooms it here as d3-zoom
 * would, and the wiring takes over from the view as it is.
 */
import { FIRST_USE, whenIdle } from './onDemand';
import type { ZoomableParams } from './zoomable';

/** One import for every plot on the page. */
let wiring: Promise<typeof import('./zoomable')> | null = null;
export const loadZoomWiring = () =>
	(wiring ??= import('./zoomable').catch((error) => {
		// A chunk that failed to load (a redeploy, a dropped connection) is asked for again next time.
		wiring = null;
		throw error;
	}));


export function zoomOnDemand(node: HTMLElement, params: ZoomableParams) {
	let attached: ReturnType<typeof import('./zoomable').zoomable> | null = null;
	let destroyed = false;

	/** d3-zoom's wheel step (its defaultWheelDelta, with ctrl held), about the pointer's x in the plot. */
	function onWheel(event: WheelEvent) {
		if (attached || !(event.ctrlKey || event.metaKey)) return;
		event.preventDefault();
		const delta = -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * (event.ctrlKey ? 10 : 1);
		const point = event.clientX - node.getBoundingClientRect().left - node.clientLeft;
		params.view.zoomAt(2 ** delta, point);
	}

	function load() {
		stopWaiting();
		loadZoomWiring().then(
			({ zoomable }) => {
				if (destroyed || attached) return;
				node.removeEventListener('wheel', onWheel);
				attached = zoomable(node, params);
			},
			() => {
				// Not loaded: the view keeps moving itself, and the next gesture tries again.
				if (!destroyed) for (const type of FIRST_USE) node.addEventListener(type, load, { passive: true });
			}
		);
	}
	const stopWaiting = () => {
		cancelIdle();
		for (const type of FIRST_USE) node.removeEventListener(type, load);
	};

	node.addEventListener('wheel', onWheel, { passive: false });
	for (const type of FIRST_USE) node.addEventListener(type, load, { passive: true });
	const cancelIdle = whenIdle(load);

	return {
		update(next: ZoomableParams) {
			params = next;
			attached?.update(next);
		},
		destroy() {
			destroyed = true;
			stopWaiting();
			node.removeEventListener('wheel', onWheel);
			attached?.destroy();
		}
	};
}
