/**
 * FirstStage, a page's open event before its live timeline has loaded, on the real events.json:
 * what it opens itself, and that it hands everything to the live timeline's state once there.
 */
import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '$lib/server/data';
import { FirstStage, takeOver } from './first-stage.svelte';
import { TimelineState } from './timeline.svelte';

const data = loadTimeline(dataPaths(process.cwd()), () => {});
const [first, second] = data.events;

describe('FirstStage', () => {
	it('opens a known event in the first panel, taking focus only for a reader', () => {
		const view = new FirstStage(data, 1);
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

	it('withdraws the first panel for the live timeline to take over, and still hands over the open event', () => {
		const view = new FirstStage(data, 1);
		view.open(first!.id, 'reader');
		view.panelWithdrawn = true;
		expect(view.firstPanelEvent, 'no first panel drawn').toBeNull();
		expect(view.selectedId).toBe(first!.id);
		expect(view.handover(true)).toEqual({ id: first!.id, by: 'reader', focus: true });
		// Put back (the live timeline failed to draw): the first panel shows it again.
		view.panelWithdrawn = false;
		expect(view.firstPanelEvent).toBe(first);
	});

	it('links to an event’s own page, or to the full timeline at it where the build made none', () => {
		const root = 'https://example.org/timeline/';
		const everyOther = new FirstStage(data, 2);
		expect(everyOther.shareLink(first!.id, root)).toBe(`${root}events/${first!.id}`);
		expect(everyOther.shareLink(second!.id, root)).toBe(`${root}?event=${second!.id}`);
		expect(new FirstStage(data, 1).shareLink(second!.id, root)).toBe(`${root}events/${second!.id}`);
		expect(everyOther.title).toBe(data.title);
	});

	it('knows an event by the ids it was published under before', () => {
		const stage = new FirstStage(data, 1);
		const renamed = data.events.find((event) => event.formerIds.length > 0);
		if (renamed) expect(stage.resolve(renamed.formerIds[0]!)).toBe(renamed.id);
		expect(stage.resolve(first!.id)).toBe(first!.id);
		expect(stage.resolve('no-such-event')).toBe('no-such-event');
	});

	it('once the live timeline is there, reads and opens through its state', () => {
		const view = new FirstStage(data, 1);
		view.open(first!.id, 'reader');
		const live = new TimelineState(data, null, 1);
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

	it('hands its open event over as its opener opened it: a reader\'s stays where the axis is, a link\'s is shown on it', () => {
		const view = new FirstStage(data, 1);
		expect(view.handover(false)).toBeNull();
		view.open(first!.id, 'reader');
		expect(view.handover(false)).toEqual({ id: first!.id, by: 'reader', focus: false });
		view.open(second!.id, 'link');
		expect(view.handover(true)).toEqual({ id: second!.id, by: 'link', focus: true });

		const live = () => {
			const state = new TimelineState(data, null, 1);
			state.view.resize(1000);
			return state;
		};
		const byReader = live();
		const before = byReader.view.transform;
		takeOver(byReader, { id: first!.id, by: 'reader', focus: false });
		expect(byReader.selection.selectedId).toBe(first!.id);
		expect(byReader.selection.focusOnOpen, 'focus stays where the reader has it').toBe(false);
		expect(byReader.view.transform).toEqual(before);
		const byLink = live();
		takeOver(byLink, { id: first!.id, by: 'link', focus: true });
		expect(byLink.selection.focusOnOpen).toBe(true);
		expect(byLink.view.transform).not.toEqual(before);
		// Nothing open in the first stage: what the URL opened in the live state is closed.
		takeOver(byLink, null);
		expect(byLink.selection.selectedId).toBeNull();
	});
});
