/**
 * The view as the page draws it, read from the axis: each tick carries its instant (data-time)
 * and is drawn at its x, so two ticks give the px → time mapping and the plot's width gives the
 * visible range. Tests compute what they expect with their own arithmetic (below, from the rules
 * the README gives for each gesture; never through the app's code) and compare with this.
 */
import { expect, type Frame, type Page } from '@playwright/test';

/** A page, or a frame (an embed's iframe): anything that can evaluate and locate. */
type Target = Page | Frame;

const DAY = 86_400_000;
/** The closest zoom spans a week (README). */
export const CLOSEST_SPAN = 7 * DAY;

export interface Range {
	/** First and last instant across the plot's width (UTC ms). */
	from: number;
	to: number;
}

export interface DrawnView extends Range {
	/** Width of the plot's drawing area (px). */
	width: number;
	/** Milliseconds per pixel. */
	msPerPx: number;
}

/** The visible range as drawn now. Wait for the view to settle first (`settled`). */
export async function drawnView(page: Target): Promise<DrawnView> {
	const view = await page.evaluate(() => {
		const plot = document.querySelector<HTMLElement>('.plot')!;
		const origin = plot.getBoundingClientRect().left + plot.clientLeft;
		const ticks = [...plot.querySelectorAll<HTMLElement>('.axis .tick[data-time]')].map((tick) => ({
			x: tick.getBoundingClientRect().left - origin,
			time: Date.parse(tick.dataset.time!)
		}));
		return { ticks, width: plot.clientWidth };
	});
	expect(view.ticks.length, 'the axis draws at least two ticks').toBeGreaterThanOrEqual(2);
	const first = view.ticks[0]!;
	const last = view.ticks.at(-1)!;
	const msPerPx = (last.time - first.time) / (last.x - first.x);
	const from = first.time - first.x * msPerPx;
	return { from, to: from + view.width * msPerPx, width: view.width, msPerPx };
}

/** Waits for `count` animation frames of the page (or frame). */
export async function frames(page: Target, count = 2): Promise<void> {
	await page.evaluate(
		(n) =>
			new Promise<void>((resolve) => {
				const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
				next(n);
			}),
		count
	);
}

/**
 * Waits until no zoom gesture or animation is under way, nor the plot's height easing to its
 * view's lanes beside the story (the plot's data-settled="true"). Two
 * frames first, so input just sent and the observers it sets off (a story step reaching the
 * reading line) have started what they start; two after, so what a settled view draws is on
 * screen. `message` names what was waited for, for the failure report.
 */
export async function settled(page: Target, message?: string): Promise<void> {
	// All in the page, one round trip: this runs after nearly every gesture.
	const still = await page.evaluate(async () => {
		const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
		const idle = () => document.querySelector<HTMLElement>('.plot')?.dataset.settled === 'true';
		await frame();
		await frame();
		// Up to 600 frames (10 s at 60 Hz); a zoom animation takes 250 ms, a wheel gesture ends 150 ms after its last event.
		for (let i = 0; i < 600 && !idle(); i++) await frame();
		if (!idle()) return false;
		await frame();
		await frame();
		return true;
	});
	expect(still, message ?? 'the view settles: no zoom gesture or animation under way (.plot[data-settled])').toBe(true);
}

/** The plot's drawing area in the viewport (left edge inside its border, top, width, height). */
export async function plotArea(page: Target): Promise<{ left: number; top: number; width: number; height: number }> {
	return page.evaluate(() => {
		const plot = document.querySelector<HTMLElement>('.plot')!;
		const box = plot.getBoundingClientRect();
		return { left: box.left + plot.clientLeft, top: box.top + plot.clientTop, width: plot.clientWidth, height: plot.clientHeight };
	});
}

// ---- The rules, as arithmetic on ranges ----

const span = (range: Range) => range.to - range.from;

/** A range of `length` ms starting at `from`, shifted (never shrunk) to stay inside `full`. */
export function inside(from: number, length: number, full: Range): Range {
	const kept = Math.min(length, span(full));
	const start = Math.max(full.from, Math.min(full.to - kept, from));
	return { from: start, to: start + kept };
}

/**
 * Zooming `view` by `factor` about the point `x` px from the plot's left edge: the instant under x
 * stays under x; the span stays between a week and the full range; the result is shifted inside.
 */
export function zoomedAbout(view: Range, factor: number, x: number, width: number, full: Range): Range {
	const length = Math.min(span(full), Math.max(CLOSEST_SPAN, span(view) / factor));
	const at = view.from + (x / width) * span(view);
	return inside(at - (x / width) * length, length, full);
}

