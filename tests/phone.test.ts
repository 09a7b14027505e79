/**
 * The phone's first screen. At 360 × 780 the controls fold into a compact bar so the timeline
 * starts in the top 60 % of the screen: the search and filters behind one "Search & filter"
 * button, the zoom buttons as icons beside the visible range, the tools behind "More tools". Both
 * folds open and close by keyboard, and nothing in them is out of reach. At 1280 × 800 neither
 * button is there and everything shows as it always did. Expected counts come from events.json
 * (tests/expected.ts), never from the app's code.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, plot, test } from './fixtures';
import { countText, expectedEvents, TOTAL } from './expected';
import { settled } from './view';

const filterToggle = (page: Page) => page.getByRole('button', { name: /^Search & filter/ });
const moreToggle = (page: Page) => page.getByRole('button', { name: 'More tools', exact: true });
const filters = (page: Page) => page.getByRole('search', { name: 'Search and filter events' });
const searchBox = (page: Page) => filters(page).getByRole('searchbox');
const count = (page: Page) => page.getByTestId('event-count');
const steps = (page: Page) => page.locator('section.list li[data-step-id]');
const HINT = 'Zoom with Ctrl/⌘ + scroll, a pinch or a double-click; drag to pan.';
/** The zoom hint where it is shown (beside the range on wide screens, in "More tools" on phones). */
const hint = (page: Page) => page.getByText(HINT, { exact: true }).filter({ visible: true });

/** The tools behind "More tools", in their order: each one's name, and how to find it in `scope`. */
const TOOLS: [name: string, find: (scope: Page | Locator) => Locator][] = [
	// The spacing switch: a radio group, one Tab stop (its checked radio).
	['Even spacing', (scope) => scope.getByRole('radio', { name: 'Even spacing', exact: true })],
	['List view', (scope) => scope.getByRole('button', { name: 'List view', exact: true })],
	['Embed', (scope) => scope.getByRole('button', { name: 'Embed', exact: true })],
	['Download', (scope) => scope.locator('summary', { hasText: /^Download$/ })],
	['Keyboard shortcuts', (scope) => scope.getByRole('button', { name: 'Keyboard shortcuts', exact: true })]
];

/** The element a disclosure button controls (its aria-controls). */
async function controlled(page: Page, toggle: Locator): Promise<Locator> {
	const id = await toggle.getAttribute('aria-controls');
	expect(id, 'the button names what it controls').toBeTruthy();
	return page.locator(`[id="${id}"]`);
}

