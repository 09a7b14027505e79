/**
 * Story mode: the list of events under the sticky plot is a scrollytelling story. The step at the
 * reading line (a third of the way down the part of the screen the plot leaves free) is current: its entry and its mark are highlighted and
 * the axis moves to it (camera.ts). Clicking a mark brings the story to its step. The page keeps
 * native scrolling, and under reduced motion the axis jumps instead of animating.
 */
import type { Page } from '@playwright/test';
import { expect, markOf, panel, plot, test, visibleRange, type RawEvent } from './fixtures';
import { DAY, parseRange, period, STORY_ORDER } from './expected';
import { bringToReadingLine as readingLine, drawnView, expectViewNow, settled, zoomedAboutCentre } from './view';


/** The id of the one current step (null if none; fails if several). */
async function currentStep(page: Page): Promise<string | null> {
	const ids = await page.locator('li.current').evaluateAll((items) => items.map((li) => li.getAttribute('data-step-id')));
	expect(ids.length).toBeLessThanOrEqual(1);
	return ids[0] ?? null;
}

const step = (page: Page, event: RawEvent) => page.locator(`li[data-step-id="${event.id}"]`);

/** Scrolls the page so that the top of a step sits just inside the reading line. */
const bringToReadingLine = (page: Page, event: RawEvent) => readingLine(page, event.id);

/** The day of the treaty, in the January 2025 cluster, and a step that day whose neighbours are in January 2025 too. */
const JANUARY_DAY = '2025-01-17';
const inJanuary = (event: { date: string } | undefined) => event?.date.startsWith('2025-01') ?? false;
const januaryIndex = STORY_ORDER.findIndex(
	(event, i) => i > 0 && event.date === JANUARY_DAY && inJanuary(STORY_ORDER[i - 1]) && inJanuary(STORY_ORDER[i + 1])
);
const JANUARY_STEP = STORY_ORDER[januaryIndex]!;
const FIRST_STEP = STORY_ORDER[0]!;

/**
 * Arms a listener for the page's next 'scrollend' (before the action that scrolls); the returned
 * function waits for it.
 */
async function nextScrollEnd(page: Page): Promise<() => Promise<void>> {
	await page.evaluate(() => {
		const w = window as unknown as { scrollEnded: Promise<void> };
		w.scrollEnded = new Promise((resolve) => addEventListener('scrollend', () => resolve(), { once: true }));
	});
	return () => page.evaluate(() => (window as unknown as { scrollEnded: Promise<void> }).scrollEnded);
}

/** On the time scale: the camera's ranges are checked with its arithmetic (spacing.test.ts covers even spacing). */
async function load(page: Page) {
	await page.goto('/?spacing=time');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
}