/** The Zoom in / Zoom out buttons and the +/− keys: ×factor about the plot's centre. */
export function zoomedAboutCentre(view: Range, factor: number, width: number, full: Range): Range {
	return zoomedAbout(view, factor, width / 2, width, full);
}

/** Dragging the view by dx px: what was at x is now at x + dx (inside the full range). */
export function panned(view: Range, dx: number, width: number, full: Range): Range {
	return inside(view.from - dx * (span(view) / width), span(view), full);
}

/** A range asked for (a link's from/to): shown centred, at least a week, inside the full range. */
export function showing(from: number, to: number, full: Range): Range {
	const length = Math.min(span(full), Math.max(CLOSEST_SPAN, to - from));
	return inside((from + to) / 2 - length / 2, length, full);
}

/** d3-zoom's ctrl + wheel: 2^(−deltaY × 0.002 × 10) for a pixel-mode wheel (deltaMode 0). */
export const ctrlWheelFactor = (deltaY: number) => 2 ** (-deltaY * 0.002 * 10);

const iso = (ms: number) => new Date(ms).toISOString();

export interface ViewTolerance {
	/** How far each end may be from the expected instant, in pixels at the expected scale (default 1). */
	tolerancePx?: number;
	/** The same in ms, for gestures measured on another scale (the overview strip); wins over tolerancePx. */
	toleranceMs?: number;
	message?: string;
}

export function checkView(view: DrawnView, expected: Range, { tolerancePx = 1, toleranceMs, message = 'view' }: ViewTolerance) {
	const tolerance = toleranceMs ?? tolerancePx * (span(expected) / view.width);
	const allowed = toleranceMs === undefined ? `${tolerancePx} px` : `${Math.round(toleranceMs / 60_000)} min`;
	const where = `${message}: drawn ${iso(view.from)} – ${iso(view.to)}, expected ${iso(expected.from)} – ${iso(expected.to)} (± ${allowed})`;
	expect(Math.abs(view.from - expected.from), `${where}; start`).toBeLessThanOrEqual(tolerance);
	expect(Math.abs(view.to - expected.to), `${where}; end`).toBeLessThanOrEqual(tolerance);
}

/**
 * Waits for the view to settle and fails unless it is `expected` within the tolerance at both
 * ends. Retried until it matches (an animation lands a frame late under load), so it fails only
 * when the view never gets there. Returns the drawn view.
 */
export async function expectView(page: Target, expected: Range, tolerance: ViewTolerance = {}): Promise<DrawnView> {
	let view: DrawnView | undefined;
	await expect(async () => {
		await settled(page);
		view = await drawnView(page);
		checkView(view, expected, tolerance);
	}).toPass({ timeout: 10_000 });
	return view!;
}

/**
 * Fails unless the drawn view is `expected` within the tolerance, read once now, without waiting:
 * for views that must already be final (reduced motion) or must not have moved.
 */
export async function expectViewNow(page: Target, expected: Range, tolerance: ViewTolerance = {}): Promise<DrawnView> {
	const view = await drawnView(page);
	checkView(view, expected, tolerance);
	return view;
}

/**
 * Scrolls the page so that a story step's top sits just above the reading line, which the README
 * puts a third of the way down the part of the screen the sticky plot leaves free: below the plot
 * where it covers the story's column (phones), the whole height where the story has its own column.
 * Two passes: the first scroll may change what covers the story (the first view's plot, across
 * both columns, steps into its own column once it sticks).
 */
export async function bringToReadingLine(page: Page, id: string): Promise<void> {
	for (let pass = 0; pass < 2; pass++) {
		await page.evaluate((stepId) => {
			const step = document.querySelector(`[data-step-id="${CSS.escape(stepId)}"]`)!.getBoundingClientRect();
			// The block that sticks with the plot (plot, overview), in place before it sticks.
			const box = document.querySelector('.plot')!.closest('.sticky')!.getBoundingClientRect();
			const covered = box.right > step.left && box.left < step.right && box.top <= 0 ? box.bottom : 0;
			const line = covered + (innerHeight - covered) / 3;
			scrollTo(0, step.top + scrollY - line + 8);
		}, id);
		// Beside the story, the plot is across both columns until it sticks: wait for the switch.
		await page.waitForFunction(() => {
			const layout = document.querySelector('.layout.story');
			if (!layout || getComputedStyle(layout).display !== 'grid') return true;
			return layout.getBoundingClientRect().top <= 0 !== layout.classList.contains('across');
		});
	}
}
