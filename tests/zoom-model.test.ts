/**
 * Model-based test of zooming: a seeded random sequence of interactions (ctrl + wheel, pinch,
 * double-click, shift + double-click, drag, the zoom buttons, the plot's keys, the overview strip
 * and opening events), and after every step the view as drawn (tests/view.ts) is checked against
 * the product's rules and, where the outcome can be computed, against this file's own arithmetic:
 *
 * - the visible span lies between the closest zoom (a week) and the full range, inside the full range;
 * - "Zoom out" and "Reset" are enabled exactly when the view is narrower than the full range, and
 *   "Zoom in" is disabled exactly at the closest zoom;
 * - a zoom by f about a pointer keeps the instant under the pointer where it is, the span is held
 *   to [a week, the full range], and the window is then moved (not shrunk) to lie inside the data;
 * - an event just opened is drawn in the plot, and the details panel shows it.
 *
 * A failure names the seed, the step and the action: rerun with the same seed to replay it (the
 * sequence depends only on the seed and on what the page shows, which is deterministic).
 * Expectations come from this file's arithmetic, never from the app's code.
 */
import type { CDPSession, Page } from '@playwright/test';
import { expect, panel, plot, test } from './fixtures';
import { DAY, EVENTS, STORY_ORDER, period, type FullEvent } from './expected';
import { drawnView, plotArea, settled, type DrawnView } from './view';
import { prng } from '../scripts/bench/generate.mjs';

/** The product's rule: the closest zoom shows about a week (README; src/lib/timeline/zoom.ts says 7 days). */
const CLOSEST_SPAN = 7 * DAY;
/**
 * Tolerance of a computed view: 1.5 px of the view at each end (the axis is drawn at sub-pixel
 * positions, so drawnView is good to a small fraction of a pixel; a px of error is a real miss).
 */
const TOLERANCE_PX = 1.5;
/** Tolerance of a click on the overview strip: half a pixel of the strip (which spans the full range). */
const STRIP_TOLERANCE_PX = 0.5;
/** Tolerance of the brush's drawn position and width: 1 px of the strip. */
const BRUSH_TOLERANCE_PX = 1;
/** Tolerance of "inside the full range" and "between a week and the full range": 1 px of the drawn view. */
const LIMIT_TOLERANCE_PX = 1;
/**
 * The buttons judge "at the limit" with a margin of 0.1 % of the zoom factor (the product's own
 * rounding margin). Spans within 0.05 % of a limit must show the limit's state, spans 0.2 % or more
 * away the other state; between the two either is accepted, as drawnView cannot tell them apart.
 */
const AT_LIMIT = 0.0005;
const OFF_LIMIT = 0.002;
/** d3-zoom's wheel delta (node_modules/d3-zoom/dist/d3-zoom.mjs, defaultWheelDelta): pixels × 0.002, × 10 with ctrl. */
const wheelFactor = (deltaY: number) => 2 ** (-deltaY * 0.002 * 10);
/** d3-zoom ignores mousedown for 500 ms after a touchend (its touchDelay: mouse events emulated from touches). */
const TOUCH_DELAY_MS = 500;
/** Overview keys ←/→ move the window by a quarter of its width on the strip, at least 4 px (TimelineOverview). */
const BRUSH_KEY_SHARE = 0.25;
const BRUSH_KEY_MIN_PX = 4;
/** The overview's brush is never drawn narrower than this (px); dragging an edge stops there. */
const MIN_BRUSH_PX = 6;
/** "Show an event" pads it by a quarter of its length each side, at least ten days. */
const SHOW_PAD_SHARE = 0.25;
const SHOW_PAD_MIN = 10 * DAY;
/** The glyph of a point mark (px): the arrows count a mark as in view when its glyph is. */
const MARK_PX = 16;

/**
 * Share of wheel and pinch gestures that zoom in. Zooming out and Reset undo many steps at once, so
 * without a lean towards zooming in the walk would rarely get near the closest zoom (2^11 times the full view).
 */
const ZOOM_IN_SHARE = 0.75;
/** The keys pressed in the plot, in turn: each of + − 0 ← → within the first seven. */
const KEY_CYCLE = ['+', 'ArrowRight', 'ArrowLeft', '-', 'ArrowRight', '+', '0', 'ArrowLeft'] as const;
/**
 * How many times each kind of action occurs per seed (at least ten each; more double-clicks than
 * shift + double-clicks, for the same reason as ZOOM_IN_SHARE): 110 steps on /embed, 94 on /.
 */
