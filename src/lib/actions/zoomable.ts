/**
 * The one module that wires d3-zoom to the page, and d3-zoom the one keeper of the view.
 *
 * Every way of moving the view ends in d3-zoom with its limits applied: gestures through d3-zoom's
 * own handlers (which keep the scale extent and call its constrain); double-click, the buttons and
 * keys, links, the overview and the story's camera through `go`, which clamps k to the same scale
 * extent and passes the transform through d3-zoom's own constrain function before
 * `zoom.transform` (which, unlike scaleBy and translateBy, applies none). Whatever d3-zoom then
 * reports is the view (TimelineView.transform); nothing else keeps one.
 *
 * Gestures: ctrl/⌘ + wheel and trackpad pinch (which browsers send as ctrl + wheel) zoom at the
 * pointer; a plain wheel is left to the page so the timeline never traps scrolling (vis-timeline's
 * `zoomKey`, visjs/vis#3734). Drag pans, double-click zooms in (shift: out), two fingers pinch.
 */
import { pointer, select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import type { TimelineView } from '$lib/state/view.svelte';
import { rangeTransform, zoomAbout } from '$lib/timeline';

export interface ZoomableParams {
	view: TimelineView;
	/** Animate changes the app makes (off under prefers-reduced-motion). */
	animate: boolean;
}

/** How long an animated change of view takes (ms). */
export const ZOOM_DURATION = 250;

/** Only x matters on a time axis: y stays 0 so vertical drags and pinches do nothing. */
const horizontal = (t: ZoomTransform) => (t.y === 0 ? t : zoomIdentity.translate(t.x, 0).scale(t.k));

export function zoomable(node: HTMLElement, params: ZoomableParams) {
	let { view, animate } = params;
	/** Where an animated change is heading: the next button press zooms on from there (×2, ×4, ×8). */
	let heading: ZoomTransform | null = null;
	let gesture = false;
	const report = () => view.setBusy(gesture || heading !== null);

	const behaviour = zoom<HTMLElement, unknown>()
		.filter((event: Event) => {
			if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
			// Right-click never pans; double-click is handled below.
			return !(event as MouseEvent).button && event.type !== 'dblclick';
		})
		.on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => (view.transform = horizontal(event.transform)))
		.on('start', (event: D3ZoomEvent<HTMLElement, unknown>) => {
			// A reader's drag, pinch or wheel (not a transition the app started): announced.
			if (event.sourceEvent) view.quiet = false;
			gesture = true;
			report();
		})
		.on('end', () => {
			gesture = false;
			report();
		});

	/** d3-zoom's extents for the plot's width now: panning and zooming stay inside [0, width]. */
	function configure() {
		const bounds: [[number, number], [number, number]] = [
			[0, 0],
			[Math.max(1, view.width), 1]
		];
		behaviour.scaleExtent(view.scaleExtent).extent(bounds).translateExtent(bounds);
		return bounds;
	}

	/** Where the view is now, or where an animation is taking it. */
	const from = () => heading ?? zoomTransform(node);

	/** The one door for views the app sets: the scale extent, then d3-zoom's constrain. */
	function go(target: ZoomTransform, animated: boolean) {
		const bounds = configure();
		const [kMin, kMax] = behaviour.scaleExtent();
		const k = Math.min(kMax, Math.max(kMin, target.k));
		const scaled = k === target.k ? target : zoomAbout(target, k / target.k, bounds[1][0] / 2, [kMin, kMax]);
		const next = horizontal(behaviour.constrain()(scaled, bounds, bounds));
		// Already there (a link's default view on load): no animation, no busy frames.
		const now = from();
		if (Math.abs(now.k - next.k) < 1e-9 * next.k && Math.abs(now.x - next.x) < 1e-6) return;
		heading = next;
		report();
		if (animated && animate) {
			const transition = selection.transition().duration(ZOOM_DURATION);
			transition.call(behaviour.transform, next);
			transition.on('end.heading interrupt.heading', () => {
				if (heading !== next) return;
				heading = null;
				report();
			});
		} else {
			selection.interrupt().call(behaviour.transform, next);
			heading = null;
			report();
		}
	}

	const selection = select(node).call(behaviour);
	configure();
	selection.on('dblclick.zoom', null).on('dblclick.timeline', (event: MouseEvent) => {
		// Double-clicking an event opens it; only the background zooms.
		if ((event.target as Element).closest('button')) return;
		const [px] = pointer(event, node);
		view.quiet = false;
		go(zoomAbout(from(), event.shiftKey ? 0.5 : 2, px, behaviour.scaleExtent()), true);
	});
	selection.call(behaviour.transform, view.transform);

	const detach = view.attach({
		zoomBy: (factor) => {
			configure();
			go(zoomAbout(from(), factor, Math.max(1, view.width) / 2, behaviour.scaleExtent()), true);
		},
		showRange: (range, animated) => go(rangeTransform(view.baseScale, range), animated),
		heading: from
	});

	return {
		update(next: ZoomableParams) {
			({ view, animate } = next);
			configure();
		},
		destroy() {
			detach();
			selection.interrupt().on('.zoom', null).on('.timeline', null);
		}
	};
}