/** Presses Tab from where focus is until `target` has focus (at most `max` presses). */
async function tabTo(page: Page, target: Locator, max = 30) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((element) => element === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${target}`);
}

test.use({ reducedMotion: 'reduce' });

test.describe('at 360 × 780', () => {
	test.use({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

	test.beforeEach(async ({ page }) => {
		await page.goto('/');
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		await settled(page);
	});

	test('the first event mark starts within the top 60 % of the first screen, under a one-row bar', async ({ page }) => {
		expect(await page.evaluate(() => scrollY)).toBe(0);
		// The topmost event mark (a glyph in a lane, not a span bar): the first one the eye meets.
		const tops = await page.locator('.plot button.mark[data-event-id]').evaluateAll((marks) => marks.map((mark) => mark.getBoundingClientRect().top));
		expect(Math.min(...tops), `the first mark's top (px) at 360 × 780`).toBeLessThanOrEqual(0.6 * 780);

		// Folded: the two buttons instead of the controls, the zoom buttons still there by their
		// names, and the range and the count in view.
		for (const toggle of [filterToggle(page), moreToggle(page)]) {
			await expect(toggle).toBeVisible();
			await expect(toggle).toHaveAttribute('aria-expanded', 'false');
			await expect(await controlled(page, toggle)).toHaveCount(1);
		}
		await expect(searchBox(page)).toBeHidden();
		for (const [, find] of TOOLS) await expect(find(page)).toBeHidden();
		await expect(hint(page)).toHaveCount(0);
		for (const name of ['Zoom in', 'Zoom out', 'Reset']) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
		await expect(page.getByTestId('visible-range')).toBeVisible();
		await expect(page.getByTestId('visible-range')).toHaveText(/\S – \S/);
		await expect(count(page)).toBeVisible();
		await expect(count(page)).toHaveText(countText(TOTAL));
		expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling').toBeLessThanOrEqual(360);
	});

	test('"Search & filter" opens by keyboard; a search typed there filters the events, and the count says so', async ({ page }) => {
		const query = 'Treaty';
		const expected = expectedEvents({ q: query });
		expect(expected.length, `"${query}" finds some events but not all`).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(TOTAL);

		const toggle = filterToggle(page);
		await tabTo(page, toggle);
		await page.keyboard.press('Enter');
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await expect(await controlled(page, toggle)).toBeVisible();
		// The next stop is the search box, then each filter in turn.
		await page.keyboard.press('Tab');
		await expect(searchBox(page)).toBeFocused();
		await page.keyboard.type(query);
		await expect(count(page)).toHaveText(countText(expected.length));
		await expect(steps(page)).toHaveCount(expected.length);
		expect(await steps(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-step-id')))).toEqual(expected.map((e) => e.id));
		await expect(toggle).toHaveAccessibleName('Search & filter 1 active');
		for (const name of ['Themes', 'Sources', 'Source type']) {
			await page.keyboard.press('Tab');
			await expect(filters(page).locator('summary', { hasText: new RegExp(`^${name}`) })).toBeFocused();
		}
		await page.keyboard.press('Tab');
		await expect(filters(page).getByRole('switch', { name: 'Context events' })).toBeFocused();

		// Folded again (Space this time), the search holds, and the count stays shown and announced.
		await toggle.focus();
		await page.keyboard.press(' ');
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await expect(searchBox(page)).toBeHidden();
		await expect(count(page)).toBeVisible();
		await expect(count(page)).toHaveText(countText(expected.length));
		expect(await count(page).evaluate((element) => element.closest('[aria-live]')?.getAttribute('aria-live'))).toBe('polite');
		await expect(steps(page)).toHaveCount(expected.length);
	});

	test('"Search & filter" counts the filters a link turns on', async ({ page }) => {
		await page.goto('/?themes=diplomacy,sanctions&context=0');
		await expect(count(page)).toHaveText(countText(expectedEvents({ themes: ['diplomacy', 'sanctions'], context: false }).length));
		await expect(filterToggle(page)).toHaveAccessibleName('Search & filter 3 active');
	});

	test('"More tools" opens by keyboard, Tab reaches every tool, Escape closes it and focus returns to it', async ({ page }) => {
		const toggle = moreToggle(page);
		await tabTo(page, toggle);
		await page.keyboard.press('Enter');
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		const menu = await controlled(page, toggle);
		await expect(menu).toBeVisible();
		await expect(menu.getByText(HINT, { exact: true })).toBeVisible();
		for (const [name, find] of TOOLS) {
			await page.keyboard.press('Tab');
			const tool = find(menu);
			await expect(tool, name).toBeFocused();
			await expect(tool).toBeInViewport();
		}
		await page.keyboard.press('Escape');
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await expect(menu.getByRole('button', { name: 'List view' })).toBeHidden();
		await expect(toggle).toBeFocused();

		// Space opens it too; Tab past its last tool closes it, so it never covers what has focus.
		await page.keyboard.press(' ');
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		for (let i = 0; i <= TOOLS.length; i++) await page.keyboard.press('Tab');
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		expect(await menu.evaluate((element) => element.contains(document.activeElement))).toBe(false);
	});

	test('a dialog opened from "More tools" shows, and closing it returns focus to its tool in the menu', async ({ page }) => {
		const toggle = moreToggle(page);
		await toggle.focus();
		await page.keyboard.press('Enter');
		const tool = page.getByRole('button', { name: 'Keyboard shortcuts', exact: true });
		await tool.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
		await expect(dialog).toBeVisible();
		await expect(dialog).toBeInViewport();
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(tool).toBeFocused();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await page.keyboard.press('Escape');
		await expect(toggle).toBeFocused();
	});

	test('a tap outside "More tools" closes it', async ({ page }) => {
		await moreToggle(page).tap();
		await expect(moreToggle(page)).toHaveAttribute('aria-expanded', 'true');
		await page.getByRole('heading', { level: 1 }).tap();
		await expect(moreToggle(page)).toHaveAttribute('aria-expanded', 'false');
		await expect(page.getByRole('button', { name: 'List view' })).toBeHidden();
	});
});

test.describe('at 1280 × 800', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('neither fold is there: the search, filters, zoom words, hint and tools show as before', async ({ page }) => {
		await page.goto('/');
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		// Not rendered, so not in the accessibility tree either (role locators skip hidden elements).
		await expect(filterToggle(page)).toHaveCount(0);
		await expect(moreToggle(page)).toHaveCount(0);

		await expect(searchBox(page)).toBeVisible();
		for (const name of ['Themes', 'Sources', 'Source type']) await expect(filters(page).locator('summary', { hasText: new RegExp(`^${name}`) })).toBeVisible();
		await expect(filters(page).getByRole('switch', { name: 'Context events' })).toBeVisible();
		await expect(count(page)).toHaveText(countText(TOTAL));
		for (const name of ['Zoom in', 'Zoom out', 'Reset']) {
			const button = page.getByRole('button', { name, exact: true });
			await expect(button).toBeVisible();
			await expect(button).toContainText(name);
			expect((await button.boundingBox())!.width, `"${name}" shows its word, not only an icon`).toBeGreaterThan(60);
		}
		await expect(page.getByTestId('visible-range')).toBeVisible();
		await expect(hint(page)).toHaveCount(1);
		for (const [name, find] of TOOLS) await expect(find(page), name).toBeVisible();
		// One row of filters above the zoom controls, the tools under them, as before.
		const box = async (locator: Locator) => (await locator.boundingBox())!;
		const search = await box(searchBox(page));
		const zoomIn = await box(page.getByRole('button', { name: 'Zoom in', exact: true }));
		const listView = await box(page.getByRole('button', { name: 'List view', exact: true }));
		const switchBox = await box(filters(page).getByRole('switch', { name: 'Context events' }));
		expect(Math.abs(search.y + search.height / 2 - (switchBox.y + switchBox.height / 2)), 'the filters in one row').toBeLessThan(4);
		expect(zoomIn.y).toBeGreaterThan(search.y + search.height);
		expect(listView.y).toBeGreaterThanOrEqual(zoomIn.y);
	});
});
