/**
 * The overview strip under the plot: the whole range, with a brush for the visible window.
 * Dragging the brush pans, dragging an edge resizes (zooms), clicking the strip outside the brush
 * centres the window there, and with focus ←/→ pan and +/− zoom.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, plot, settledRange, test, visibleRange } from './fixtures';

const DAY = 86_400_000;

/** The visible range as [first instant shown, end of the last unit shown] and the unit (ms). */
function parseRange(text: string): { from: number; to: number; unit: number } {
	const parts = text.split(' – ');
	expect(parts, `visible range "${text}"`).toHaveLength(2);
	let unit = DAY;
	const bounds = parts.map((part): [number, number] => {
		if (/^\d{4}$/.test(part)) {
			unit = 366 * DAY;
			return [Date.UTC(Number(part), 0, 1), Date.UTC(Number(part) + 1, 0, 1)];
		}
		const start = Date.parse(/^\d/.test(part) ? `${part} UTC` : `1 ${part} UTC`);
		expect(Number.isNaN(start), `a date in "${text}"`).toBe(false);
		if (/^\d/.test(part)) return [start, start + DAY];
		unit = 31 * DAY;
		const date = new Date(start);
		return [start, Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)];
	});
	return { from: bounds[0]![0], to: bounds[1]![0], unit };
}
const spanOf = (text: string) => {
	const { from, to } = parseRange(text);
	return to - from;
};

const strip = (page: Page) => page.getByTestId('overview');
const brush = (page: Page) => strip(page).getByRole('slider', { name: /^Visible window/ });
const handle = (page: Page, which: 'start' | 'end') => strip(page).locator(`span[data-handle="${which}"]`);

async function centreOf(locator: Locator) {
	const box = (await locator.boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Drags with the mouse from a point by dx pixels, in small steps. */
async function drag(page: Page, from: { x: number; y: number }, dx: number) {
	await page.mouse.move(from.x, from.y);
	await page.mouse.down();
	await page.mouse.move(from.x + dx, from.y, { steps: 10 });
	await page.mouse.up();
}

test.use({ reducedMotion: 'reduce' });

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	// Zoomed in a little, so the brush is narrower than the strip and can move both ways.
	const first = await settledRange(page);
	for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	await expect.poll(() => visibleRange(page)).not.toBe(first);
	// Scroll just enough for the sticky block (plot and strip) to stick at the top, so the whole
	// strip is in view; no story step reaches the reading line yet, so the axis stays put.
	const zoomed = await settledRange(page);
	await page.evaluate(() => {
		let element: HTMLElement | null = document.querySelector('[data-testid="overview"]');
		while (element && getComputedStyle(element).position !== 'sticky') element = element.parentElement;
		scrollTo(0, element!.getBoundingClientRect().top + scrollY);
	});
	await expect(strip(page)).toBeInViewport({ ratio: 1 });
	await page.waitForTimeout(100);
	await expect(page.locator('li.current')).toHaveCount(0);
	expect(await visibleRange(page)).toBe(zoomed);
});

test('the brush covers the part of the strip that the plot shows', async ({ page }) => {
	const strip_ = (await strip(page).boundingBox())!;
	const { box } = await centreOf(brush(page));
	expect(box.width).toBeLessThan(strip_.width / 2);
	expect(box.x).toBeGreaterThan(strip_.x);
	expect(box.x + box.width).toBeLessThan(strip_.x + strip_.width);
	// Its value names the visible window's years.
	const { from } = parseRange(await visibleRange(page));
	await expect(brush(page)).toHaveAttribute('aria-valuenow', String(new Date(from).getUTCFullYear()));
});


test('dragging the brush pans the axis and keeps the span', async ({ page }) => {
	const before = await settledRange(page);
	const centre = await centreOf(brush(page));
	await drag(page, centre, 120);
	await expect.poll(() => visibleRange(page)).not.toBe(before);
	const after = await settledRange(page);
	const a = parseRange(before);
	const b = parseRange(after);
	expect(b.from).toBeGreaterThan(a.from);
	expect(b.to).toBeGreaterThan(a.to);
	expect(Math.abs(spanOf(after) - spanOf(before))).toBeLessThanOrEqual(a.unit);
	// The brush moved with the pointer (polled: under load the last pointer move renders a frame later).
	await expect.poll(async () => Math.abs((await centreOf(brush(page))).x - (centre.x + 120))).toBeLessThanOrEqual(3);
	const moved = await centreOf(brush(page));

	// And back the other way.
	await drag(page, moved, -240);
	await expect.poll(() => visibleRange(page)).not.toBe(after);
	const back = await settledRange(page);
	expect(parseRange(back).from).toBeLessThan(a.from);
	expect(Math.abs(spanOf(back) - spanOf(before))).toBeLessThanOrEqual(a.unit);
});

