/**
 * FirstView, the embed's open event before its live timeline has loaded, on the real events.json:
 * what it opens itself, and that it hands everything to the live timeline's state once there.
 */
import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '$lib/server/data';
import { FirstView } from './first-view.svelte';
import { TimelineState } from './timeline.svelte';

const data = loadTimeline(dataPaths(process.cwd()), () => {});
const [first, second] = data.events;

describe('FirstView', () => {
	it('opens a known event in the first panel, taking focus only for a reader', () => {
		const view = new FirstView(data, 1);
		expect(view.selectedId).toBeNull();
		view.open(first!.id, 'link');
		expect(view.selectedId).toBe(first!.id);
		expect(view.firstPanelEvent).toBe(first);
		expect(view.focusOnOpen).toBe(false);
		view.open(second!.id, 'reader');
		expect(view.firstPanelEvent).toBe(second);
		expect(view.focusOnOpen).toBe(true);
		view.open('no-such-event', 'reader');
		expect(view.selectedId).toBe(second!.id);
		view.close();
		expect(view.selectedId).toBeNull();
		expect(view.firstPanelEvent).toBeNull();
	});

	it('links to an event’s own page, as the live timeline does', () => {
		const view = new FirstView(data, 1);
		const live = new TimelineState(data, [], 1);
		const root = 'https://example.org/timeline/';
		for (const event of data.events) expect(view.shareLink(event.id, root)).toBe(live.shareLink(event.id, root));
		expect(view.shareLink(first!.id, root)).toBe(`${root}events/${first!.id}`);
		expect(view.title).toBe(data.title);
	});

	it('once the live timeline is there, reads and opens through its state', () => {
		const view = new FirstView(data, 1);
		view.open(first!.id, 'reader');
		const live = new TimelineState(data, [], 1);
		live.view.resize(1000);
		view.live = live;
		// The first panel is gone: the live timeline draws its own.
		expect(view.firstPanelEvent).toBeNull();
		expect(view.selectedId).toBeNull();
		live.selection.open(first!.id, 'link');
		expect(view.selectedId).toBe(first!.id);
		// A link (the host page's URL) opens the event on the axis too; a reader's click only opens it.
		const before = live.view.transform;
		view.open(second!.id, 'reader');
		expect(live.selection.selectedId).toBe(second!.id);
		expect(live.view.transform).toEqual(before);
		view.open(first!.id, 'link');
		expect(live.selection.selectedId).toBe(first!.id);
		expect(live.view.transform).not.toEqual(before);
		view.close();
		expect(live.selection.selectedId).toBeNull();
	});
});
