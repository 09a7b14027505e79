/**
 * The overview strip under the plot: the whole range, with a brush for the visible window.
 * Dragging the brush pans, dragging an edge resizes (zooms), clicking the strip outside the brush
 * centres the window there, and with focus ←/→ pan and +/− zoom.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, plot, test } from './fixtures';
import { drawnView, expectView, expectViewNow, mouseDrag, settled, showing, zoomedAboutCentre, type DrawnView, type Range } from './view';

const strip = (page: Page) => page.getByTestId('overview');
const brush = (page: Page) => strip(page).getByRole('slider', { name: /^Visible window/ });
const handle = (page: Page, which: 'start' | 'end') => strip(page).locator(`span[data-handle="${which}"]`);

async function centreOf(locator: Locator) {
	const box = (await locator.boundingBox())!;
	return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/**
 * The strip draws the whole range across the plot's width, from its left edge: a strip pixel is
 * (full span / width) ms, at least eight view pixels here. Gestures on the strip are measured in
 * strip pixels, so each end may be off by a strip pixel and a half (the edge of its border).
 */
const STRIP_TOLERANCE_PX = 1.5;

/** The whole range (the first view) and the view each test starts from (zoomed ×8 about the centre). */
let full: DrawnView;
let start: DrawnView;
const stripMs = () => (full.to - full.from) / full.width;
const stripTolerance = (message: string) => ({ toleranceMs: STRIP_TOLERANCE_PX * stripMs(), message });
/** The instant at a viewport x over the strip. */
async function instantAt(page: Page, x: number) {
	const left = (await strip(page).boundingBox())!.x;
	return full.from + (x - left) * stripMs();
}
const spanOf = (range: Range) => range.to - range.from;

test.use({ reducedMotion: 'reduce' });

// The strip's arithmetic below is the time scale's (spacing.test.ts covers even spacing).
test.beforeEach(async ({ page }) => {
	await page.goto('/?spacing=time');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	await settled(page);
	full = await drawnView(page);
	// Zoomed in a little, so the brush is narrower than the strip and can move both ways.
	for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
	const zoomed = zoomedAboutCentre(zoomedAboutCentre(zoomedAboutCentre(full, 2, full.width, full), 2, full.width, full), 2, full.width, full);
	start = await expectView(page, zoomed, { message: '3 × Zoom in' });
	// The first view fits the screen, strip included (the plot gives up lanes to fit above the
	// fold), so the strip is used where the page opens; scrolling would move the plot into its
	// column beside the story.
	await expect(strip(page)).toBeInViewport({ ratio: 1 });
	await settled(page);
	await expect(page.locator('li.current')).toHaveCount(0);
	await expectViewNow(page, start, { tolerancePx: 0.01, message: 'the first view, 3 × zoomed in' });
});

test('the brush covers the part of the strip that the plot shows', async ({ page }) => {
	const strip_ = (await strip(page).boundingBox())!;
	const { box } = await centreOf(brush(page));
	// Drawn from the strip's inner edge (inside its 1 px border), the view's range on the strip's scale.
	const left = strip_.x + 1 + (start.from - full.from) / stripMs();
	const width = spanOf(start) / stripMs();
	expect(Math.abs(box.x - left), `brush at x ${box.x}, expected ${left}`).toBeLessThanOrEqual(STRIP_TOLERANCE_PX);
	expect(Math.abs(box.width - width), `brush ${box.width} px wide, expected ${width}`).toBeLessThanOrEqual(STRIP_TOLERANCE_PX);
	// Its value names the visible window's first year.
	await expect(brush(page)).toHaveAttribute('aria-valuenow', String(new Date(start.from).getUTCFullYear()));
});

test('dragging the brush pans the axis by the drag on the strip’s scale and keeps the span', async ({ page }) => {
	const centre = await centreOf(brush(page));
	await mouseDrag(page, centre, 120);
	const after = await expectView(page, showing(start.from + 120 * stripMs(), start.to + 120 * stripMs(), full), stripTolerance('brush dragged +120 px'));
	expect(Math.abs(spanOf(after) - spanOf(start)), 'the span is kept').toBeLessThanOrEqual(after.msPerPx);
	// The brush moved with the pointer (polled: under load the last pointer move renders a frame later).
	await expect.poll(async () => Math.abs((await centreOf(brush(page))).x - (centre.x + 120))).toBeLessThanOrEqual(3);
	const moved = await centreOf(brush(page));

	// And back the other way.
	await mouseDrag(page, moved, -240);
	const back = await expectView(page, showing(after.from - 240 * stripMs(), after.to - 240 * stripMs(), full), stripTolerance('brush dragged −240 px'));
	expect(Math.abs(spanOf(back) - spanOf(start)), 'the span is kept').toBeLessThanOrEqual(back.msPerPx);
});

