// @vitest-environment jsdom
/**
 * The zoom wiring with real d3-zoom on a jsdom element, as d3-zoom tests its own: each input
 * (commands, double-click, ctrl + wheel, drag) and the exact transform it must end in, computed
 * here from the domain and the plot's width. jsdom lays nothing out, so the plot's box is at 0 and
 * an event's clientX is its x in the plot.
 */
import { zoomTransform } from 'd3-zoom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TimelineView } from '$lib/state/view.svelte';
import { zoomable } from './zoomable';

const utc = (year: number, month = 0, day = 1) => new Date(Date.UTC(year, month, day));
const DAY = 86_400_000;
const DOMAIN: [Date, Date] = [utc(1991), utc(2026)];
const SPAN = DOMAIN[1].getTime() - DOMAIN[0].getTime();
const WIDTH = 1200;
/** The closest zoom shows a week: k at most the domain's span over seven days. */
const K_MAX = SPAN / (7 * DAY);
const px = (date: Date) => ((date.getTime() - DOMAIN[0].getTime()) / SPAN) * WIDTH;

let node: HTMLElement;
let view: TimelineView;
let action: ReturnType<typeof zoomable>;

function mount(animate = false) {
	node = document.createElement('div');
	document.body.append(node);
	view = new TimelineView(DOMAIN);
	view.resize(WIDTH);
	action = zoomable(node, { view, animate });
}

/** The transform d3-zoom holds and the one the view reports are one and the same. */
function expectTransform(k: number, x: number) {
	const held = zoomTransform(node);
	expect(held.k).toBeCloseTo(k, 9);
	expect(held.x).toBeCloseTo(x, 6);
	expect(view.transform.k).toBe(held.k);
	expect(view.transform.x).toBe(held.x);
}

/**
 * d3-zoom follows a drag on the event's window (event.view); jsdom's constructors refuse vitest's
 * window proxy as `view`, so it is set on the event afterwards.
 */
function withView<E extends Event>(event: E): E {
	Object.defineProperty(event, 'view', { value: window });
	return event;
}
const mouse = (type: string, clientX: number, init: MouseEventInit = {}) =>
	withView(new MouseEvent(type, { bubbles: true, cancelable: true, clientX, clientY: 10, ...init }));

afterEach(() => {
	action.destroy();
	node.remove();
});

describe('commands (buttons, keys, links, overview, camera)', () => {
	beforeEach(() => mount());

	it('starts at the whole domain: k = 1, x = 0', () => expectTransform(1, 0));

	it('zoomBy(2) zooms about the centre: k = 2, x = -600; zoomBy(0.5) is back at the whole domain', () => {
		view.zoomBy(2);
		expectTransform(2, WIDTH / 2 - (WIDTH / 2) * 2);
		view.zoomBy(0.5);
		expectTransform(1, 0);
	});

	it('zoomBy(0.5) at the whole domain stays there, and "Zoom out" has nothing to do', () => {
		view.zoomBy(0.5);
		expectTransform(1, 0);
		expect(view.isZoomed).toBe(false);
	});

	it('zoomBy(1e9) stops at a week, centred; "Zoom in" is then off', () => {
		view.zoomBy(1e9);
		expectTransform(K_MAX, WIDTH / 2 - (WIDTH / 2) * K_MAX);
		expect(view.canZoomIn).toBe(false);
		expect(view.isZoomed).toBe(true);
	});

	it('showRange(2013) shows exactly 2013', () => {
		view.showRange(utc(2013), utc(2014), false);
		const k = WIDTH / (px(utc(2014)) - px(utc(2013)));
		expectTransform(k, -px(utc(2013)) * k);
		expect(view.range.map((d) => d.getTime())).toEqual([utc(2013).getTime(), utc(2014).getTime()].map((t) => expect.closeTo(t, -4)));
	});

	it('showRange(1985 – 1995) keeps its span but slides right to start at the domain (d3-zoom constrain)', () => {
		view.showRange(utc(1985), utc(1995), false);
		const k = WIDTH / (px(utc(1995)) - px(utc(1985)));
		expectTransform(k, 0);
	});

	it('showRange(2024 – 2030) slides left to end at the domain', () => {
		view.showRange(utc(2024), utc(2030), false);
		const k = WIDTH / (px(utc(2030)) - px(utc(2024)));
		expectTransform(k, WIDTH - WIDTH * k);
	});

	it('showRange(1970 – 2050) is the whole domain; showRange(one day) is the closest zoom centred on it', () => {
		view.showRange(utc(1970), utc(2050), false);
		expectTransform(1, 0);
		view.showRange(utc(2025, 0, 17), utc(2025, 0, 18), false);
		const centre = (px(utc(2025, 0, 17)) + px(utc(2025, 0, 18))) / 2;
		expectTransform(K_MAX, WIDTH / 2 - centre * K_MAX);
	});

	it('a range asked for before the plot is drawn is shown when it is (a link opened cold)', () => {
		action.destroy();
		view = new TimelineView(DOMAIN);
		view.showRange(utc(2013), utc(2014), false);
		view.resize(WIDTH);
		action = zoomable(node, { view, animate: false });
		const k = WIDTH / (px(utc(2014)) - px(utc(2013)));
		expectTransform(k, -px(utc(2013)) * k);
	});

	it('a resize keeps the dates in view', () => {
		view.showRange(utc(2013), utc(2014), false);
		view.resize(600);
		const [from, to] = view.range;
		expect(from.getTime()).toBeCloseTo(utc(2013).getTime(), -4);
		expect(to.getTime()).toBeCloseTo(utc(2014).getTime(), -4);
	});
});

