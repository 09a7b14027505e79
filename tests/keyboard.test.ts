/**
 * Keyboard shortcuts act only while focus is inside the plot (Tab to the roving mark):
 * ←/→ previous/next event in time order, Home/End first/last, +/= and - zoom, 0 resets,
 * Enter opens, Esc closes (focus back on the mark), ? opens the shortcuts dialog.
 * Elsewhere on the page the same keys do nothing to the timeline.
 */
import type { Page } from '@playwright/test';
import { expect, panel, plot, test, visibleRange } from './fixtures';
import { STORY_ORDER } from './expected';
import { drawnView, expectView, expectViewNow, settled, zoomedAboutCentre, type Range } from './view';

const indexOf = (id: string | null) => STORY_ORDER.findIndex((e) => e.id === id);

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

/**
 * The problem once the view has settled (the zoom to a mark may land a frame after focus does):
 * none now is none; a problem now is read again once nothing is moving, and that reading stands.
 */
async function focusedMarkProblem(page: Page): Promise<string | null> {
	if ((await markProblemNow(page)) === null) return null;
	await settled(page);
	return markProblemNow(page);
}

/**
 * Presses a key and waits until the page has had it (a keydown counted on the window, in the
 * capture phase, before any handler can stop it) and the view has settled: after this, whatever
 * the key was going to do to the timeline has been done.
 */
async function pressAndSettle(page: Page, key: string) {
	const before = await page.evaluate(() => {
		const w = window as unknown as { keydowns?: number };
		if (w.keydowns === undefined) {
			w.keydowns = 0;
			addEventListener('keydown', () => w.keydowns!++, { capture: true });
		}
		return w.keydowns;
	});
	await page.keyboard.press(key);
	await expect.poll(() => page.evaluate(() => (window as unknown as { keydowns: number }).keydowns), `the page got ${key}`).toBe(before + 1);
	await settled(page);
}

test.use({ reducedMotion: 'reduce' });

// The zoom arithmetic below is the time scale's (spacing.test.ts covers even spacing).
test.beforeEach(async ({ page }) => {
	await page.goto('/?spacing=time');
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
	await pressAndSettle(page, 'ArrowRight');
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
	await pressAndSettle(page, 'ArrowLeft');
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

test('+ and = zoom in ×2, - zooms out ×½, about the centre; 0 resets to the whole range', async ({ page }) => {
	await settled(page);
	const full = await drawnView(page);
	const first = await visibleRange(page);
	// Focus a mark in the middle of the view, so zooming about the centre keeps it in view: show a
	// year-dated event from the middle of the story and close its details. Focus returns to what
	// opened it, the step's "Show on timeline" (beside the plot the event opened in that step);
	// from there the reader moves to its mark.
	const event = STORY_ORDER.find((e, i) => i > 5 && /^\d{4}$/.test(e.date) && !e.end)!;
	const show = page.getByRole('button', { name: `Show on timeline: ${event.title}`, exact: true });
	await show.click();
	await panel(page).getByRole('button', { name: /Close/ }).click();
	await expect(show).toBeFocused();
	const mark = plot(page).locator(`button[data-event-id="${event.id}"]`);
	await mark.focus();
	await expect(mark).toBeFocused();
	await settled(page);
	let expected: Range = await drawnView(page);

	for (const [key, factor] of [['+', 2], ['=', 2], ['+', 2], ['-', 1 / 2], ['-', 1 / 2]] as const) {
		await page.keyboard.press(key);
		expected = zoomedAboutCentre(expected, factor, full.width, full);
		await expectView(page, expected, { message: `${key} (×${factor})` });
		if (factor > 1) await expect(mark, `focus stays on the mark after ${key}`).toBeFocused();
	}

	await page.keyboard.press('0');
	await expectView(page, full, { message: '0' });
	await expect(page.getByTestId('visible-range')).toHaveText(first);
	expect(await focusInPlot(page)).toBe(true);
});

test('zooming in with + keeps focus in the plot when the focused mark leaves the view', async ({ page }) => {
	await settled(page);
	const full = await drawnView(page);
	// The first tab stop is the earliest mark, at the left edge: zooming about the centre pushes it out.
	await tabToTimeline(page);
	let expected: Range = full;
	for (let press = 1; press <= 4; press++) {
		await page.keyboard.press('+');
		expected = zoomedAboutCentre(expected, 2, full.width, full);
		await expectView(page, expected, { message: `+ number ${press}` });
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
		await settled(page);
		const full = await drawnView(page);
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		await zoomIn.click();
		await zoomIn.click();
		const view = await expectView(page, zoomedAboutCentre(zoomedAboutCentre(full, 2, full.width, full), 2, full.width, full), { message: '2 × Zoom in' });
		const range = await visibleRange(page);
		await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
		for (const key of KEYS) {
			await pressAndSettle(page, key);
			await expectViewNow(page, view, { tolerancePx: 0.01, message: key });
			expect(await visibleRange(page), key).toBe(range);
			expect(await page.evaluate(() => document.activeElement === document.body), key).toBe(true);
			await expect(dialog(page), key).toBeHidden();
			await expect(panel(page), key).toHaveCount(0);
		}
	});

	test('with focus in the search box', async ({ page }) => {
		await settled(page);
		const full = await drawnView(page);
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		await zoomIn.click();
		await zoomIn.click();
		const view = await expectView(page, zoomedAboutCentre(zoomedAboutCentre(full, 2, full.width, full), 2, full.width, full), { message: '2 × Zoom in' });
		const range = await visibleRange(page);
		const count = await page.getByTestId('event-count').innerText();
		const search = page.getByPlaceholder('Search events and excerpts');
		await search.focus();
		for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End', '+', '-', '0', '?']) {
			await pressAndSettle(page, key);
			await expectViewNow(page, view, { tolerancePx: 0.01, message: key });
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
		await settled(page);
		const full = await drawnView(page);
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		await zoomIn.click();
		const view = await expectView(page, zoomedAboutCentre(full, 2, full.width, full), { message: 'Zoom in' });
		const range = await visibleRange(page);
		await zoomIn.focus();
		for (const key of ['ArrowRight', 'ArrowLeft', '=', '-', '0', '?']) {
			await pressAndSettle(page, key);
			await expectViewNow(page, view, { tolerancePx: 0.01, message: key });
			expect(await visibleRange(page), key).toBe(range);
			await expect(zoomIn, key).toBeFocused();
			await expect(dialog(page), key).toBeHidden();
		}
	});
});
