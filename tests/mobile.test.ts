import { data, expect, markOf, panel, plot, showOnTimeline, test } from './fixtures';

test.use({ viewport: { width: 360, height: 780 }, hasTouch: true, isMobile: true });

test('at 360 px the timeline fits and the details panel is a usable bottom sheet', async ({ page }) => {
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

	const treaty = data.events.find((e) => e.date === '2025-01-17')!;
	await showOnTimeline(page, treaty);
	const sheet = panel(page);
	await expect(sheet).toBeVisible();
	const box = (await sheet.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(360);
	expect(box.y + box.height).toBeLessThanOrEqual(780 + 1);
	// The sheet scrolls to its last excerpt, and the plot stays partly visible above it.
	const lastQuote = sheet.locator('blockquote').last();
	await lastQuote.scrollIntoViewIfNeeded();
	await expect(lastQuote).toBeInViewport();
	await sheet.getByRole('button', { name: /Close/ }).tap();
	await expect(sheet).toHaveCount(0);
	await markOf(page, treaty).tap();
	await expect(panel(page)).toBeVisible();
	// The sheet is modal: a tap on the dimmed page above it closes it (and reaches nothing beneath).
	const url = page.url();
	await page.touchscreen.tap(180, 40);
	await expect(panel(page)).toHaveCount(0);
	expect(page.url(), 'the tap above the sheet only closed it').not.toContain('event=');
	expect(url).toContain('event=');
});
