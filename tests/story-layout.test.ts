/**
 * The story's layout, measured from what the page draws. On wide screens the story has its own
 * column beside the sticky plot: at 1280×800 its text takes at least 45 % of the screen with the
 * plot in view, lines hold a reading measure, no column stands empty, and the plot is drawn only
 * as tall as the lanes its view uses, so the text being read never moves. An event opened from
 * the plot opens in its step. On phones the sticky plot keeps to 40 % of the screen's height.
 */
import type { Page } from '@playwright/test';
import { expect, markOf, panel, plot, test } from './fixtures';
import { STORY_ORDER } from './expected';
import { scrollToStep, settled } from './view';

/** Three points of the story: its first step, the treaty (January 2025) and its last step. */
const POINTS = [STORY_ORDER[0]!, STORY_ORDER.find((event) => event.id === 'treaty-signed')!, STORY_ORDER.at(-1)!];

/** Scrolls so that a step's top is at the top of the screen, as a reader arriving at it, and waits for the plot to settle. */
async function readStep(page: Page, id: string) {
	await scrollToStep(page, id);
	// The story reports its current step after the scroll (an IntersectionObserver, a frame or more
	// later): until then the plot is still at rest where it was.
	await expect(page.locator(`li.current[data-step-id="${id}"]`)).toHaveCount(1);
	await settled(page);
}

/** Boxes of the viewport, the story column, the plot, the sticky block, and the marks and steps drawn in view. */
function measure(page: Page) {
	return page.evaluate(() => {
		const box = (element: Element) => {
			const { left, right, top, bottom } = element.getBoundingClientRect();
			return { left, right, top, bottom };
		};
		const plotElement = document.querySelector('.plot')!;
		// The block that sticks with the plot (plot, overview, legend), in place before it sticks.
		const sticky = plotElement.closest('.sticky');
		const viewport = { left: 0, right: document.documentElement.clientWidth, top: 0, bottom: innerHeight };
		const inView = (b: ReturnType<typeof box>) => b.bottom > 0 && b.top < innerHeight && b.right > 0 && b.left < viewport.right;
		return {
			viewport,
			story: box(document.querySelector('section.list')!),
			plot: box(plotElement),
			sticky: box(sticky!),
			marks: [...plotElement.querySelectorAll('button.mark .glyph')].map(box).filter((b) => b.right > box(plotElement).left && b.left < box(plotElement).right),
			spans: [...plotElement.querySelectorAll('button.span')].map(box),
			stepsInView: [...document.querySelectorAll('[data-step-id]')].filter((step) => inView(box(step)) && (step.textContent ?? '').trim().length > 0).length
		};
	});
}

const area = (b: { left: number; right: number; top: number; bottom: number }) => Math.max(0, b.right - b.left) * Math.max(0, b.bottom - b.top);
const clip = (b: { left: number; right: number; top: number; bottom: number }, v: typeof b) => ({
	left: Math.max(b.left, v.left),
	right: Math.min(b.right, v.right),
	top: Math.max(b.top, v.top),
	bottom: Math.min(b.bottom, v.bottom)
});

/** Characters per line of the step summaries in view that run three lines or more (lines counted from the text's boxes). */
function charactersPerLine(page: Page) {
	return page.evaluate(() =>
		[...document.querySelectorAll('[data-step-id] p.summary')].flatMap((paragraph) => {
			const bounds = paragraph.getBoundingClientRect();
			if (bounds.bottom < 0 || bounds.top > innerHeight) return [];
			const range = document.createRange();
			range.selectNodeContents(paragraph);
			const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.bottom))).size;
			const text = paragraph.textContent ?? '';
			// The last line is partial: it is counted as half a line.
			return lines >= 3 ? [text.length / (lines - 0.5)] : [];
		})
	);
}