test('dragging the brush pans the plot: the marks move the other way', async ({ page }) => {
	const positions = () =>
		plot(page)
			.locator('button.mark[data-event-id]')
			.evaluateAll((marks) => Object.fromEntries(marks.map((m) => [m.getAttribute('data-event-id')!, m.getBoundingClientRect().left])));
	// First centre the window on the busy recent years (the last fifth of the strip).
	const stripBox = (await strip(page).boundingBox())!;
	const start = await settledRange(page);
	await page.mouse.click(stripBox.x + stripBox.width * 0.85, stripBox.y + stripBox.height / 2);
	await expect.poll(() => visibleRange(page)).not.toBe(start);
	const before = await settledRange(page);
	const marksBefore = await positions();
	expect(Object.keys(marksBefore).length).toBeGreaterThan(0);
	const centre = await centreOf(brush(page));
	// A small drag to the left (earlier): the window moves back in time, so the marks move right.
	await drag(page, centre, -20);
	await expect.poll(() => visibleRange(page)).not.toBe(before);
	const marksAfter = await positions();
	const common = Object.keys(marksBefore).filter((id) => id in marksAfter);
	expect(common.length).toBeGreaterThan(0);
	for (const id of common) expect(marksAfter[id]!, id).toBeGreaterThan(marksBefore[id]! + 20);
	// All by the same distance: a pan, not a zoom.
	const shifts = common.map((id) => marksAfter[id]! - marksBefore[id]!);
	expect(Math.max(...shifts) - Math.min(...shifts)).toBeLessThanOrEqual(2);
});

test('dragging the end handle zooms: the span grows and the start stays', async ({ page }) => {
	const before = await settledRange(page);
	const end = await centreOf(handle(page, 'end'));
	await drag(page, end, 100);
	await expect.poll(() => visibleRange(page)).not.toBe(before);
	const after = await settledRange(page);
	expect(spanOf(after)).toBeGreaterThan(spanOf(before));
	expect(Math.abs(parseRange(after).from - parseRange(before).from)).toBeLessThanOrEqual(parseRange(before).unit);

	// Dragging it back in narrows the window again.
	const end2 = await centreOf(handle(page, 'end'));
	await drag(page, end2, -150);
	await expect.poll(async () => spanOf(await visibleRange(page))).toBeLessThan(spanOf(after));
});

test('dragging the start handle zooms: the span changes and the end stays', async ({ page }) => {
	const before = await settledRange(page);
	const start = await centreOf(handle(page, 'start'));
	await drag(page, start, 80);
	await expect.poll(() => visibleRange(page)).not.toBe(before);
	const after = await settledRange(page);
	expect(spanOf(after)).toBeLessThan(spanOf(before));
	expect(Math.abs(parseRange(after).to - parseRange(before).to)).toBeLessThanOrEqual(parseRange(before).unit);
});

test('clicking the strip outside the brush centres the window there', async ({ page }) => {
	const before = await settledRange(page);
	const stripBox = (await strip(page).boundingBox())!;
	const { box } = await centreOf(brush(page));
	// A point well right of the brush, with room for the window around it.
	const x = Math.min(stripBox.x + stripBox.width - box.width / 2 - 10, box.x + box.width + 150);
	expect(x).toBeGreaterThan(box.x + box.width + 20);
	await page.mouse.click(x, stripBox.y + stripBox.height / 2);
	await expect.poll(() => visibleRange(page)).not.toBe(before);
	const after = await settledRange(page);
	expect(parseRange(after).from).toBeGreaterThan(parseRange(before).from);
	expect(Math.abs(spanOf(after) - spanOf(before))).toBeLessThanOrEqual(parseRange(before).unit);
	const moved = await centreOf(brush(page));
	expect(Math.abs(moved.x - x)).toBeLessThanOrEqual(3);
	expect(Math.abs(moved.box.width - box.width)).toBeLessThanOrEqual(2);
});

test('with focus on the brush, ←/→ pan and + / − zoom', async ({ page }) => {
	const scrolled = await page.evaluate(() => scrollY);
	await brush(page).focus();
	await expect(brush(page)).toBeFocused();
	const before = await settledRange(page);
	const a = parseRange(before);

	await page.keyboard.press('ArrowRight');
	await expect.poll(() => visibleRange(page)).not.toBe(before);
	const right = await settledRange(page);
	expect(parseRange(right).from).toBeGreaterThan(a.from);
	expect(Math.abs(spanOf(right) - spanOf(before))).toBeLessThanOrEqual(a.unit);

	await page.keyboard.press('ArrowLeft');
	await expect.poll(() => visibleRange(page)).toBe(before);
	await page.keyboard.press('ArrowLeft');
	await expect.poll(() => visibleRange(page)).not.toBe(before);
	const left = await settledRange(page);
	expect(parseRange(left).from).toBeLessThan(a.from);
	expect(Math.abs(spanOf(left) - spanOf(before))).toBeLessThanOrEqual(a.unit);

	await page.keyboard.press('+');
	await expect.poll(async () => spanOf(await visibleRange(page))).toBeLessThan(spanOf(left));
	const zoomed = await settledRange(page);
	await page.keyboard.press('-');
	await expect.poll(async () => spanOf(await visibleRange(page))).toBeGreaterThan(spanOf(zoomed));
	// The keys kept the brush focused, and never scrolled the page.
	await expect(brush(page)).toBeFocused();
	expect(await page.evaluate(() => scrollY)).toBe(scrolled);
});
