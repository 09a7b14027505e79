/**
 * Keyboard shortcuts act only while focus is inside the plot (Tab to the roving mark):
 * ←/→ previous/next event in time order, Home/End first/last, +/= and - zoom, 0 resets,
 * Enter opens, Esc closes (focus back on the mark), ? opens the shortcuts dialog.
 * Elsewhere on the page the same keys do nothing to the timeline.
 */
import type { Page } from '@playwright/test';
import { expect, panel, plot, test, visibleRange } from './fixtures';
import { DAY, STORY_ORDER } from './expected';

const indexOf = (id: string | null) => STORY_ORDER.findIndex((e) => e.id === id);

/** The visible range's length in ms, from its text ("1990 – 2026", "Mar 2024 – Sep 2024", "7 Jan 2025 – 28 Jan 2025"). */
function spanOf(text: string): number {
	const [a, b] = text.split(' – ');
	const at = (part: string) => (/^\d{4}$/.test(part) ? Date.UTC(Number(part), 0, 1) : Date.parse(/^\d/.test(part) ? `${part} UTC` : `1 ${part} UTC`));
	const span = at(b!) - at(a!);
	expect(Number.isNaN(span), `range "${text}"`).toBe(false);
	return span;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null);
const focusInPlot = (page: Page) =>
	page.evaluate(() => !!document.activeElement?.closest('[role="group"][aria-label^="Events from"]'));
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });

/** Tabs from the top of the page until an event mark in the plot has focus; returns its id. */
async function tabToTimeline(page: Page): Promise<string> {
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		const id = await focusedId(page);
		if (id && (await focusInPlot(page))) return id;
	}
	throw new Error('no event mark is reachable with Tab');
}

/**
 * Whether the focused mark is really shown: its glyph inside the plot's box, and the plot not
 * scrolled sideways (focusing a clipped button would scroll its overflow: hidden box). Returns a
 * description of the problem, or null.
 */
async function markProblemNow(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement;
		const plot = element.closest<HTMLElement>('[role="group"]');
		if (!plot) return `focus is on ${element.tagName}, not in the plot`;
		const box = element.getBoundingClientRect();
		const frame = plot.getBoundingClientRect();
		const middle = box.left + Math.min(box.width, 16) / 2 - frame.left;
		const range = document.querySelector('[data-testid="visible-range"]')?.textContent;
		if (plot.scrollLeft !== 0) return `${element.dataset.eventId}: the plot is scrolled sideways by ${plot.scrollLeft}px (range ${range})`;
		if (middle < 0 || middle > frame.width) return `${element.dataset.eventId}: mark at x=${Math.round(middle)}px, outside the plot (0–${Math.round(frame.width)}px; range ${range})`;
		return null;
	});
}

/** The problem once the view has settled (the zoom to a mark may land a frame after focus does). */
async function focusedMarkProblem(page: Page): Promise<string | null> {
	let problem = await markProblemNow(page);
	for (let i = 0; i < 10 && problem; i++) {
		await page.waitForTimeout(50);
		problem = await markProblemNow(page);
	}
	return problem;
}

test.use({ reducedMotion: 'reduce' });

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
});

test('the plot has one tab stop, an event mark, and its focus is visible', async ({ page }) => {
	await expect(plot(page).locator('[tabindex="0"]')).toHaveCount(1);
	const id = await tabToTimeline(page);
	const mark = plot(page).locator(`button[data-event-id="${id}"]`);
	await expect(mark).toBeFocused();
	await expect(mark).toHaveAttribute('tabindex', '0');
	const outline = await mark.evaluate((element) => {
		const style = getComputedStyle(element);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
	});
	expect(outline.style).not.toBe('none');
	expect(outline.width).toBeGreaterThan(0);
	// One more Tab leaves the plot: the other marks are not tab stops.
	await page.keyboard.press('Tab');
	expect(await focusInPlot(page)).toBe(false);
});