test.describe('at 1280×800 the story has its own column beside the plot', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	for (const motion of ['reduce', 'no-preference'] as const) {
		test(`at three points of the story its text takes 45 % of the screen, the plot is in view beside it, no column is empty (motion: ${motion})`, async ({ page }) => {
			await page.emulateMedia({ reducedMotion: motion });
			await page.goto('/');
			await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
			await settled(page);
			// The first view draws every span bar (the whole history): the lowest bar's row ends the span rows.
			const first = await measure(page);
			const spanRowsEnd = Math.max(...first.spans.map((span) => span.bottom)) - first.plot.top;
			for (const event of POINTS) {
				await readStep(page, event.id);
				// settled: with motion, the plot's height has also eased to its view's lanes.
				const m = await measure(page);
				const share = area(clip(m.story, m.viewport)) / area(m.viewport);
				expect(share, `the story's share of the screen at ${event.id}`).toBeGreaterThanOrEqual(0.45);
				// The plot is wholly on screen, beside the story (not over it).
				expect(m.plot.top, `plot top at ${event.id}`).toBeGreaterThanOrEqual(0);
				expect(m.plot.bottom, `plot bottom at ${event.id}`).toBeLessThanOrEqual(m.viewport.bottom);
				expect(m.plot.right, `the plot ends before the story starts, at ${event.id}`).toBeLessThanOrEqual(m.story.left);
				// No empty column: marks in the plot, a step's text in the story.
				expect(m.marks.length, `marks drawn at ${event.id}`).toBeGreaterThan(0);
				expect(m.stepsInView, `steps in view at ${event.id}`).toBeGreaterThan(0);
				// Drawn as tall as the view needs: every mark inside the plot, and less than one
				// empty lane (30 px) between the highest mark and the row above the lanes (the
				// "+N" row, 30 px under the span rows).
				for (const mark of m.marks) {
					expect(mark.top).toBeGreaterThanOrEqual(m.plot.top);
					expect(mark.bottom).toBeLessThanOrEqual(m.plot.bottom);
				}
				const lanesTop = m.plot.top + spanRowsEnd + 30;
				const highest = Math.min(...m.marks.map((mark) => mark.top));
				expect(highest - lanesTop, `empty space above the highest mark at ${event.id}`).toBeLessThan(30);
			}
		});
	}

	test('the story reads at a comfortable measure: 60 to 75 characters a line', async ({ page }) => {
		await page.goto('/');
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		const measures: number[] = [];
		for (const event of POINTS) {
			await readStep(page, event.id);
			measures.push(...(await charactersPerLine(page)));
		}
		expect(measures.length).toBeGreaterThan(0);
		for (const perLine of measures) {
			expect(perLine).toBeGreaterThanOrEqual(60);
			expect(perLine).toBeLessThanOrEqual(75);
		}
	});

	test('the plot grows and shrinks with its view without moving the text being read, animated only where motion is allowed', async ({ page }) => {
		for (const motion of ['reduce', 'no-preference'] as const) {
			await page.emulateMedia({ reducedMotion: motion });
			await page.goto('/');
			await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
			// The first step (the whole history, many lanes), then the last (October 2025, few).
			await readStep(page, STORY_ORDER[0]!.id);
			const tall = await page.locator('.plot').evaluate((element) => element.getBoundingClientRect().height);
			await page.evaluate(() => {
				const w = window as unknown as { heights: number[] };
				w.heights = [];
				const element = document.querySelector<HTMLElement>('.plot')!;
				// Each height the page sets (its inline style), as the drawing is asked for it.
				new MutationObserver(() => w.heights.push(parseFloat(element.style.height))).observe(element, { attributes: true, attributeFilter: ['style'] });
			});
			const last = STORY_ORDER.at(-1)!;
			await scrollToStep(page, last.id);
			const stepTop = () => page.locator(`[data-step-id="${last.id}"]`).evaluate((step) => step.getBoundingClientRect().top);
			const before = await stepTop();
			await expect(page.locator(`li.current[data-step-id="${last.id}"]`)).toHaveCount(1);
			await settled(page);
			const heights = await page.evaluate(() => (window as unknown as { heights: number[] }).heights);
			const short = await page.locator('.plot').evaluate((element) => element.getBoundingClientRect().height);
			expect(heights.at(-1), 'the last height drawn is the height now').toBe(short);
			expect(short, `the plot is shorter at October 2025 than for the whole history (${motion})`).toBeLessThan(tall);
			// The heights drawn on the way: where motion is allowed, some between the two; under reduce, none.
			const between = heights.filter((height) => height < tall - 1 && height > short + 1);
			if (motion === 'reduce') expect(between, 'no height between the two under reduced motion').toEqual([]);
			else expect(between.length, 'heights between the two while it animates').toBeGreaterThan(0);
			expect(await stepTop(), 'the step being read has not moved').toBe(before);
		}
	});

	test('an event opened from the plot opens in its step, which comes into view; Esc closes it and focus returns to the mark', async ({ page }) => {
		await page.goto('/');
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		const event = STORY_ORDER.find((e) => e.id === 'treaty-signed')!;
		await markOf(page, event).click();
		const step = page.locator(`li[data-step-id="${event.id}"]`);
		await expect(step.locator('section.panel')).toBeVisible();
		await expect(panel(page)).toHaveCount(1);
		// Its title, a heading of the story's level (under the era's), takes focus.
		await expect(step.locator('h3#details-title')).toBeFocused();
		await expect(step.locator('h3#details-title')).toHaveText(event.title);
		await expect(step.locator('blockquote mark.quote')).toHaveCount(event.citations.length);
		await expect.poll(() => step.evaluate((li) => li.getBoundingClientRect().top)).toBeLessThan(50);
		expect(await step.evaluate((li) => li.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
		await page.keyboard.press('Escape');
		await expect(panel(page)).toHaveCount(0);
		await expect(markOf(page, event)).toBeFocused();
	});

	test('a link to an event lands at its step, open; back and forward open each event in its step again', async ({ page }) => {
		const [first, second] = [STORY_ORDER.find((e) => e.id === 'treaty-signed')!, STORY_ORDER.find((e) => e.id === 'shahed-drones')!];
		const openStep = (event: (typeof STORY_ORDER)[number]) => page.locator(`li.open[data-step-id="${event.id}"]`);
		const stepTop = (event: (typeof STORY_ORDER)[number]) => openStep(event).evaluate((li) => li.getBoundingClientRect().top);
		// With and without reduced motion (under it, nothing may lag the layout the jump is made on).
		for (const motion of ['reduce', 'no-preference'] as const) {
			await page.emulateMedia({ reducedMotion: motion });
			await page.goto(`/?event=${first.id}`);
			await expect(openStep(first).locator('h3#details-title')).toHaveText(first.title);
			await settled(page);
			expect(await stepTop(first), `the step's top (motion: ${motion})`).toBeLessThan(40);
			expect(await stepTop(first)).toBeGreaterThanOrEqual(0);
		}
		// A second event, opened from its mark (shown once the view is reset to the whole history).
		await page.evaluate(() => scrollTo(0, 0));
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		await settled(page);
		await markOf(page, second).click();
		await expect(openStep(second)).toHaveCount(1);
		await expect.poll(() => stepTop(second)).toBeLessThan(40);
		// Back and forward open each event in its step again; the page's scroll is the browser's to restore.
		await page.goBack();
		await expect(openStep(first)).toHaveCount(1);
		await expect(page.locator('li.open')).toHaveCount(1);
		await page.goForward();
		await expect(openStep(second)).toHaveCount(1);
		await expect(page.locator('li.open')).toHaveCount(1);
	});

	test('the first view spans the page; as the plot sticks it moves into its column and no text of the story moves', async ({ page }) => {
		await page.goto('/');
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		await settled(page);
		const place = () =>
			page.evaluate(() => {
				const heading = document.querySelector('#list-heading')!.getBoundingClientRect();
				const step = document.querySelector('[data-step-id]')!.getBoundingClientRect();
				const plotBox = document.querySelector('.plot')!.getBoundingClientRect();
				const layoutTop = document.querySelector('.layout')!.getBoundingClientRect().top + scrollY;
				return { heading: heading.top + scrollY, step: step.top + scrollY, left: step.left, plotWidth: plotBox.width, plotBottom: plotBox.bottom + scrollY, layoutTop };
			});
		const before = await place();
		// Across the page, above the story: the story starts below it, in its column.
		expect(before.plotWidth).toBeGreaterThan(before.left);
		expect(before.heading).toBeGreaterThan(before.plotBottom);
		// Just past the point where the plot sticks.
		await page.evaluate((y) => scrollTo(0, y + 20), before.layoutTop);
		await expect(page.locator('.layout.across')).toHaveCount(0);
		await settled(page);
		const after = await place();
		expect(after.plotWidth, 'the plot is in its own column').toBeLessThanOrEqual(after.left);
		expect(after.heading, 'the story heading has not moved').toBe(before.heading);
		expect(after.step, 'the first step has not moved').toBe(before.step);
		// And back.
		await page.evaluate(() => scrollTo(0, 0));
		await expect(page.locator('.layout.across')).toHaveCount(1);
		await settled(page);
		expect((await place()).step, 'the first step is where it was').toBe(before.step);
	});

	test('under the pointer the plot keeps its height; once the pointer leaves, it shrinks to its view', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/');
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		await readStep(page, STORY_ORDER[0]!.id);
		const height = () => page.locator('.plot').evaluate((element) => element.getBoundingClientRect().height);
		const tall = await height();
		const box = (await plot(page).boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + 20);
		// The story moves the view to October 2025, which needs fewer lanes.
		await page.evaluate((id) => {
			const step = document.querySelector(`[data-step-id="${CSS.escape(id)}"]`)!;
			scrollTo(0, step.getBoundingClientRect().top + scrollY);
		}, STORY_ORDER.at(-1)!.id);
		await expect(page.getByTestId('visible-range')).toContainText('2025');
		await settled(page);
		expect(await height(), 'held under the pointer').toBe(tall);
		await page.mouse.move(box.x + box.width + 100, box.y + 20);
		await settled(page);
		expect(await height(), 'shrunk once the pointer left').toBeLessThan(tall);
	});
});