const EMBED_DECK = {
	'ctrl-wheel': 12,
	pinch: 12,
	'double-click': 16,
	'shift-double-click': 10,
	drag: 10,
	button: 12,
	key: 14,
	overview: 12,
	open: 12
} as const;
type Kind = keyof typeof EMBED_DECK;
const KINDS = Object.keys(EMBED_DECK) as Kind[];
const HOME_DECK: Record<Kind, number> = { ...EMBED_DECK, 'ctrl-wheel': 10, pinch: 10, 'double-click': 13, button: 10, key: 11, overview: 10, open: 10 };

interface Range {
	from: number;
	to: number;
}

const iso = (ms: number) => new Date(Math.round(ms)).toISOString();
const show = (range: Range) => `${iso(range.from)} – ${iso(range.to)} (${((range.to - range.from) / DAY).toFixed(3)} days)`;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The model: a window of `span` starting at `from`, its span held to [a week, full], then moved inside the full range. */
function inside(full: Range, from: number, span: number): Range {
	const held = clamp(span, CLOSEST_SPAN, full.to - full.from);
	const start = clamp(from, full.from, full.to - held);
	return { from: start, to: start + held };
}
/** Zoom by `factor` (> 1 zooms in) about the point `px` px from the plot's left: the instant there stays there. */
function zoomAbout(full: Range, view: DrawnView, factor: number, px: number): Range {
	const at = view.from + px * view.msPerPx;
	const span = clamp((view.to - view.from) / factor, CLOSEST_SPAN, full.to - full.from);
	return inside(full, at - (px / view.width) * span, span);
}
/** The window showing [from, to]: centred on it, its span held to the limits, moved inside the data. */
function showing(full: Range, from: number, to: number): Range {
	const span = clamp(to - from, CLOSEST_SPAN, full.to - full.from);
	return inside(full, (from + to) / 2 - span / 2, span);
}
/** An event's extent: its date's period, to the end of its end date's period. */
function extent(event: FullEvent): Range {
	return { from: period(event.date)[0], to: period(event.end ?? event.date)[1] };
}

/** The plot's drawing area in page coordinates (what d3's pointer() measures from). */
async function plotBox(page: Page) {
	return page.evaluate(() => {
		const plot = document.querySelector<HTMLElement>('.plot')!;
		const rect = plot.getBoundingClientRect();
		return { left: rect.left + plot.clientLeft, top: rect.top + plot.clientTop, width: plot.clientWidth, height: plot.clientHeight };
	});
}

/** A point on the plot's background (no mark, span or cluster under it), or null after 40 tries. */
async function backgroundPoint(page: Page, random: () => number, margin = 12): Promise<{ x: number; y: number } | null> {
	const box = await plotBox(page);
	for (let i = 0; i < 40; i++) {
		const x = Math.round(box.left + margin + random() * (box.width - 2 * margin));
		const y = Math.round(box.top + 24 + random() * (box.height - 64));
		const free = await page.evaluate(([x, y]) => {
			const element = document.elementFromPoint(x!, y!);
			return !!element?.closest('.plot') && !element.closest('button, [role="menu"], dialog');
		}, [x, y]);
		if (free) return { x, y };
	}
	return null;
}

interface Step {
	kind: Kind;
	/** What was done, with its parameters, for the failure message. */
	label: string;
	/** The view this file computes, or null when the outcome is only checked against the rules. */
	expected: Range | null;
	/** Tolerance of `expected` (ms); defaults to TOLERANCE_PX of the expected view. */
	toleranceMs?: number;
	/** Checks that only this step needs, once the view has settled. */
	after?: () => Promise<void>;
	/** The view the action started from, when the action itself moved it first (scrolling the story). */
	before?: DrawnView;
}

/** The embed (the plot alone) and the full page (the plot above the story). */
const seeds = [
	{ seed: 20251017, path: '/embed', deck: EMBED_DECK },
	{ seed: 7919, path: '/', deck: HOME_DECK }
];

test.use({ viewport: { width: 1280, height: 800 }, hasTouch: true, reducedMotion: 'reduce' });

