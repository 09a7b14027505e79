/**
 * `use:zoomOnDemand`: the zoom wiring (zoomable.ts, which brings d3-zoom, d3-selection and
 * d3-transition) loaded when the page is idle or at the plot's first gesture, not before the page's
 * first click can work. Until it has loaded the view moves itself (TimelineView: buttons, keys,
 * links and the story's camera all work), and the plot's own gestures do here what d3-zoom would:
 * ctrl + wheel zooms about the pointer, double-click zooms ×2 about it (shift: ×½), a mouse drag
 * pans. The wiring takes over from the view as it is (after a drag under way has ended: d3-zoom
 * did not see it start). Touch is left to the browser until then: it asks for the wiring at once.
 */
import { FIRST_USE, followMouseDrag, suppressNextClick, whenIdle } from './onDemand';
import type { ZoomableParams } from './zoomable';

/** One import for every plot on the page. */
let wiring: Promise<typeof import('./zoomable')> | null = null;
export const loadZoomWiring = () =>
	(wiring ??= import('./zoomable').catch((error) => {
		// A chunk that failed to load (a redeploy, a dropped connection) is asked for again next time.
		wiring = null;
		throw error;
	}));

/** A mouse drag the page is panning with before d3-zoom has loaded. */
interface EarlyDrag {
	lastX: number;
	moved: boolean;
	stop: () => void;
}

export function zoomOnDemand(node: HTMLElement, params: ZoomableParams) {
	let attached: ReturnType<typeof import('./zoomable').zoomable> | null = null;
	let destroyed = false;
	let drag: EarlyDrag | null = null;
	/** The wiring, arrived while a drag was under way: attached when the drag ends. */
	let arrived: typeof import('./zoomable') | null = null;

	/** The pointer's x in the plot's drawing area (inside its border), as d3-zoom's pointer() gives it. */
	const pointX = (event: MouseEvent) => event.clientX - node.getBoundingClientRect().left - node.clientLeft;

	/** d3-zoom's wheel step (its defaultWheelDelta, with ctrl held), about the pointer's x in the plot. */
	function onWheel(event: WheelEvent) {
		if (attached || !(event.ctrlKey || event.metaKey)) return;
		event.preventDefault();
		const delta = -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002) * (event.ctrlKey ? 10 : 1);
		params.view.zoomAt(2 ** delta, pointX(event));
	}

	/** As zoomable.ts's double-click: the background zooms, an event's mark opens it. */
	function onDoubleClick(event: MouseEvent) {
		if (attached || (event.target as Element).closest('button')) return;
		params.view.zoomAt(event.shiftKey ? 0.5 : 2, pointX(event));
	}

	function onPointerDown(event: PointerEvent) {
		// A drag whose pointerup never came (released outside the window) ends here.
		if (drag) endDrag();
		if (arrived) attach(arrived);
		if (attached || event.pointerType === 'touch' || event.button !== 0) return;
		const moving: EarlyDrag = (drag = { lastX: event.clientX, moved: false, stop: () => {} });
		moving.stop = followMouseDrag(
			event,
			(x) => {
				if (x === moving.lastX) return;
				params.view.panBy(x - moving.lastX);
				moving.lastX = x;
				moving.moved = true;
			},
			() => {
				// A drag that began on a mark does not also open it (d3-zoom swallows that click too).
				if (moving.moved) suppressNextClick();
				drag = null;
				if (arrived) attach(arrived);
			}
		);
	}

	function endDrag() {
		drag?.stop();
		drag = null;
	}

	function attach(module: typeof import('./zoomable')) {
		arrived = null;
		if (destroyed || attached) return;
		node.removeEventListener('wheel', onWheel);
		node.removeEventListener('dblclick', onDoubleClick);
		node.removeEventListener('pointerdown', onPointerDown);
		attached = module.zoomable(node, params);
	}

	function load() {
		stopWaiting();
		loadZoomWiring().then(
			(module) => {
				if (drag) arrived = module;
				else attach(module);
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
	node.addEventListener('dblclick', onDoubleClick);
	node.addEventListener('pointerdown', onPointerDown);
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
			endDrag();
			node.removeEventListener('wheel', onWheel);
			node.removeEventListener('dblclick', onDoubleClick);
			node.removeEventListener('pointerdown', onPointerDown);
			attached?.destroy();
		}
	};
}
