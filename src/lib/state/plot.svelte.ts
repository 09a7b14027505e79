/**
 * The plot's drawing: the scene (scene.ts) for the current data, filters, view and selection, and
 * the two inputs only the page knows, the label font's measure and the height the plot may take.
 * Every part of the plot, the overview, the range text and the image downloads read this one scene.
 */
import { buildScene, MOVE_ONLY_ABOVE, overviewTicks, sceneGeometry, type Layout } from '$lib/timeline';
import type { TimelineState } from './timeline.svelte';

/** Until the page measures its font: about the width of a 13 px system-font character. */
const ROUGH_MEASURE = (text: string) => text.length * 7;
/** Label widths remembered at most (titles, short labels and the cuts tried while fitting them). */
const MEASURE_CACHE_SIZE = 20_000;

export class PlotState {
	/** A label's rendered width (px) in the marks' font (Timeline measures it with a canvas). */
	measure = $state<(text: string) => number>(ROUGH_MEASURE);
	/** The most height the plot may take (px): the full page keeps the sticky plot off most of a short screen. */
	maxHeight = $state(Infinity);

	readonly #timeline: TimelineState;
	/** The last full layout, which a zoom in progress on large data moves instead of redoing. */
	#settled: Layout | null = null;

	constructor(timeline: TimelineState) {
		this.#timeline = timeline;
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
		return sceneGeometry(sceneData, view.width, this.maxHeight);
	});

	/** The overview strip's ticks: recomputed when the events, the width or the story step change, never while zooming. */
	readonly overviewTicks = $derived.by(() => {
		const { shownEvents, view, selection } = this.#timeline;
		return overviewTicks(shownEvents, view.baseScale, selection.currentId);
	});

	readonly scene = $derived.by(() => {
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