test.describe('reading the story moves the timeline', () => {
	test.use({ reducedMotion: 'reduce' });

	test('the data has a 17 January 2025 step with January neighbours and a 1991 first step', () => {
		expect(januaryIndex).toBeGreaterThan(0);
		expect(FIRST_STEP.date).toBe('1991');
	});

	test('a January 2025 step at the reading line is current, its mark is highlighted, and the axis shows weeks', async ({ page }) => {
		await load(page);
		const before = await visibleRange(page);
		await expect(page.locator('li.current')).toHaveCount(0);

		await bringToReadingLine(page, JANUARY_STEP);
		await expect(step(page, JANUARY_STEP)).toHaveClass(/\bcurrent\b/);
		await expect(page.locator('li.current')).toHaveCount(1);
		await expect(markOf(page, JANUARY_STEP)).toHaveClass(/\bcurrent\b/);
		await expect(plot(page).locator('button.current')).toHaveCount(1);

		await expect.poll(() => visibleRange(page)).not.toBe(before);
		const [from, to] = parseRange(await visibleRange(page));
		const [dayStart, dayEnd] = period(JANUARY_DAY);
		expect(from).toBeLessThanOrEqual(dayStart);
		expect(to).toBeGreaterThanOrEqual(dayEnd);
		// Within weeks: the step and its January neighbours with room around them, not months or years.
		expect((to - from) / DAY).toBeLessThanOrEqual(8 * 7);
		expect((to - from) / DAY).toBeGreaterThanOrEqual(7);
	});

	test('the 1991 step spans decades', async ({ page }) => {
		await load(page);
		// First somewhere close, so the change to the 1991 view is a real change.
		await bringToReadingLine(page, JANUARY_STEP);
		await expect(step(page, JANUARY_STEP)).toHaveClass(/\bcurrent\b/);
		await expect.poll(async () => parseRange(await visibleRange(page))[1] - parseRange(await visibleRange(page))[0]).toBeLessThan(60 * DAY);
		const close = await visibleRange(page);

		await bringToReadingLine(page, FIRST_STEP);
		await expect(step(page, FIRST_STEP)).toHaveClass(/\bcurrent\b/);
		await expect(page.locator('li.current')).toHaveCount(1);
		await expect(markOf(page, FIRST_STEP)).toHaveClass(/\bcurrent\b/);
		// The January step is no longer current (at a decades view its mark may not be drawn at all).
		await expect(plot(page).locator(`button.current[data-event-id="${JANUARY_STEP.id}"]`)).toHaveCount(0);
		await expect.poll(() => visibleRange(page)).not.toBe(close);
		const [from, to] = parseRange(await visibleRange(page));
		const [start, end] = period(FIRST_STEP.date);
		expect(from).toBeLessThanOrEqual(start);
		expect(to).toBeGreaterThanOrEqual(end);
		expect((to - from) / (365.25 * DAY)).toBeGreaterThanOrEqual(20);
	});

	test('scrolling down with the wheel walks through the steps in story order and the axis follows', async ({ page }) => {
		await load(page);
		// Over the story column, away from the details panel's column.
		await page.mouse.move(200, 700);
		const seen: string[] = [];
		const ranges = new Set<string>();
		for (let i = 0; i < 80 && seen.length < 4; i++) {
			const before = await page.evaluate(() => scrollY);
			await page.mouse.wheel(0, 250);
			// The wheel scrolled the page; then the step at the reading line (if any) has moved the axis.
			await expect.poll(() => page.evaluate(() => scrollY), `wheel ${i + 1} scrolls the page`).toBeGreaterThan(before);
			await settled(page);
			const current = await page.locator('li.current').evaluateAll((items) => items.map((li) => li.getAttribute('data-step-id')!));
			expect(current.length).toBeLessThanOrEqual(1);
			if (current[0] && current[0] !== seen.at(-1)) {
				seen.push(current[0]);
				ranges.add(await visibleRange(page));
			}
		}
		expect(seen.length).toBeGreaterThanOrEqual(4);
		// Each new current step comes later in the story than the one before.
		const order = seen.map((id) => STORY_ORDER.findIndex((e) => e.id === id));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		// The steps reached cover different periods, so the axis was moved more than once.
		expect(ranges.size).toBeGreaterThan(1);
	});
});

// Wide, the story has its own column; on a phone the sticky plot lies over the story's top.
for (const viewport of [null, { width: 390, height: 844 }])
test(`clicking a mark opens it and scrolls the story to its step, at the top of the part of the screen the plot leaves free${viewport ? ` (${viewport.width} × ${viewport.height})` : ''}`, async ({ page }) => {
	if (viewport) await page.setViewportSize(viewport);
	await load(page);
	// A mark drawn in the first view whose step is far down the page (not the first few steps).
	const drawn = await plot(page).locator('button.mark[data-event-id]').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-event-id')!));
	const event = STORY_ORDER.find((e, i) => i >= 5 && i < STORY_ORDER.length - 5 && drawn.includes(e.id));
	expect(event, 'a mark in the first view from the middle of the story').toBeDefined();
	await expect(step(page, event!)).not.toBeInViewport();

	const scrollEnded = await nextScrollEnd(page);
	await markOf(page, event!).click();
	await expect(panel(page).locator(':is(h2, h3)#details-title')).toHaveText(event!.title);
	await expect(step(page, event!)).toBeInViewport();
	// The step lands below the sticky plot where the plot lies over the story (phones), at the
	// screen's top where the story has its own column.
	const placement = () =>
		page.evaluate((id) => {
			const li = document.querySelector(`[data-step-id="${CSS.escape(id)}"]`)!.getBoundingClientRect();
			const sticky = document.querySelector('[data-testid="overview"]')!.closest('.sticky')!.getBoundingClientRect();
			const covers = sticky.right > li.left && sticky.left < li.right;
			return { top: li.top, stickyBottom: covers ? sticky.bottom : 0, viewport: innerHeight };
		}, event!.id);
	// Smooth scrolling: wait for it to land.
	await expect.poll(async () => {
		const { top, stickyBottom, viewport } = await placement();
		return top >= stickyBottom - 1 && top < viewport;
	}).toBe(true);
	const range = await visibleRange(page);
	const view = await drawnView(page);
	// Settled: the clicked step stays the current one (steps passed on the way did not take over).
	// The smooth scroll has ended ('scrollend'), the reading line has reported what it crossed,
	// and the axis has finished any move: only now can nothing more happen.
	await scrollEnded();
	await settled(page);
	expect(await visibleRange(page)).toBe(range);
	await expectViewNow(page, view, { tolerancePx: 0.01, message: 'the axis after the story scrolled to the step' });
	const { top, stickyBottom } = await placement();
	expect(top).toBeGreaterThanOrEqual(stickyBottom - 1);
	expect(top - stickyBottom).toBeLessThan(40);
	expect(await currentStep(page), 'the current step after clicking the mark').toBe(event!.id);
	await expect(markOf(page, event!)).toHaveClass(/\bcurrent\b/);
	await expect(markOf(page, event!)).toHaveClass(/\bselected\b/);
});

