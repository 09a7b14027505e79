/**
 * The one module that wires d3-zoom to the page. It reports every transform out through
 * `onzoom`, and applies transforms that come in from outside (buttons, keys, links) so d3-zoom's
 * internal state never drifts from the app's.
 *
 * Gestures: ctrl/⌘ + wheel and trackpad pinch (which browsers send as ctrl + wheel) zoom at the
 * pointer; a plain wheel is left to the page so the timeline never traps scrolling (vis-timeline's
 * `zoomKey`, visjs/vis#3734). Drag pans, double-click zooms in (shift: out), two fingers pinch.
 */
import { pointer, select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';

export interface ZoomableParams {
	transform: ZoomTransform;
	/** [min, max] zoom factor. */
	scaleExtent: [number, number];
	/** Width of the zoomable area (px); panning stays inside [0, width]. */
	width: number;
	/** Reports each transform; `fromGesture` is false for the frames of a programmatic zoom. */
	onzoom: (transform: ZoomTransform, fromGesture: boolean) => void;
	/** Animate programmatic changes (off under prefers-reduced-motion). */
	animate: boolean;
	/** A zoom (gesture or animation) starts (true) or has settled (false; a wheel, 150 ms after its last step). */
	onactive?: (active: boolean) => void;
}

/** d3-zoom 3 passes a fourth argument through as the zoom events' sourceEvent; @types/d3-zoom omits it. */
type ScaleBy = (target: unknown, k: number, point: [number, number], event: Event) => void;

const sameTransform = (a: ZoomTransform, b: ZoomTransform) =>
	Math.abs(a.k - b.k) < 1e-9 && Math.abs(a.x - b.x) < 1e-6;

/** Only x matters on a time axis: y stays 0 so vertical drags and pinches do nothing. */
const horizontal = (t: ZoomTransform) => zoomIdentity.translate(t.x, 0).scale(t.k);

export function zoomable(node: HTMLElement, params: ZoomableParams) {
	let current = params;
	const behaviour = zoom<HTMLElement, unknown>()
		.filter((event: Event) => {
			if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
			// Right-click never pans; dblclick is handled below.
			return !(event as MouseEvent).button && event.type !== 'dblclick';
		})
		.on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) =>
			current.onzoom(horizontal(event.transform), event.sourceEvent != null)
		)
		.on('start', () => current.onactive?.(true))
		.on('end', () => current.onactive?.(false));

	function configure({ width, scaleExtent }: ZoomableParams) {
		const bounds: [[number, number], [number, number]] = [
			[0, 0],
			[width, 1]
		];
		behaviour.scaleExtent(scaleExtent).extent(bounds).translateExtent(bounds);
	}

	function apply(transform: ZoomTransform, animate: boolean) {
		if (animate) selection.transition().duration(250).call(behaviour.transform, transform);
		else selection.interrupt().call(behaviour.transform, transform);
	}

	configure(params);
	const selection = select(node).call(behaviour);
	const scaleByWithEvent = behaviour.scaleBy as unknown as ScaleBy;
	selection.on('dblclick.zoom', null).on('dblclick.timeline', (event: MouseEvent) => {
		// Double-clicking an event opens it; only the background zooms.
		if ((event.target as Element).closest('button')) return;
		const [px] = pointer(event, node);
		// d3-zoom's own scaleBy, as its double-click does: it keeps the scale extent (never past the
		// closest zoom or the whole domain) and the translate extent. Passing the event makes the
		// zoom a gesture (its sourceEvent), so the state drops any programmatic target and the
		// Zoom out and Reset buttons follow the new view.
		const target = current.animate ? selection.transition().duration(250) : selection.interrupt();
		scaleByWithEvent(target, event.shiftKey ? 0.5 : 2, [px, 0], event);
	});
	selection.call(behaviour.transform, params.transform);

	return {
		update(next: ZoomableParams) {
			const resized = next.width !== current.width || next.scaleExtent[1] !== current.scaleExtent[1];
			current = next;
			if (resized) configure(next);
			if (!sameTransform(zoomTransform(node), next.transform)) apply(next.transform, next.animate && !resized);
		},
		destroy() {
			selection.interrupt().on('.zoom', null).on('.timeline', null);
		}
	};
}