test('→ walks every event in time order, each one shown in the plot (zooming when it has no mark in view)', async ({ page }) => {
	test.setTimeout(90_000);
	let index = indexOf(await tabToTimeline(page));
	expect(index).toBeGreaterThanOrEqual(0);
	// Back to the first with ←, then forward through all.
	while (index > 0) {
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => focusedId(page)).toBe(STORY_ORDER[--index]!.id);
	}
	const problems: string[] = [];
	for (let i = 1; i < STORY_ORDER.length; i++) {
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => focusedId(page), `→ from ${STORY_ORDER[i - 1]!.id}`).toBe(STORY_ORDER[i]!.id);
		const problem = await focusedMarkProblem(page);
		if (problem) problems.push(problem);
	}
	// → at the last event stays there.
	await page.keyboard.press('ArrowRight');
	await page.waitForTimeout(100);
	expect(await focusedId(page)).toBe(STORY_ORDER.at(-1)!.id);
	expect(problems, 'events focused with → but not shown in the plot').toEqual([]);
});

test('← walks every event back in time order from the last, each one shown in the plot', async ({ page }) => {
	test.setTimeout(90_000);
	await tabToTimeline(page);
	await page.keyboard.press('End');
	await expect.poll(() => focusedId(page)).toBe(STORY_ORDER.at(-1)!.id);
	const problems: string[] = [];
	for (let i = STORY_ORDER.length - 2; i >= 0; i--) {
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => focusedId(page), `← from ${STORY_ORDER[i + 1]!.id}`).toBe(STORY_ORDER[i]!.id);
		const problem = await focusedMarkProblem(page);
		if (problem) problems.push(problem);
	}
	await page.keyboard.press('ArrowLeft');
	await page.waitForTimeout(100);
	expect(await focusedId(page)).toBe(STORY_ORDER[0]!.id);
	expect(problems, 'events focused with ← but not shown in the plot').toEqual([]);
});

test('Home goes to the first event and End to the last', async ({ page }) => {
	await tabToTimeline(page);
	// Start from somewhere in the middle.
	for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
	await page.keyboard.press('End');
	await expect.poll(() => focusedId(page)).toBe(STORY_ORDER.at(-1)!.id);
	expect(await focusedMarkProblem(page)).toBeNull();
	await page.keyboard.press('Home');
	await expect.poll(() => focusedId(page)).toBe(STORY_ORDER[0]!.id);
	expect(await focusedMarkProblem(page)).toBeNull();
	await page.keyboard.press('End');
	await expect.poll(() => focusedId(page)).toBe(STORY_ORDER.at(-1)!.id);
});

test('+ and = zoom in, - zooms out, 0 resets', async ({ page }) => {
	const first = await visibleRange(page);
	// Focus a mark in the middle of the view, so zooming about the centre keeps it in view: show a
	// year-dated event from the middle of the story, close its details (focus returns to its mark).
	const event = STORY_ORDER.find((e, i) => i > 5 && /^\d{4}$/.test(e.date) && !e.end)!;
	await page.getByRole('button', { name: `Show on timeline: ${event.title}`, exact: true }).click();
	await panel(page).getByRole('button', { name: /Close/ }).click();
	const mark = plot(page).locator(`button[data-event-id="${event.id}"]`);
	await expect(mark).toBeFocused();
	const shown = await visibleRange(page);

	await page.keyboard.press('+');
	await expect.poll(() => visibleRange(page)).not.toBe(shown);
	const once = await visibleRange(page);
	expect(spanOf(once)).toBeLessThan(spanOf(shown));
	await page.keyboard.press('=');
	await expect.poll(() => visibleRange(page)).not.toBe(once);
	const twice = await visibleRange(page);
	expect(spanOf(twice)).toBeLessThan(spanOf(once));
	await page.keyboard.press('+');
	await expect.poll(() => visibleRange(page)).not.toBe(twice);
	const thrice = await visibleRange(page);
	expect(spanOf(thrice)).toBeLessThan(spanOf(twice));
	await expect(mark).toBeFocused();

	await page.keyboard.press('-');
	await expect.poll(() => visibleRange(page)).not.toBe(thrice);
	expect(spanOf(await visibleRange(page))).toBeGreaterThan(spanOf(thrice));
	await page.keyboard.press('-');
	await expect.poll(async () => spanOf(await visibleRange(page))).toBeGreaterThan(spanOf(twice) - 31 * DAY);

	await page.keyboard.press('0');
	await expect.poll(() => visibleRange(page)).toBe(first);
	expect(await focusInPlot(page)).toBe(true);
});

