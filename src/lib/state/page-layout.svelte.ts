/**
 * Where the plot sits on the page, and so how tall it may be and what it covers. With a story (the
 * full page) on screens 960 px wide or more, the story has its own column beside a sticky plot
 * column, as newsroom scrollytelling does; the first view is the exception: until the plot sticks
 * it spans both columns (the whole history needs the width to name its events) and the story starts
 * below it, at an offset kept while reading so that the plot's step into its column moves no text.
 * Below 960 px the plot sticks above the story within READING_SHARE of the screen's height, or,
 * where even one lane would not fit that, scrolls away with the page. Timeline.svelte feeds in what
 * the page measures; everything else is derived here.
 */
import { MediaQuery } from 'svelte/reactivity';
import { placeAboveStory, plotMaxHeight, WIDE_WIDTH, type PlotPlace } from '$lib/timeline';

/** From this width the story has its own column beside the plot. */
const WIDE = `min-width: ${WIDE_WIDTH}px`;

export class PageLayout {
	/** The screen's height (px); 0 before it is measured. */
	viewportHeight = $state(0);
	/** The sticky block: the plot and what sticks below it (the overview, and beside the story the legend). */
	stickyHeight = $state(0);
	/** What sticks below the plot (px). */
	belowPlot = $state(0);
	/** How far below the page's top the plot column starts: the page head above the first view. */
	layoutOffset = $state(0);
	/** The plot has stuck to the screen's top: the story runs beside it. */
	stuck = $state(false);
	/** The page has run: before (and without JavaScript) the columns are plain, as the story's offset is not yet measured. */
	mounted = $state(false);
	/** The first view's block (plot across both columns), which the story starts below; measured only in the first view. */
	firstViewHeight = $state(0);

	/** The full page's layout with a story (an embed's story stays under its plot). */
	readonly storyLayout: boolean;
	/** The story in its own column beside the plot. */
	readonly beside: boolean;
	/** The first view: beside the story, before the plot sticks, it spans both columns. */
	readonly across: boolean;
	/** Above the story the plot sticks only where its smallest form fits its share of the screen (placeAboveStory). */
	readonly fitsAbove: boolean;
	/** The plot sticks: beside the story (covering nothing), or above it where it fits. */
	readonly sticks: boolean;
	/** The height the sticky plot covers at the screen's top, above the story's text (px). */
	readonly covered: number;
	readonly place: PlotPlace;
	/** Drawn only as tall as its view needs: in its column beside the story, where that moves no text. */
	readonly fit: boolean;
	/** The most height the plot may take (plotMaxHeight). */
	readonly maxHeight: number;
	/** The story column's top padding: the first view's height, kept while reading. */
	readonly storyOffset: number;

	/** `hasStory`: a story is shown with the plot; `compact`: an embed; `spanRows`: rows of span bars. */
	constructor(hasStory: () => boolean, compact: () => boolean, spanRows: () => number) {
		const wide = new MediaQuery(WIDE, true);
		this.storyLayout = $derived(hasStory() && !compact());
		this.beside = $derived(this.storyLayout && wide.current);
		this.across = $derived(this.beside && this.mounted && !this.stuck);
		this.fitsAbove = $derived(placeAboveStory(this.viewportHeight, spanRows(), this.belowPlot) === 'above');
		this.sticks = $derived(this.beside || this.fitsAbove);
		this.covered = $derived(this.sticks && !this.beside ? this.stickyHeight : 0);
		this.place = $derived(compact() ? 'embed' : this.beside ? (this.stuck ? 'beside' : 'first view') : this.fitsAbove ? 'above' : 'scrolling');
		this.fit = $derived(this.place === 'beside');
		this.maxHeight = $derived(plotMaxHeight(this.place, this.viewportHeight, this.layoutOffset, this.belowPlot));
		this.storyOffset = $derived(this.beside && this.firstViewHeight > 0 ? this.firstViewHeight : 0);
	}

	/** Reads where the layout's top is now (on scroll, and when the page head changes height). */
	measure(layout: HTMLElement) {
		const top = layout.getBoundingClientRect().top;
		this.layoutOffset = Math.round(top + scrollY);
		this.stuck = top <= 0;
	}
}