test('dragging the brush pans the plot: the marks move the other way, all by the same distance', async ({ page }) => {
	const positions = () =>
		plot(page)
			.locator('button.mark[data-event-id] .glyph')
			// The glyph, not the button: a label near the plot's right edge may be drawn on its left.
			.evaluateAll((glyphs) => Object.fromEntries(glyphs.map((g) => [g.closest('[data-event-id]')!.getAttribute('data-event-id')!, g.getBoundingClientRect().left])));
	// First centre the window on the busy recent years (the last fifth of the strip).
	const stripBox = (await strip(page).boundingBox())!;
	const x = Math.round(stripBox.x + stripBox.width * 0.85);
	const at = await instantAt(page, x);
	await page.mouse.click(x, Math.round(stripBox.y + stripBox.height / 2));
	const centred = await expectView(page, showing(at - spanOf(start) / 2, at + spanOf(start) / 2, full), stripTolerance('strip clicked at 85 %'));
	const marksBefore = await positions();
	expect(Object.keys(marksBefore).length).toBeGreaterThan(0);
	const centre = await centreOf(brush(page));
	// A small drag to the left (earlier): the window moves back 20 strip px, so the marks move right
	// by as many view px as 20 strip px hold.
	await mouseDrag(page, centre, -20);
	const panned = await expectView(page, showing(centred.from - 20 * stripMs(), centred.to - 20 * stripMs(), full), stripTolerance('brush dragged −20 px'));
	const shift = (centred.from - panned.from) / centred.msPerPx;
	expect(shift, 'the view moved back, by more than the 20 px the brush moved').toBeGreaterThan(20);
	const marksAfter = await positions();
	const common = Object.keys(marksBefore).filter((id) => id in marksAfter);
	expect(common.length).toBeGreaterThan(0);
	// Every mark moved right by the view's shift (± 2 px): a pan, not a zoom.
	for (const id of common) expect(Math.abs(marksAfter[id]! - marksBefore[id]! - shift), `${id} moved by ${marksAfter[id]! - marksBefore[id]!} px, the view by ${shift}`).toBeLessThanOrEqual(2);
});

test('dragging the end handle zooms: the end follows the pointer on the strip’s scale and the start stays', async ({ page }) => {
	const end = await centreOf(handle(page, 'end'));
	await mouseDrag(page, end, 100);
	const after = await expectView(page, showing(start.from, start.to + 100 * stripMs(), full), stripTolerance('end handle dragged +100 px'));
	expect(spanOf(after)).toBeGreaterThan(spanOf(start));

	// Dragging it back in narrows the window again.
	const end2 = await centreOf(handle(page, 'end'));
	await mouseDrag(page, end2, -150);
	await expectView(page, showing(after.from, after.to - 150 * stripMs(), full), stripTolerance('end handle dragged −150 px'));
});

test('dragging the start handle zooms: the start follows the pointer on the strip’s scale and the end stays', async ({ page }) => {
	const handleStart = await centreOf(handle(page, 'start'));
	await mouseDrag(page, handleStart, 80);
	const after = await expectView(page, showing(start.from + 80 * stripMs(), start.to, full), stripTolerance('start handle dragged +80 px'));
	expect(spanOf(after)).toBeLessThan(spanOf(start));
});

test('clicking the strip outside the brush centres the window there', async ({ page }) => {
	const stripBox = (await strip(page).boundingBox())!;
	const { box } = await centreOf(brush(page));
	// A point well right of the brush, with room for the window around it.
	const x = Math.round(Math.min(stripBox.x + stripBox.width - box.width / 2 - 10, box.x + box.width + 150));
	expect(x).toBeGreaterThan(box.x + box.width + 20);
	const at = await instantAt(page, x);
	await page.mouse.click(x, Math.round(stripBox.y + stripBox.height / 2));
	await expectView(page, showing(at - spanOf(start) / 2, at + spanOf(start) / 2, full), stripTolerance('strip clicked right of the brush'));
	const moved = await centreOf(brush(page));
	expect(Math.abs(moved.x - x)).toBeLessThanOrEqual(3);
	expect(Math.abs(moved.box.width - box.width)).toBeLessThanOrEqual(2);
});

test('with focus on the brush, ←/→ pan by one step each way and + / − zoom ×2 / ×½ about the centre', async ({ page }) => {
	const scrolled = await page.evaluate(() => scrollY);
	await brush(page).focus();
	await expect(brush(page)).toBeFocused();

	// → pans later by a step: measured once, then ← must undo it exactly and pan as far again.
	await page.keyboard.press('ArrowRight');
	await expect.poll(async () => (await drawnView(page)).from, '→ pans').toBeGreaterThan(start.from + start.msPerPx);
	await settled(page);
	const right = await drawnView(page);
	const step = right.from - start.from;
	expect(step, 'a step of → is less than half the window').toBeLessThanOrEqual(spanOf(start) / 2);
	await expectViewNow(page, { from: start.from + step, to: start.to + step }, { message: '→ keeps the span' });

	await page.keyboard.press('ArrowLeft');
	await expectView(page, start, { message: '← after →' });
	await page.keyboard.press('ArrowLeft');
	const left = await expectView(page, showing(start.from - step, start.to - step, full), { message: '← again' });

	await page.keyboard.press('+');
	const zoomed = await expectView(page, zoomedAboutCentre(left, 2, full.width, full), { message: '+' });
	await page.keyboard.press('-');
	await expectView(page, zoomedAboutCentre(zoomed, 1 / 2, full.width, full), { message: '−' });
	// The keys kept the brush focused, and never scrolled the page.
	await expect(brush(page)).toBeFocused();
	expect(await page.evaluate(() => scrollY)).toBe(scrolled);
});
