// @vitest-environment jsdom
/**
 * The shared state on the real events.json, wired to real d3-zoom on a jsdom element: the three
 * parts (data and filters, view, selection) and the scene drawn from them.
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zoomable } from '$lib/actions/zoomable';
import { dataPaths, loadTimeline } from '$lib/server/data';
import { cameraRangeFor, NO_FILTER } from '$lib/timeline';
import { TimelineState } from './timeline.svelte';

// Under jsdom, import.meta.url is not a file URL: the project root is where vitest runs.
const data = loadTimeline(dataPaths(process.cwd()), () => {});
const WIDTH = 1200;

let timeline: TimelineState;
let node: HTMLElement;
let action: ReturnType<typeof zoomable>;

beforeEach(() => {
	timeline = new TimelineState(data);
	node = document.createElement('div');
	timeline.view.resize(WIDTH);
	action = zoomable(node, { view: timeline.view, animate: false });
});
afterEach(() => action.destroy());

describe('TimelineSelection', () => {
	it('the story’s pause is seen by effects (nearView reads it to hold the story still during a jump)', () => {
		const seen: boolean[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				seen.push(timeline.selection.followPaused);
			});
		});
		flushSync();
		timeline.selection.followPaused = true;
		flushSync();
		timeline.selection.followPaused = false;
		flushSync();
		stop();
		expect(seen).toEqual([false, true, false]);
	});

	it('followStep(id) moves the view to the camera’s range for that step, and does nothing while paused', () => {
		const events = timeline.shownEvents;
		const index = events.findIndex((e) => e.id === 'bushehr-nuclear-plant');
		timeline.selection.followPaused = true;
		timeline.selection.followStep('bushehr-nuclear-plant');
		expect(timeline.view.isZoomed).toBe(false);
		expect(timeline.selection.currentId).toBeNull();
		timeline.selection.followPaused = false;
		timeline.selection.followStep('bushehr-nuclear-plant');
		const [from, to] = cameraRangeFor(events, index, timeline.view.domain);
		expect(timeline.view.range[0].getTime()).toBeCloseTo(from.getTime(), -5);
		expect(timeline.view.range[1].getTime()).toBeCloseTo(to.getTime(), -5);
		expect(timeline.selection.currentId).toBe('bushehr-nuclear-plant');
	});

	it('followStep(id) leaves the view alone for the step already current (a view the reader jumped to stays)', () => {
		timeline.selection.followStep('bushehr-nuclear-plant');
		timeline.view.reset();
		timeline.selection.followStep('bushehr-nuclear-plant');
		expect(timeline.view.isZoomed).toBe(false);
		timeline.selection.followStep('treaty-signed');
		expect(timeline.view.isZoomed).toBe(true);
		expect(timeline.selection.currentId).toBe('treaty-signed');
	});

	it('the camera’s moves are quiet (not announced); the reader’s next zoom, reset or range is not', () => {
		timeline.selection.followStep('bushehr-nuclear-plant');
		expect(timeline.view.quiet).toBe(true);
		// A resize keeps the dates and the quiet with them.
		timeline.view.resize(WIDTH - 100);
		expect(timeline.view.quiet).toBe(true);
		timeline.view.zoomBy(2);
		expect(timeline.view.quiet).toBe(false);
		timeline.selection.followStep('treaty-signed');
		timeline.view.reset();
		expect(timeline.view.quiet).toBe(false);
		timeline.selection.followStep('bushehr-nuclear-plant');
		timeline.view.showRange(new Date(Date.UTC(2010, 0, 1)), new Date(Date.UTC(2012, 0, 1)));
		expect(timeline.view.quiet).toBe(false);
	});

	it('open(id) opens only events that exist', () => {
		timeline.selection.open('no-such-event');
		expect(timeline.selection.selected).toBeNull();
		timeline.selection.open('treaty-signed');
		expect(timeline.selection.selected?.id).toBe('treaty-signed');
	});
});

describe('TimelineState and its scene', () => {
	it('a theme filter keeps only that theme’s events, in the list and in the scene', () => {
		timeline.setFilter({ ...NO_FILTER, themes: ['nuclear-energy'] });
		const expected = data.events.filter((e) => e.themes.includes('nuclear-energy')).map((e) => e.id);
		expect(timeline.shownEvents.map((e) => e.id)).toEqual(expected);
		const { scene } = timeline.plot;
		const drawn = [...scene.marks.map((m) => m.id), ...scene.spans.map((s) => s.id), ...scene.clusters.flatMap((c) => c.ids)];
		expect(drawn.sort()).toEqual([...expected].sort());
	});

	it('showEvent(treaty-signed) puts its mark in view and the scene says so', () => {
		timeline.showEvent('treaty-signed');
		const mark = timeline.plot.scene.marks.find((m) => m.id === 'treaty-signed');
		expect(mark).toBeDefined();
		expect(mark!.x).toBeGreaterThan(0);
		expect(mark!.x).toBeLessThan(WIDTH);
		// The view is the event's day with ten days either side.
		const [from, to] = timeline.view.range.map((d) => d.getTime());
		expect(to! - from!).toBeCloseTo(21 * 86_400_000, -5);
	});
});

describe('PlotState', () => {
	it('the overview strip’s ticks are not recomputed when the view moves (thousands of events stay off the zoom path)', () => {
		const before = timeline.plot.overviewTicks;
		const sceneBefore = timeline.plot.scene;
		timeline.view.zoomBy(2);
		expect(timeline.plot.scene).not.toBe(sceneBefore);
		expect(timeline.plot.overviewTicks).toBe(before);
		const base = timeline.view.baseScale;
		expect(before.ticks).toEqual(timeline.shownEvents.map((e) => Math.round(base(e.time))));
	});
});