describe('gestures', () => {
	beforeEach(() => mount());

	it('double-click at 300 px zooms ×2 about it: k = 2, x = -300', () => {
		node.dispatchEvent(mouse('dblclick', 300));
		expectTransform(2, 300 - 300 * 2);
	});

	it('shift + double-click at the whole domain stays at the whole domain (it used to show 1988 – 2062)', () => {
		node.dispatchEvent(mouse('dblclick', 300, { shiftKey: true }));
		expectTransform(1, 0);
	});

	it('shift + double-click near the end zooms out and stays inside the data (it used to run past it)', () => {
		view.showRange(utc(2024), utc(2026), false);
		const k = WIDTH / (px(utc(2026)) - px(utc(2024)));
		node.dispatchEvent(mouse('dblclick', 100, { shiftKey: true }));
		expectTransform(k / 2, WIDTH - WIDTH * (k / 2));
	});

	it('double-click at the closest zoom stays at the closest zoom (it used to reach a single day)', () => {
		view.zoomBy(1e9);
		const before = zoomTransform(node);
		node.dispatchEvent(mouse('dblclick', 200));
		expectTransform(K_MAX, before.x);
	});

	it('double-clicking a mark does not zoom', () => {
		const button = document.createElement('button');
		node.append(button);
		button.dispatchEvent(mouse('dblclick', 300));
		expectTransform(1, 0);
	});

	it('ctrl + wheel (deltaY -100) zooms ×4 about the pointer, as d3-zoom computes a pinch: 2^(100 × 0.002 × 10)', () => {
		node.dispatchEvent(withView(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -100, ctrlKey: true, clientX: 600 })));
		expectTransform(4, 600 - 600 * 4);
	});

	it('a plain wheel is left to the page', () => {
		const wheel = withView(new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: -100, clientX: 600 }));
		node.dispatchEvent(wheel);
		expectTransform(1, 0);
		expect(wheel.defaultPrevented).toBe(false);
	});

	it('dragging 100 px left pans the view 100 px; dragging past the start stops at it', () => {
		view.zoomBy(4);
		const x0 = zoomTransform(node).x;
		node.dispatchEvent(mouse('mousedown', 600));
		window.dispatchEvent(mouse('mousemove', 500));
		window.dispatchEvent(mouse('mouseup', 500));
		expectTransform(4, x0 - 100);
		node.dispatchEvent(mouse('mousedown', 100));
		window.dispatchEvent(mouse('mousemove', 5000));
		window.dispatchEvent(mouse('mouseup', 5000));
		expectTransform(4, 0);
	});
});

describe('animated commands', () => {
	beforeEach(() => mount(true));

	it('three quick presses of Zoom in zoom ×8: each starts from where the last is heading', async () => {
		view.zoomBy(2);
		view.zoomBy(2);
		view.zoomBy(2);
		expect(view.busy).toBe(true);
		await view.whenSettled();
		expectTransform(8, WIDTH / 2 - (WIDTH / 2) * 8);
		expect(view.busy).toBe(false);
	});
});

describe('a resize during an animation', () => {
	beforeEach(() => mount(true));

	it('keeps the range the view was heading for (a link to an event opened on a phone)', async () => {
		view.showRange(utc(2013), utc(2014));
		view.resize(360);
		await view.whenSettled();
		const [from, to] = view.range;
		expect(from.getTime()).toBeCloseTo(utc(2013).getTime(), -4);
		expect(to.getTime()).toBeCloseTo(utc(2014).getTime(), -4);
	});
});