test.describe('native scrolling is never taken over', () => {
	const bodyFocused = (page: Page) => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);
	const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

	for (const key of ['PageDown', 'Space']) {
		test(`${key} scrolls the page when focus is on the body`, async ({ page }) => {
			await load(page);
			await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
			expect(await bodyFocused(page)).toBe(true);
			await settled(page);
			const range = await visibleRange(page);
			const view = await drawnView(page);
			expect(await scrollY(page)).toBe(0);
			// Each press is a smooth scroll; the next press waits for it to end ('scrollend'), as a
			// press that lands on the animation's last frame can be dropped by Chromium on a busy machine.
			let scrollEnded = await nextScrollEnd(page);
			await page.keyboard.press(key);
			await expect.poll(() => scrollY(page)).toBeGreaterThan(0);
			await scrollEnded();
			const once = await scrollY(page);
			scrollEnded = await nextScrollEnd(page);
			await page.keyboard.press(key);
			await expect.poll(() => scrollY(page)).toBeGreaterThan(once);
			await scrollEnded();
			// Not a zoom: the first screenfuls hold no step at the reading line, so once the page has
			// settled (the reading line has reported), the axis is as it was.
			await settled(page);
			expect(await visibleRange(page)).toBe(range);
			await expectViewNow(page, view, { tolerancePx: 0.01, message: `after ${key} twice` });
		});
	}

	test('the mouse wheel scrolls the page, over the story and over the plot', async ({ page }) => {
		await load(page);
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		// Over the intro text.
		await page.mouse.move(200, 60);
		await page.mouse.wheel(0, 300);
		await expect.poll(() => scrollY(page)).toBeGreaterThan(0);
		const afterIntro = await scrollY(page);
		// Over the plot (a plain wheel is the page's, only ctrl + wheel zooms).
		const box = (await plot(page).boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.wheel(0, 300);
		await expect.poll(() => scrollY(page)).toBeGreaterThan(afterIntro);
	});
});