for (const viewport of [
	{ width: 360, height: 780 },
	{ width: 390, height: 844 },
	{ width: 375, height: 667 }
]) {
	test(`at ${viewport.width}×${viewport.height} the sticky plot takes at most 40 % of the screen while reading`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.goto('/');
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		for (const event of POINTS) {
			await readStep(page, event.id);
			const m = await measure(page);
			expect(m.sticky.top, `the plot stays on top at ${event.id}`).toBe(0);
			expect(m.sticky.bottom - m.sticky.top, `the sticky block's height at ${event.id}`).toBeLessThanOrEqual(0.4 * viewport.height);
			expect(m.marks.length + (await plot(page).locator('button.cluster').count()), `the plot shows events at ${event.id}`).toBeGreaterThan(0);
		}
	});
}

test("/: the first layout skips the story's steps off screen; once the live timeline has come, the whole story is laid out, a step or two a task", async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	/** Which steps' titles are laid out (a title in a step that skips layout is not), and whether the page says the story is laid out. */
	const laidOut = () =>
		page.evaluate(() => ({
			titles: [...document.querySelectorAll('[data-step-id] .title')].map((title) => title.checkVisibility({ contentVisibilityAuto: true })),
			whole: 'storyLaidOut' in document.documentElement.dataset
		}));
	// Before the app (its scripts held back): the first screen's steps only.
	await page.route('**/_app/**', () => {});
	await page.goto('/', { waitUntil: 'domcontentloaded' });
	await expect(page.locator('main[data-stage="prerendered"]')).toHaveCount(1);
	const before = await laidOut();
	expect(before.titles).toHaveLength(STORY_ORDER.length);
	expect(before.whole).toBe(false);
	expect(before.titles[0], 'the first step, on the first screen, is laid out').toBe(true);
	expect(before.titles.at(-1), 'the last step, far below, is not').toBe(false);
	// With the app: every step, without a scroll.
	await page.unroute('**/_app/**');
	await page.goto('/');
	await expect.poll(async () => (await laidOut()).whole).toBe(true);
	expect((await laidOut()).titles.every(Boolean), 'every step laid out').toBe(true);
	expect(await page.evaluate(() => scrollY)).toBe(0);
});