for (const { seed, path, deck: perKind } of seeds) {
	test(`zoom model: seed ${seed} on ${path}, ${KINDS.length} kinds of action`, async ({ page, context }) => {
		test.setTimeout(120_000);
		const random = prng(seed);
		const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
		const between = (lo: number, hi: number) => lo + random() * (hi - lo);

		// Wheel deltas the page has received (a wheel the browser splits arrives in parts) and the last touchend.
		await page.addInitScript(() => {
			const seen = { wheelDeltaY: 0, lastTouchEnd: -Infinity };
			Object.assign(window, { __zoomModel: seen });
			addEventListener('wheel', (event) => (seen.wheelDeltaY += event.deltaY), { capture: true, passive: true });
			addEventListener('touchend', () => (seen.lastTouchEnd = performance.now()), { capture: true, passive: true });
		});
		// The model's arithmetic is the time scale's (spacing.test.ts covers even spacing).
		await page.goto(`${path}?spacing=time`);
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
		const zoomOut = page.getByRole('button', { name: 'Zoom out', exact: true });
		const reset = page.getByRole('button', { name: 'Reset', exact: true });
		const strip = page.getByTestId('overview');
		const brush = strip.locator('.brush');
		const cdp: CDPSession = await context.newCDPSession(page);

		// The full range: the view after Reset (zoomed in first, as Reset is disabled at the full view).
		await zoomIn.click();
		await settled(page);
		await reset.click();
		await settled(page);
		const first = await drawnView(page);
		const full: Range = { from: first.from, to: first.to };
		const fullSpan = full.to - full.from;
		const width = first.width;
		// On the full page the plot has two widths: the first view's, across the page, and its own
		// column's once it sticks beside the story. The column's is read once here, in the story.
		let columnWidth = width;
		if (path === '/') {
			await page.evaluate(() => scrollTo(0, document.querySelector('section.list')!.getBoundingClientRect().top + scrollY + 400));
			await expect(page.locator('.layout.across')).toHaveCount(0);
			columnWidth = (await plotArea(page)).width;
			expect(columnWidth, 'the plot in its column is narrower than across the page').toBeLessThan(width);
			await page.evaluate(() => scrollTo(0, 0));
			await expect(page.locator('.layout.across')).toHaveCount(1);
			await settled(page);
		}
		for (const event of EVENTS) {
			const { from, to } = extent(event);
			expect(from, `the full range ${show(full)} holds ${event.id} (${event.date})`).toBeGreaterThanOrEqual(full.from);
			expect(to, `the full range ${show(full)} holds ${event.id} (${event.end ?? event.date})`).toBeLessThanOrEqual(full.to);
		}

		const wheelSeen = () => page.evaluate(() => (window as unknown as { __zoomModel: { wheelDeltaY: number } }).__zoomModel.wheelDeltaY);
		let wheelSent = 0;
		/** The variants of each kind that were done (touch and trackpad pinch, each key, each use of the overview). */
		const variants = new Set<string>();

		/** ctrl + wheel: real wheel events from the mouse with Control held. */
		async function ctrlWheel(view: DrawnView): Promise<Step> {
			const box = await plotBox(page);
			const px = Math.round(between(10, box.width - 10));
			const y = Math.round(box.top + between(30, box.height - 40));
			const deltaY = Math.round((random() < ZOOM_IN_SHARE ? -1 : 1) * between(10, 120));
			await page.mouse.move(box.left + px, y);
			await page.keyboard.down('Control');
			try {
				await page.mouse.wheel(0, deltaY);
			} finally {
				await page.keyboard.up('Control');
			}
			wheelSent += deltaY;
			// All of it has reached the page (the zoom state is up to date) before settled() is asked.
			await expect.poll(wheelSeen, { message: 'the wheel reached the page', intervals: [20] }).toBeCloseTo(wheelSent, 3);
			return { kind: 'ctrl-wheel', label: `ctrl+wheel deltaY=${deltaY} at x=${px}px`, expected: zoomAbout(full, view, wheelFactor(deltaY), px) };
		}

		let pinches = 0;
		/**
		 * Pinch, both ways a browser sends one, in turn: a touch pinch (two touch points through CDP's
		 * Input.dispatchTouchEvent, which drives d3-zoom's touch path reliably in headless Chromium;
		 * the context has touch, so d3-zoom listens for touches) and a trackpad pinch (Chrome sends it
		 * as wheel events with ctrlKey and small fractional deltas; dispatched here as such WheelEvents).
		 * A touch pinch by spreads s0 → s1 about x zooms by s1 / s0 about x.
		 */
		async function pinch(view: DrawnView): Promise<Step> {
			const box = await plotBox(page);
			const touch = pinches++ % 2 === 0;
			const zoomingIn = random() < ZOOM_IN_SHARE;
			if (touch) {
				const px = Math.round(between(80, box.width - 80));
				const y = Math.round(box.top + between(30, box.height - 40));
				const s0 = Math.round(between(20, 60));
				const s1 = Math.round(zoomingIn ? s0 * between(1.3, 3) : s0 / between(1.3, 3));
				const x = box.left + px;
				const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
					cdp.send('Input.dispatchTouchEvent', {
						type,
						touchPoints: type === 'touchEnd' ? [] : [{ x: x - spread, y, id: 1 }, { x: x + spread, y, id: 2 }]
					});
				await send('touchStart', s0);
				for (let i = 1; i <= 2; i++) await send('touchMove', Math.round(s0 + ((s1 - s0) * i) / 2));
				await send('touchEnd', 0);
				variants.add('touch pinch');
				return { kind: 'pinch', label: `touch pinch ${2 * s0}px → ${2 * s1}px about x=${px}px`, expected: zoomAbout(full, view, s1 / s0, px) };
			}
			const px = Math.round(between(10, box.width - 10));
			const y = Math.round(box.top + between(30, box.height - 40));
			const parts = Math.floor(between(3, 9));
			const delta = Math.round((zoomingIn ? -1 : 1) * between(1, 8) * 100) / 100;
			await page.evaluate(
				([x, y, delta, parts]) => {
					const target = document.elementFromPoint(x!, y!)!;
					for (let i = 0; i < parts!; i++)
						target.dispatchEvent(new WheelEvent('wheel', { deltaY: delta, deltaMode: 0, ctrlKey: true, clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true }));
				},
				[box.left + px, y, delta, parts]
			);
			wheelSent += delta * parts;
			variants.add('trackpad pinch');
			return {
				kind: 'pinch',
				label: `trackpad pinch (ctrl wheel) ${parts} × deltaY=${delta} at x=${px}px`,
				expected: zoomAbout(full, view, wheelFactor(delta * parts), px)
			};
		}

		async function doubleClick(view: DrawnView, shift: boolean): Promise<Step | null> {
			const point = await backgroundPoint(page, random);
			if (!point) return null;
			const box = await plotBox(page);
			const px = point.x - box.left;
			if (shift) await page.keyboard.down('Shift');
			try {
				await page.mouse.dblclick(point.x, point.y);
			} finally {
				if (shift) await page.keyboard.up('Shift');
			}
			return {
				kind: shift ? 'shift-double-click' : 'double-click',
				label: `${shift ? 'shift+' : ''}double-click on the background at x=${px}px`,
				expected: zoomAbout(full, view, shift ? 0.5 : 2, px)
			};
		}

		async function drag(view: DrawnView): Promise<Step | null> {
			const point = await backgroundPoint(page, random);
			if (!point) return null;
			const box = await plotBox(page);
			const dx = Math.round(pick([-1, 1]) * between(20, 400));
			const end = clamp(point.x + dx, 2, 1278);
			// Right after a touch pinch d3-zoom would drop the mousedown as a touch's emulated mouse event.
			await expect
				.poll(() => page.evaluate((delay) => performance.now() - (window as unknown as { __zoomModel: { lastTouchEnd: number } }).__zoomModel.lastTouchEnd > delay, TOUCH_DELAY_MS), {
					message: `${TOUCH_DELAY_MS} ms have passed since the last touch`,
					intervals: [50]
				})
				.toBe(true);
			await page.mouse.move(point.x, point.y);
			await page.mouse.down();
			await page.mouse.move(end, point.y + Math.round(between(-20, 20)), { steps: 4 });
			await page.mouse.up();
			const moved = end - point.x;
			return {
				kind: 'drag',
				label: `drag on the background from x=${point.x - box.left}px by ${moved}px`,
				expected: inside(full, view.from - moved * view.msPerPx, view.to - view.from)
			};
		}

		async function button(view: DrawnView): Promise<Step> {
			// Zoom in most often (Reset least), among the buttons enabled now.
			const choices: ['Zoom in' | 'Zoom out' | 'Reset', number | null][] = [];
			if (await zoomIn.isEnabled()) choices.push(['Zoom in', 2], ['Zoom in', 2], ['Zoom in', 2]);
			if (await zoomOut.isEnabled()) choices.push(['Zoom out', 0.5], ['Zoom out', 0.5]);
			if (await reset.isEnabled()) choices.push(['Reset', null]);
			const [name, factor] = pick(choices);
			await page.getByRole('button', { name, exact: true }).click();
			return { kind: 'button', label: `"${name}" button`, expected: factor ? zoomAbout(full, view, factor, view.width / 2) : full };
		}

		/** Focuses an event's mark in the plot (one in view if any), as a reader's Tab or click would; returns its id. */
		async function focusAMark(): Promise<string | null> {
			const ids = await page.evaluate(() => {
				const plot = document.querySelector<HTMLElement>('.plot')!.getBoundingClientRect();
				const marks = [...document.querySelectorAll<HTMLElement>('.plot [data-event-id]')];
				const inView = marks.filter((mark) => {
					const box = mark.getBoundingClientRect();
					return box.left >= plot.left && box.left + 16 <= plot.right;
				});
				return (inView.length ? inView : marks).map((mark) => mark.dataset.eventId!);
			});
			if (!ids.length) return null;
			const id = pick(ids);
			await page.evaluate((id) => document.querySelector<HTMLElement>(`.plot [data-event-id="${CSS.escape(id)}"]`)!.focus({ preventScroll: true }), id);
			return id;
		}

		let keys = 0;
		async function key(view: DrawnView): Promise<Step | null> {
			const id = await focusAMark();
			if (!id) return null;
			// Every key in turn (+ more often than − and 0, as with ZOOM_IN_SHARE).
			const name = KEY_CYCLE[keys++ % KEY_CYCLE.length]!;
			variants.add(`key ${name}`);
			if (name === '+' || name === '-' || name === '0') {
				await page.keyboard.press(name);
				return {
					kind: 'key',
					label: `key ${name} with focus on ${id}`,
					expected: name === '0' ? full : zoomAbout(full, view, name === '+' ? 2 : 0.5, view.width / 2)
				};
			}
			// ←/→ go to the previous/next event in time order; the view moves only when that event's
			// mark is not wholly in view (absent, folded into a cluster, or outside the plot), and then
			// to show the event with room around it.
			const index = STORY_ORDER.findIndex((event) => event.id === id);
			const next = STORY_ORDER[clamp(index + (name === 'ArrowRight' ? 1 : -1), 0, STORY_ORDER.length - 1)]!;
			const inView = await page.evaluate(
				([id, glyph]) => {
					const plot = document.querySelector<HTMLElement>('.plot')!.getBoundingClientRect();
					// The glyph's box: a label drawn on the glyph's left (near the right edge) starts the button.
					const mark = document.querySelector<HTMLElement>(`.plot [data-event-id="${CSS.escape(id!)}"]`);
					const box = (mark?.querySelector('.glyph') ?? mark)?.getBoundingClientRect();
					return !!box && box.left >= plot.left && box.left + (glyph as number) <= plot.right;
				},
				[next.id, MARK_PX] as const
			);
			await page.keyboard.press(name);
			const { from, to } = extent(next);
			const pad = Math.max(SHOW_PAD_MIN, (to - from) * SHOW_PAD_SHARE);
			return {
				kind: 'key',
				label: `key ${name} with focus on ${id} (to ${next.id}, ${inView ? 'in view' : 'not in view'})`,
				expected: inView ? { from: view.from, to: view.to } : showing(full, from - pad, to + pad),
				after: async () => {
					// Focus follows once the zoom has arrived: on the event's mark, or on the cluster it is folded into.
					await expect
						.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.eventId ?? (document.activeElement?.classList.contains('cluster') ? 'cluster' : document.activeElement?.tagName)), {
							message: `focus moves to ${next.id}`
						})
						.toMatch(new RegExp(`^(${next.id}|cluster)$`));
					const problem = await page.evaluate(() => {
						const element = document.activeElement as HTMLElement;
						const plot = document.querySelector<HTMLElement>('.plot')!.getBoundingClientRect();
						const box = element.getBoundingClientRect();
						const middle = box.left + Math.min(box.width, 16) / 2;
						return middle < plot.left || middle > plot.right ? `focused ${element.dataset.eventId ?? 'cluster'} at x=${Math.round(middle - plot.left)}px, outside the plot (0–${Math.round(plot.width)}px)` : null;
					});
					expect(problem, `the event focused with ${name} is shown in the plot`).toBeNull();
				}
			};
		}

		let overviews = 0;
		/** The overview strip: drag the brush (or its edge, where the grab lands on one), click the strip, or the brush's keys. */
		async function overview(view: DrawnView): Promise<Step | null> {
			const stripBox = (await strip.boundingBox())!;
			const brushBox = (await brush.boundingBox())!;
			const pxPerMs = width / fullSpan;
			// Where the window is on the strip, in the strip's pixels.
			const left = (view.from - full.from) * pxPerMs;
			const right = (view.to - full.from) * pxPerMs;
			const variant = (['drag', 'click', 'key'] as const)[overviews++ % 3]!;
			if (variant === 'click') {
				// A point of the strip outside the brush (and its edge handles).
				const free: number[] = [];
				for (let x = Math.ceil(stripBox.x + 2); x < stripBox.x + stripBox.width - 2; x++) if (x < brushBox.x - 8 || x > brushBox.x + brushBox.width + 8) free.push(x);
				if (free.length) {
					const x = pick(free);
					const y = stripBox.y + stripBox.height / 2;
					await page.mouse.click(x, y);
					variants.add('overview click');
					// The strip draws the full range across its inner width, from inside its border (as the brush and ticks are placed).
					const border = await strip.evaluate((element) => element.clientLeft);
					const at = full.from + (x - stripBox.x - border) / pxPerMs;
					return {
						kind: 'overview',
						label: `click on the overview strip at x=${(x - stripBox.x).toFixed(0)}px (outside the brush)`,
						expected: inside(full, at - (view.to - view.from) / 2, view.to - view.from),
						// A click lands on a whole pixel of the strip: its instant is known exactly, so half a
						// strip pixel (about a week here) is all the slack a reader's aim can claim.
						toleranceMs: STRIP_TOLERANCE_PX / pxPerMs
					};
				}
			}
			if (variant === 'key') {
				await brush.focus();
				const name = pick(['ArrowLeft', 'ArrowRight', 'ArrowLeft', 'ArrowRight', '+', '+', '-', '0'] as const);
				await page.keyboard.press(name);
				variants.add('overview key');
				const step = Math.max(BRUSH_KEY_MIN_PX, (right - left) * BRUSH_KEY_SHARE) / pxPerMs;
				const expected =
					name === '0'
						? full
						: name === '+' || name === '-'
							? zoomAbout(full, view, name === '+' ? 2 : 0.5, view.width / 2)
							: inside(full, view.from + (name === 'ArrowRight' ? step : -step), view.to - view.from);
				return { kind: 'overview', label: `overview brush key ${name}`, expected };
			}
			// Drag from the middle of the brush's part that is on screen; a narrow brush is mostly its edge handles.
			const x0 = Math.round(clamp(brushBox.x + brushBox.width / 2, stripBox.x + 3, stripBox.x + stripBox.width - 3));
			const y = Math.round(stripBox.y + stripBox.height / 2);
			const grip = await page.evaluate(([x, y]) => {
				const element = document.elementFromPoint(x!, y!) as HTMLElement | null;
				return element?.dataset.handle ?? (element?.closest('.brush') ? 'brush' : 'strip');
			}, [x0, y]);
			const dx = Math.round(pick([-1, 1]) * between(10, 300));
			const x1 = clamp(x0 + dx, 2, 1278);
			const moved = x1 - x0;
			await page.mouse.move(x0, y);
			await page.mouse.down();
			await page.mouse.move(x1, y, { steps: 3 });
			await page.mouse.up();
			variants.add('overview drag');
			const minMs = MIN_BRUSH_PX / pxPerMs;
			const movedMs = moved / pxPerMs;
			let expected: Range;
			if (grip === 'start') {
				const from = Math.min(view.from + movedMs, view.to - minMs);
				expected = showing(full, from, view.to);
			} else if (grip === 'end') {
				const to = Math.max(view.to + movedMs, view.from + minMs);
				expected = showing(full, view.from, to);
			} else if (grip === 'brush') {
				expected = inside(full, view.from + movedMs, view.to - view.from);
			} else {
				throw new Error(`the middle of the brush (x=${x0}) is not on the brush`);
			}
			return { kind: 'overview', label: `drag the overview brush (${grip === 'brush' ? 'its body' : `its ${grip} edge`}) by ${moved}px`, expected };
		}

		/** The event is drawn in the plot: its mark or span in the plot's box, or a cluster there that it is folded into. */
		async function expectDrawn(id: string, what: string) {
			const shown = await page.evaluate((id) => {
				const plot = document.querySelector<HTMLElement>('.plot')!.getBoundingClientRect();
				const within = (box: DOMRect) => box.right > plot.left && box.left < plot.right && box.bottom > plot.top && box.top < plot.bottom;
				const mark = document.querySelector<HTMLElement>(`.plot .mark[data-event-id="${CSS.escape(id)}"], .plot .span[data-event-id="${CSS.escape(id)}"]`);
				if (mark) return within(mark.getBoundingClientRect()) ? 'mark' : null;
				return [...document.querySelectorAll<HTMLElement>('.plot .cluster')].some((cluster) => within(cluster.getBoundingClientRect())) ? 'cluster' : null;
			}, id);
			expect(shown, `${id}, ${what}, is drawn in the plot`).not.toBeNull();
		}

		let opens = 0;
		async function open(view: DrawnView): Promise<Step | null> {
			if (path === '/' && opens++ % 2 === 0) {
				// From the story: "Show on timeline" zooms to the event with room around it, and opens it.
				// Scrolling the story to the button moves the axis to the step at the reading line first.
				const event = pick(EVENTS);
				const button = page.getByRole('button', { name: `Show on timeline: ${event.title}`, exact: true });
				await button.scrollIntoViewIfNeeded();
				await settled(page);
				const before = await drawnView(page);
				await button.click();
				variants.add('open from the story');
				const { from, to } = extent(event);
				const pad = Math.max(SHOW_PAD_MIN, (to - from) * SHOW_PAD_SHARE);
				return {
					kind: 'open',
					label: `open ${event.id} from the story ("Show on timeline")`,
					before,
					expected: showing(full, from - pad, to + pad),
					after: async () => {
						await expect(panel(page).locator(':is(h2, h3)#details-title'), `the panel shows ${event.id}`).toHaveText(event.title);
						await expectDrawn(event.id, 'just opened');
					}
				};
			}
			// A mark whose glyph is in the plot and not covered, clicked where a reader would.
			const targets = await page.evaluate(() => {
				const plot = document.querySelector<HTMLElement>('.plot')!.getBoundingClientRect();
				return [...document.querySelectorAll<HTMLElement>('.plot button.mark[data-event-id]')].flatMap((mark) => {
					const glyph = (mark.querySelector('.glyph') ?? mark).getBoundingClientRect();
					const x = glyph.left + glyph.width / 2;
					const y = glyph.top + glyph.height / 2;
					if (x < plot.left + 2 || x > plot.right - 2 || y < plot.top || y > plot.bottom) return [];
					return document.elementFromPoint(x, y)?.closest('button') === mark ? [{ id: mark.dataset.eventId!, x, y }] : [];
				});
			});
			if (!targets.length) return null;
			const target = pick(targets);
			const event = EVENTS.find((e) => e.id === target.id)!;
			await page.mouse.click(target.x, target.y);
			variants.add('open from the plot');
			return {
				kind: 'open',
				label: `open ${target.id} by clicking its mark`,
				expected: { from: view.from, to: view.to },
				after: async () => {
					await expect(panel(page).locator(':is(h2, h3)#details-title'), `the panel shows ${target.id}`).toHaveText(event.title);
					await expectDrawn(target.id, 'just opened');
				}
			};
		}

		const act: Record<Kind, (view: DrawnView) => Promise<Step | null>> = {
			'ctrl-wheel': ctrlWheel,
			pinch,
			'double-click': (view) => doubleClick(view, false),
			'shift-double-click': (view) => doubleClick(view, true),
			drag,
			button,
			key,
			overview,
			open
		};

		// The sequence: every kind as often as the deck says, shuffled (Fisher–Yates on the seed). An
		// action that cannot be done now (no mark in view to open or focus) goes back into the rest of
		// the deck, and a shift + double-click comes first.
		const deck: Kind[] = KINDS.flatMap((kind) => Array<Kind>(perKind[kind]).fill(kind));
		for (let i = deck.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1));
			[deck[i], deck[j]] = [deck[j]!, deck[i]!];
		}
		const counts = Object.fromEntries(KINDS.map((kind) => [kind, 0])) as Record<Kind, number>;
		const labels: string[] = [];
		let view = first;
		let deferred = 0;
		for (let n = 1; deck.length; n++) {
			const kind = deck.shift()!;
			let label = `seed ${seed} step ${n} (${kind})`;
			await test.step(label, async () => {
				try {
					// On the full page every step starts at the top, with the zoom buttons in view (a step
					// that opened an event scrolled the story to it). Jumping there moves no story step
					// past the reading line, so the axis stays where it was.
					if (path === '/' && (await page.evaluate(() => scrollY)) !== 0) {
						await page.evaluate(() => scrollTo(0, 0));
						await settled(page);
						const back = await drawnView(page);
						expect(Math.abs(back.from - view.from) + Math.abs(back.to - view.to), `scrolling back to the top keeps the view (${show(view)}, now ${show(back)})`).toBeLessThanOrEqual(2 * view.msPerPx);
						view = back;
					}
					const step = await act[kind](view);
					if (!step) {
						// Nothing to open or focus in view (a week with no event): zoom out first, and try again later.
						expect(++deferred, `${label}: too many actions could not be done`).toBeLessThan(60);
						deck.splice(Math.floor(random() * (deck.length + 1)), 0, kind);
						deck.unshift('shift-double-click');
						return;
					}
					label = `seed ${seed} step ${n}: ${step.label}`;
					labels.push(label);
					counts[kind]++;
					const before = step.before ?? view;

					await settled(page, 'the plot says it has settled (data-settled="true": no zoom under way)');
					view = await drawnView(page);
					const span = view.to - view.from;
					const slack = LIMIT_TOLERANCE_PX * view.msPerPx;
					const was = `(before: ${show(before)}; now: ${show(view)})`;
					// The plot keeps its width: the first view's, or its column's once an event opened from
					// the story has scrolled the page down.
					const across = (await page.locator('.layout.across').count()) > 0 || path !== '/';
					expect(view.width, `the plot keeps its ${across ? '' : "column's "}width ${was}`).toBe(across ? width : columnWidth);
					expect(span, `the span is no closer than a week ${was}`).toBeGreaterThanOrEqual(CLOSEST_SPAN - slack);
					expect(span, `the span is no wider than the full range ${show(full)} ${was}`).toBeLessThanOrEqual(fullSpan + slack);
					expect(view.from, `the view starts inside the full range ${show(full)} ${was}`).toBeGreaterThanOrEqual(full.from - slack);
					expect(view.to, `the view ends inside the full range ${show(full)} ${was}`).toBeLessThanOrEqual(full.to + slack);

					// The overview's brush is drawn over the part of the strip that the plot shows (at least MIN_BRUSH_PX wide).
					const drawnBrush = await page.evaluate(() => {
						const strip = document.querySelector<HTMLElement>('[data-testid="overview"]')!;
						const box = strip.querySelector('.brush')!.getBoundingClientRect();
						return { left: box.left - strip.getBoundingClientRect().left - strip.clientLeft, width: box.width };
					});
					const brushLeft = Math.max(0, ((view.from - full.from) / fullSpan) * view.width);
					const brushWidth = Math.max(MIN_BRUSH_PX, Math.min(view.width, ((view.to - full.from) / fullSpan) * view.width) - brushLeft);
					expect(Math.abs(drawnBrush.left - brushLeft), `the brush starts at ${brushLeft.toFixed(1)}px of the strip, drawn at ${drawnBrush.left.toFixed(1)}px ${was}`).toBeLessThanOrEqual(BRUSH_TOLERANCE_PX);
					expect(Math.abs(drawnBrush.width - brushWidth), `the brush is ${brushWidth.toFixed(1)}px wide, drawn ${drawnBrush.width.toFixed(1)}px ${was}`).toBeLessThanOrEqual(BRUSH_TOLERANCE_PX);

					const [zoomInOn, zoomOutOn, resetOn] = await Promise.all([zoomIn.isEnabled(), zoomOut.isEnabled(), reset.isEnabled()]);
					if (span <= CLOSEST_SPAN * (1 + AT_LIMIT)) expect(zoomInOn, `"Zoom in" is disabled at the closest zoom ${was}`).toBe(false);
					if (span >= CLOSEST_SPAN * (1 + OFF_LIMIT)) expect(zoomInOn, `"Zoom in" is enabled short of the closest zoom ${was}`).toBe(true);
					if (span >= fullSpan * (1 - AT_LIMIT)) {
						expect(zoomOutOn, `"Zoom out" is disabled at the full range ${was}`).toBe(false);
						expect(resetOn, `"Reset" is disabled at the full range ${was}`).toBe(false);
					}
					if (span <= fullSpan * (1 - OFF_LIMIT)) {
						expect(zoomOutOn, `"Zoom out" is enabled when the view is narrower than the full range ${was}`).toBe(true);
						expect(resetOn, `"Reset" is enabled when the view is narrower than the full range ${was}`).toBe(true);
					}

					if (step.expected) {
						const tolerance = step.toleranceMs ?? (TOLERANCE_PX * (step.expected.to - step.expected.from)) / width;
						const expectation = `expected ${show(step.expected)}, drawn ${show(view)}, before ${show(before)}; tolerance ${(tolerance / 60_000).toFixed(1)} min`;
						expect(Math.abs(view.from - step.expected.from), `the view's start: ${expectation}`).toBeLessThanOrEqual(tolerance);
						expect(Math.abs(view.to - step.expected.to), `the view's end: ${expectation}`).toBeLessThanOrEqual(tolerance);
					}
					await step.after?.();
				} catch (error) {
					if (error instanceof Error) error.message = `${label}\n${error.message}\nSteps so far:\n${labels.slice(-6).join('\n')}`;
					throw error;
				}
			});
		}

		for (const kind of KINDS) expect(counts[kind], `seed ${seed}: ${kind} occurred ${counts[kind]} times`).toBeGreaterThanOrEqual(10);
		expect(labels.length).toBeGreaterThanOrEqual(path === '/embed' ? 100 : 90);
		const wanted = ['touch pinch', 'trackpad pinch', ...new Set(KEY_CYCLE.map((name) => `key ${name}`)), 'overview drag', 'overview click', 'overview key', 'open from the plot'];
		if (path === '/') wanted.push('open from the story');
		expect(wanted.filter((variant) => !variants.has(variant)), `seed ${seed}: variants never done`).toEqual([]);
	});
}
