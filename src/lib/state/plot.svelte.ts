/**
 * The plot's drawing: the scene (scene.ts) for the current data, filters, view and selection, and
 * the two inputs only the page knows, the label font's measure and the height the plot may take.
 * Every part of the plot, the overview, the range text and the image downloads read this one scene.
 */
import { untrack } from 'svelte';
import { buildScene, fitScene, MOVE_ONLY_ABOVE, overviewTicks, sceneGeometry, type Layout } from '$lib/timeline';
import type { TimelineState } from './timeline.svelte';

/** Until the page measures its font: about the width of a 13 px system-font character. */
const ROUGH_MEASURE = (text: string) => text.length * 7;
/** Label widths remembered at most (titles, short labels and the cuts tried while fitting them). */
const MEASURE_CACHE_SIZE = 20_000;
/** How long the plot takes to grow or shrink to the lanes its view uses (ms), where motion is allowed. */
const FIT_DURATION = 250;

export class PlotState {
	/** A label's rendered width (px) in the marks' font (Timeline measures it with a canvas). */
	measure = $state<(text: string) => number>(ROUGH_MEASURE);
	/** The most height the plot may take (px): the full page keeps the sticky plot off most of a short screen. */
	maxHeight = $state(Infinity);
	/**
	 * Whether the plot is drawn only as tall as its view needs (beside the story, where its height
	 * moves no text); otherwise it keeps every lane it was given, as an embed's frame or a phone's
	 * sticky plot above the text must.
	 */
	fit = $state(false);
	/**
	 * The pointer is over the plot or its overview: the plot may grow but does not shrink, so the
	 * edge under a reader's wheel or double-click stays put (shrinking lifts the axis from under it).
	 */
	held = $state(false);
	/** The lanes drawn when fitting (fractional while animating towards #targetLanes). */
	#drawnLanes = $state(0);
	/** The drawn lanes are on their way to the lanes in use (the plot's height is animating). */
	fitting = $state(false);
	#targetLanes = 0;
	#frame = 0;

	readonly #timeline: TimelineState;
	/** The last full layout, which a zoom in progress on large data moves instead of redoing. */
	#settled: Layout | null = null;

	constructor(timeline: TimelineState) {
		this.#timeline = timeline;
	}

	/** Whether labels are measured in their font yet (measureIn), not estimated. */
	get measured(): boolean {
		return this.measure !== ROUGH_MEASURE;
	}

	/** Measures labels in the font they are drawn in (the marks' 500 13 px), so truncation is exact. */
	measureIn(fontFamily: string) {
		const context = document.createElement('canvas').getContext('2d');
		if (!context) return;
		context.font = `500 13px ${fontFamily}`;
		// Remembered: each layout measures every label in view (its title and its short label) to
		// choose lanes and labels, every frame of a zoom. The cap only bounds the cut prefixes kept.
		const widths = new Map<string, number>();
		this.measure = (text: string) => {
			let width = widths.get(text);
			if (width === undefined) {
				if (widths.size >= MEASURE_CACHE_SIZE) widths.clear();
				width = context.measureText(text).width;
				widths.set(text, width);
			}
			return width;
		};
	}

	readonly geometry = $derived.by(() => {
		const { view, sceneData } = this.#timeline;
		return sceneGeometry(sceneData, view.width, this.maxHeight, this.fit);
	});

	/** The overview strip's ticks: recomputed when the events, the width or the story step change, never while zooming. */
	readonly overviewTicks = $derived.by(() => {
		const { shownEvents, view, selection } = this.#timeline;
		return overviewTicks(shownEvents, view.baseScale, selection.currentId);
	});

	/** The scene drawn: the laid-out scene, with only the lanes in use when the plot fits its view. */
	readonly scene = $derived.by(() => {
		const laid = this.laidOut;
		const drawn = this.#drawnLanes;
		return this.fit && drawn > 0 ? fitScene(laid, Math.min(drawn, laid.geometry.lanes)) : laid;
	});

	/**
	 * Moves the drawn lanes towards those the view uses. While a zoom or a camera move is under way
	 * they only grow (a mark never lands outside the plot, and the plot does not pump with each
	 * frame's layout); once it settles, and the pointer has left the plot, they shrink to fit.
	 */
	fitLanes(busy: boolean, animate: boolean) {
		const needed = this.laidOut.lanesInUse;
		const target = busy || this.held ? Math.max(this.#targetLanes, needed) : needed;
		if (target === this.#targetLanes) return;
		untrack(() => this.#animateLanes(target, animate && this.#targetLanes > 0 ? FIT_DURATION : 0));
	}

	/** Eases the drawn lanes to `target` over `duration` ms (ease-out: fast, then settling). */
	#animateLanes(target: number, duration: number) {
		cancelAnimationFrame(this.#frame);
		this.#targetLanes = target;
		const from = this.#drawnLanes;
		if (duration === 0) {
			this.#drawnLanes = target;
			this.fitting = false;
			return;
		}
		this.fitting = true;
		const start = performance.now();
		const step = (now: number) => {
			const t = Math.min(1, (now - start) / duration);
			this.#drawnLanes = from + (target - from) * (1 - (1 - t) ** 3);
			if (t < 1) this.#frame = requestAnimationFrame(step);
			else this.fitting = false;
		};
		this.#frame = requestAnimationFrame(step);
	}

	/** Everything laid out in all the lanes the plot may take. */
	readonly laidOut = $derived.by(() => {
		const { view, selection, shownEvents, data, sceneData } = this.#timeline;
		// Small data never reads `busy`, so a zoom's start and end cost it no extra layout.
		const moveOnly = shownEvents.length > MOVE_ONLY_ABOVE && view.busy && this.#settled !== null;
		const scene = buildScene({
			events: shownEvents,
			eventsById: this.#timeline.eventsById,
			eras: data.eras,
			base: view.baseScale,
			transform: view.transform,
			width: view.width,
			geometry: this.geometry,
			spanRows: sceneData.spanRows,
			measure: this.measure,
			selectedId: selection.selectedId,
			currentId: selection.currentId,
			focusId: selection.focusId,
			moveFrom: moveOnly ? this.#settled : null
		});
		if (!moveOnly) this.#settled = scene.layout;
		return scene;
	});
}

