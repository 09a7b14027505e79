/**
 * The view as the page draws it, read from the axis (ranges.ts: each tick carries its instant and
 * is drawn at its x), waited for and compared in Playwright. Tests compute what they expect with
 * their own arithmetic (ranges.ts, from the rules the README gives for each gesture; never through
 * the app's code) and compare with this.
 */
import { expect, type Frame, type Page } from '@playwright/test';
import { axisInPage, pxTolerance, rangeText, viewFromAxis, type DrawnView, type Range } from './ranges';

export * from './ranges';

/** A page, or a frame (an embed's iframe): anything that can evaluate and locate. */
type Target = Page | Frame;

/** The visible range as drawn now. Wait for the view to settle first (`settled`). */
export async function drawnView(page: Target): Promise<DrawnView> {
	const view = viewFromAxis(await page.evaluate(axisInPage));
	expect(view, 'the axis draws at least two ticks').not.toBeNull();
	return view!;
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

/**
 * A ctrl + wheel of `deltaY` with the pointer at `x` px into the plot's drawing area, halfway down:
 * the gesture that zooms about the pointer. Returns that x.
 */
export async function ctrlWheelInPlot(page: Page, x: number, deltaY: number): Promise<number> {
	const area = await plotArea(page);
	await page.mouse.move(area.left + x, area.top + area.height / 2);
	await page.keyboard.down('Control');
	await page.mouse.wheel(0, deltaY);
	await page.keyboard.up('Control');
	return x;
}

/** Drags with the mouse from a point by dx pixels (steps: how many moves on the way); the pointer is left there. */
export async function mouseDrag(page: Page, from: { x: number; y: number }, dx: number, steps = 10): Promise<void> {
	// From a whole pixel, so the pointer moves by exactly dx.
	const [x, y] = [Math.round(from.x), Math.round(from.y)];
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx, y, { steps });
	await page.mouse.up();
}

/** The plot's drawing area in the viewport (left edge inside its border, top, width, height). */
export async function plotArea(page: Target): Promise<{ left: number; top: number; width: number; height: number }> {
	return page.evaluate(() => {
		const plot = document.querySelector<HTMLElement>('.plot')!;
		const box = plot.getBoundingClientRect();
		return { left: box.left + plot.clientLeft, top: box.top + plot.clientTop, width: plot.clientWidth, height: plot.clientHeight };
	});
}

export interface ViewTolerance {
	/** How far each end may be from the expected instant, in pixels at the expected scale (default 1). */
	tolerancePx?: number;
	/** The same in ms, for gestures measured on another scale (the overview strip); wins over tolerancePx. */
	toleranceMs?: number;
	message?: string;
}

export function checkView(view: DrawnView, expected: Range, { tolerancePx = 1, toleranceMs, message = 'view' }: ViewTolerance) {
	const tolerance = toleranceMs ?? pxTolerance(expected, view.width, tolerancePx);
	const allowed = toleranceMs === undefined ? `${tolerancePx} px` : `${Math.round(toleranceMs / 60_000)} min`;
	const where = `${message}: drawn ${rangeText(view)}, expected ${rangeText(expected)} (± ${allowed})`;
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
 */
export async function bringToReadingLine(page: Page, id: string): Promise<void> {
	await aimAtStep(page, id, 'reading line');
}

/** Scrolls the page so that a story step's top is at the screen's top (or as near as the page's end allows). */
export async function scrollToStep(page: Page, id: string): Promise<void> {
	await aimAtStep(page, id, 'top');
}

/**
 * Scrolls a step's top to the reading line or the screen's top, as a reader scrolling there ends.
 * Aimed again until it holds three times in a row: the first scroll may change what covers the
 * story (the first view's plot, across both columns, steps into its own column once it sticks),
 * and steps off screen skip layout (content-visibility) until the page nears them, so the steps a
 * jump passes take their real heights a frame or two after it.
 */
async function aimAtStep(page: Page, id: string, at: 'reading line' | 'top'): Promise<void> {
	for (let tries = 0, held = 0; tries < 30 && held < 3; tries++) {
		const moved = await page.evaluate(
			async ([stepId, place]) => {
				const step = document.querySelector(`[data-step-id="${CSS.escape(stepId)}"]`)!.getBoundingClientRect();
				// The block that sticks with the plot (plot, overview), in place before it sticks.
				const box = document.querySelector('.plot')!.closest('.sticky')!.getBoundingClientRect();
				const covered = box.right > step.left && box.left < step.right && box.top <= 0 ? box.bottom : 0;
				const line = place === 'top' ? 0 : covered + (innerHeight - covered) / 3 - 8;
				const before = scrollY;
				scrollTo(0, step.top + scrollY - line);
				await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
				return Math.abs(scrollY - before) >= 1;
			},
			[id, at] as const
		);
		// Beside the story, the plot is across both columns until it sticks: wait for the switch.
		await page.waitForFunction(() => {
			const layout = document.querySelector('.layout.story');
			if (!layout || getComputedStyle(layout).display !== 'grid') return true;
			return layout.getBoundingClientRect().top <= 0 !== layout.classList.contains('across');
		});
		held = moved ? 0 : held + 1;
		if (tries === 29 && held < 3) throw new Error(`the scroll to step ${id} never held still`);
	}
}