test.describe('reduced motion: the axis jumps', () => {
	/** Records every text the visible range shows from now on. */
	async function recordRanges(page: Page) {
		await page.evaluate(() => {
			const w = window as unknown as { rangeTexts: string[] };
			w.rangeTexts = [];
			const element = document.querySelector('[data-testid="visible-range"]')!;
			new MutationObserver(() => w.rangeTexts.push(element.textContent ?? '')).observe(element, {
				characterData: true,
				childList: true,
				subtree: true
			});
		});
		// The distinct texts, in the order they were last shown.
		return () =>
			page.evaluate(() => {
				const all = (window as unknown as { rangeTexts: string[] }).rangeTexts;
				return all.filter((text, i) => all.lastIndexOf(text) === i);
			});
	}

	test.describe('with reducedMotion: reduce', () => {
		test.use({ reducedMotion: 'reduce' });

		test('a story step moves the axis straight to its final range', async ({ page }) => {
			await load(page);
			const texts = await recordRanges(page);
			await bringToReadingLine(page, JANUARY_STEP);
			await expect(step(page, JANUARY_STEP)).toHaveClass(/\bcurrent\b/);
			const right = await visibleRange(page);
			const view = await drawnView(page);
			// Settled (no animation under way, none starting): it was already final.
			await settled(page);
			expect(await visibleRange(page)).toBe(right);
			await expectViewNow(page, view, { tolerancePx: 0.01, message: 'the axis once settled' });
			// No frames in between: the range went from the first view to its final value in one step.
			expect(await texts()).toEqual([right]);
		});

		test('Show on timeline and Zoom in are final right after the click', async ({ page }) => {
			await load(page);
			await settled(page);
			const full = await drawnView(page);
			const event = STORY_ORDER[Math.floor(STORY_ORDER.length / 2)]!;
			const show = page.getByRole('button', { name: `Show on timeline: ${event.title}`, exact: true });
			// Scrolled to first (the story may follow the step it brings to the reading line), then clicked.
			await show.scrollIntoViewIfNeeded();
			await settled(page);
			await show.click();
			const shown = await visibleRange(page);
			const shownView = await drawnView(page);
			await settled(page);
			expect(await visibleRange(page)).toBe(shown);
			await expectViewNow(page, shownView, { tolerancePx: 0.01, message: 'Show on timeline, once settled' });

			await page.evaluate(() => scrollTo(0, 0));
			await settled(page);
			const top = await drawnView(page);
			await page.getByRole('button', { name: 'Zoom in' }).click();
			// Read at once, without waiting: ×2 about the centre already.
			const zoomed = await visibleRange(page);
			const expected = zoomedAboutCentre(top, 2, full.width, full);
			await expectViewNow(page, expected, { message: 'Zoom in, right after the click' });
			await settled(page);
			expect(await visibleRange(page)).toBe(zoomed);
			await expectViewNow(page, expected, { message: 'Zoom in, once settled' });
		});

		test('clicking a mark jumps the story to its step at once', async ({ page }) => {
			await load(page);
			const drawn = await plot(page).locator('button.mark[data-event-id]').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-event-id')!));
			const event = STORY_ORDER.find((e, i) => i >= 5 && i < STORY_ORDER.length - 5 && drawn.includes(e.id))!;
			const scrollEnded = await nextScrollEnd(page);
			await markOf(page, event).click();
			// No smooth scroll: the step is in view at once, without waiting for it.
			expect(await step(page, event).evaluate((li) => li.getBoundingClientRect().top < innerHeight && li.getBoundingClientRect().bottom > 0)).toBe(true);
			const range = await visibleRange(page);
			const view = await drawnView(page);
			// The jump has ended ('scrollend'), the reading line has reported the steps at it, and
			// the axis is not moving: whatever the passed steps were going to do, they have done.
			await scrollEnded();
			await settled(page);
			// The clicked step stays current: the step above it, passed on the way, must not take over.
			expect(await currentStep(page), 'the current step after clicking the mark').toBe(event.id);
			await expect(markOf(page, event)).toHaveClass(/\bcurrent\b/);
			// Nor does the axis move away to that other step.
			expect(await visibleRange(page)).toBe(range);
			await expectViewNow(page, view, { tolerancePx: 0.01, message: 'the axis after the jump' });
		});
	});

	test.describe('without a reduced-motion preference', () => {
		test.use({ reducedMotion: 'no-preference' });

		test('the same story step animates the axis through ranges on the way', async ({ page }) => {
			await load(page);
			// Reading starts once the plot has stuck (beside the story it then moves into its own
			// column, and a change of width shows the view's destination at once): scroll there first,
			// where no step has reached the reading line yet.
			await page.evaluate(() => scrollTo(0, document.querySelector('.layout')!.getBoundingClientRect().top + scrollY + 10));
			await page.waitForFunction(() => !document.querySelector('.layout.across'));
			await settled(page);
			await expect(page.locator('li.current')).toHaveCount(0);
			const texts = await recordRanges(page);
			await bringToReadingLine(page, JANUARY_STEP);
			await expect(step(page, JANUARY_STEP)).toHaveClass(/\bcurrent\b/);
			// The animation has ended.
			await settled(page);
			const final = await visibleRange(page);
			const seen = await texts();
			expect(seen.at(-1)).toBe(final);
			// At least one range shown on the way (a jump shows only the final one). How many depends
			// on how many frames the machine draws during the animation: few when it is loaded.
			expect(seen.length, `ranges shown: ${seen.join(' → ')}`).toBeGreaterThanOrEqual(2);
		});
	});
});