test('zooming in with + keeps focus in the plot when the focused mark leaves the view', async ({ page }) => {
	// The first tab stop is the earliest mark, at the left edge: zooming about the centre pushes it out.
	await tabToTimeline(page);
	let range = await visibleRange(page);
	for (let press = 1; press <= 4; press++) {
		await page.keyboard.press('+');
		await expect.poll(() => visibleRange(page), `+ number ${press} zooms`).not.toBe(range);
		expect(spanOf(await visibleRange(page))).toBeLessThan(spanOf(range));
		range = await visibleRange(page);
		expect(await focusInPlot(page), `focus is still in the plot after + number ${press}`).toBe(true);
	}
});

test('Enter opens the focused event; Esc closes it and focus returns to its mark', async ({ page }) => {
	const id = await tabToTimeline(page);
	const event = STORY_ORDER[indexOf(id)]!;
	await page.keyboard.press('Enter');
	await expect(panel(page)).toBeVisible();
	await expect(page.locator('#details-title')).toHaveText(event.title);
	await expect(page.locator('#details-title')).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(panel(page)).toHaveCount(0);
	await expect(plot(page).locator(`button[data-event-id="${id}"]`)).toBeFocused();

	// Esc with focus on the mark itself closes the panel too.
	await page.keyboard.press('Enter');
	await expect(panel(page)).toBeVisible();
	await plot(page).locator(`button[data-event-id="${id}"]`).focus();
	await page.keyboard.press('Escape');
	await expect(panel(page)).toHaveCount(0);
	await expect(plot(page).locator(`button[data-event-id="${id}"]`)).toBeFocused();
});

test('? opens the Keyboard shortcuts dialog; closing it returns focus to the mark', async ({ page }) => {
	const id = await tabToTimeline(page);
	await expect(dialog(page)).toBeHidden();
	await page.keyboard.press('?');
	await expect(dialog(page)).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog(page)).toBeHidden();
	await expect(plot(page).locator(`button[data-event-id="${id}"]`)).toBeFocused();
	// The button of the same name opens it too.
	await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
	await expect(dialog(page)).toBeVisible();
	await dialog(page).getByRole('button', { name: 'Close' }).click();
	await expect(dialog(page)).toBeHidden();
});

test.describe('the same keys do nothing outside the plot', () => {
	// (Home, End, Space and PageDown are left out on the body: they scroll the page, which the story follows.)
	const KEYS = ['ArrowRight', 'ArrowLeft', '+', '=', '-', '0', '?', 'Enter'];

	test('with focus on the body', async ({ page }) => {
		// Zoomed first, so that 0 and - would have something to undo.
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		await zoomIn.click();
		await zoomIn.click();
		const range = await visibleRange(page);
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		for (const key of KEYS) {
			await page.keyboard.press(key);
			await page.waitForTimeout(50);
			expect(await visibleRange(page), key).toBe(range);
			expect(await page.evaluate(() => document.activeElement === document.body), key).toBe(true);
			await expect(dialog(page), key).toBeHidden();
			await expect(panel(page), key).toHaveCount(0);
		}
	});

	test('with focus in the search box', async ({ page }) => {
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		await zoomIn.click();
		await zoomIn.click();
		const range = await visibleRange(page);
		const count = await page.getByTestId('event-count').innerText();
		const search = page.getByPlaceholder('Search events and excerpts');
		await search.focus();
		for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End', '+', '-', '0', '?']) {
			await page.keyboard.press(key);
			await page.waitForTimeout(50);
			expect(await visibleRange(page), key).toBe(range);
			await expect(search, key).toBeFocused();
			await expect(dialog(page), key).toBeHidden();
			await expect(panel(page), key).toHaveCount(0);
		}
		// The characters went into the box as text (they are no search words, so nothing is hidden).
		await expect(search).toHaveValue('+-0?');
		await expect(page.getByTestId('event-count')).toHaveText(count);
	});

	test('with focus on a zoom button', async ({ page }) => {
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		await zoomIn.click();
		const range = await visibleRange(page);
		await zoomIn.focus();
		for (const key of ['ArrowRight', 'ArrowLeft', '=', '-', '0', '?']) {
			await page.keyboard.press(key);
			await page.waitForTimeout(50);
			expect(await visibleRange(page), key).toBe(range);
			await expect(zoomIn, key).toBeFocused();
			await expect(dialog(page), key).toBeHidden();
		}
	});
});
