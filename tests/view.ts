/**
 * The view as the page draws it, read from the axis: each tick carries its instant (data-time)
 * and is drawn at its x, so two ticks give the px → time mapping and the plot's width gives the
 * visible range. Tests compute what they expect with their own arithmetic and compare with this.
 */
import { expect, type Page } from '@playwright/test';

export interface DrawnView {
	/** First and last instant across the plot's width (UTC ms). */
	from: number;
	to: number;
	/** Width of the plot's drawing area (px). */
	width: number;
	/** Milliseconds per pixel. */
	msPerPx: number;
}

/** The visible range as drawn now. Wait for the view to settle first (`settled`). */
export async function drawnView(page: Page): Promise<DrawnView> {
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

/** Waits until no zoom gesture or animation is under way (the plot's data-settled); `message` names what was waited for. */
export async function settled(page: Page, message?: string): Promise<void> {
	await expect(page.locator('.plot'), message).toHaveAttribute('data-settled', 'true');
	// One more frame, so what a settled view draws is on screen.
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
