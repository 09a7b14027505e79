/**
 * Accessibility, end to end: axe-core with its default rules (best practices included: one main
 * landmark, everything inside a landmark, heading order) and WCAG 2.2's target size finds nothing on
 * every page and state; a keyboard-only reader reaches every control with Tab, is never trapped, always sees
 * where focus is, and never has it hidden under the sticky timeline or the bottom sheet; the page
 * reflows at 320 CSS px (320 px wide, and 1280 px at 400 % zoom) without scrolling sideways; and
 * prefers-reduced-motion turns the zoom animation and the transitions off.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, panel, plot, test, unfold, visibleRange } from './fixtures';
import { settled } from './view';
import { EVENTS } from './expected';

/** axe's default rules, and WCAG 2.2 AA's target size, which axe leaves off by default. */
const AXE_OPTIONS = { rules: { 'target-size': { enabled: true } } };

/** The page's marks (event buttons) in the plot. */
const marks = (page: Page) => plot(page).locator('button[data-event-id]');

/**
 * Waits until the page and each of its frames are still: no zoom under way in a plot (its
 * data-settled), and no CSS transition or animation running, so what is measured is what stays.
 */
async function still(page: Page) {
	for (const frame of page.frames()) {
		if (await frame.locator('.plot').count()) await settled(frame);
		await frame.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
	}
}

async function openPage(page: Page, path: string) {
	await page.goto(path);
	await expect(marks(page).first()).toBeVisible();
}

/**
 * Runs axe (on the whole page, or only on `include`; every rule, or only `rules`) and fails with
 * one line per violation and node: rule id, impact, selector, message.
 */
async function expectNoAxeViolations(page: Page, state: string, include?: string, rules?: string[]) {
	// The full page's story steps off screen skip layout (content-visibility), and axe would read
	// colours at their placeholders' places, where other boxes are drawn: the story is laid out
	// whole first, as the page itself does before a jump to a step (lib/actions/layOutStory.ts).
	await page.evaluate(() => (document.documentElement.dataset.storyLaidOut = ''));
	// Transitions and the zoom animation finished, so colours are measured as shown.
	await still(page);
	let builder = new AxeBuilder({ page }).options(AXE_OPTIONS);
	if (include) builder = builder.include(include);
	if (rules) builder = builder.withRules(rules);
	const results = await builder.analyze();
	const lines = results.violations.flatMap((violation) =>
		violation.nodes.map(
			(node) =>
				`[${state}] ${violation.id} (${violation.impact}): ${violation.help} — ${node.target.join(' ')} — ${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`
		)
	);
	expect(lines, `axe violations in state "${state}"`).toEqual([]);
}

/* ------------------------------------------------------------------ axe */

/**
 * The states, each checked in light, in dark and at 360 px. A full scan of / takes several
 * seconds (the story lists every event), so menus and dialogs are scanned on their own once the
 * page around them has been scanned whole.
 */
const AXE_STATES: { state: string; path: string; act?: (page: Page) => Promise<unknown>; include?: string; lightOnly?: true }[] = [
	{ state: '/', path: '/' },
	{ state: '/ with an event open (?event=treaty-signed)', path: '/?event=treaty-signed' },
	{ state: "an event's own page, its timeline drawn (/events/treaty-signed)", path: '/events/treaty-signed' },
	{
		state: 'the Cite box of the open event',
		path: '/?event=treaty-signed',
		act: (page) => panel(page).locator('summary', { hasText: 'Cite' }).click(),
		include: 'section.panel',
		lightOnly: true
	},
	{
		state: 'a search typed in the search box ("treaty")',
		path: '/',
		act: async (page) => {
			await unfold(page, 'filters');
			await page.getByRole('searchbox').pressSequentially('treaty');
			await expect(page.getByTestId('event-count')).toHaveText(/ of /);
			await expect(page.locator('mark.hit').first()).toBeVisible();
		}
	},
	{
		state: 'a search with no results',
		path: '/',
		act: async (page) => {
			await unfold(page, 'filters');
			await page.getByRole('searchbox').fill('no such words anywhere');
			await expect(page.getByRole('button', { name: 'Clear search and filters' })).toBeVisible();
		},
		include: 'section.timeline > .filters, section.timeline > p.none, .toolbar',
		lightOnly: true
	},
	...['Themes', 'Sources', 'Source type', 'Download'].map((name) => ({
		state: `the ${name} menu open`,
		path: '/',
		act: async (page: Page) => {
			await unfold(page, name === 'Download' ? 'tools' : 'filters');
			await page.locator('summary', { hasText: name }).first().click();
		},
		include: 'section.timeline > .filters, .toolbar',
		lightOnly: true as const
	})),
	{
		// On phones "Search & filter" (with its count of filters on) and "More tools" open; on wide
		// screens, where both are shown as they are, the same scan of the bar.
		state: 'the phone bar opened: "Search & filter" with a filter on, and "More tools"',
		path: '/?themes=diplomacy',
		act: async (page) => {
			await unfold(page, 'filters');
			await unfold(page, 'tools');
		},
		include: 'section.timeline > .filters, .toolbar'
	},
	{
		state: 'the Embed dialog open (with its live preview)',
		path: '/?event=treaty-signed',
		act: async (page) => {
			// On phones the open event's sheet is modal: it is closed to reach the toolbar.
			if (await page.locator('dialog.sheet').count()) await page.keyboard.press('Escape');
			await unfold(page, 'tools');
			await page.getByRole('button', { name: 'Embed' }).click();
			await expect(page.getByRole('dialog', { name: 'Embed this view' })).toBeVisible();
			await expect(page.frameLocator('iframe.preview').locator('button[data-event-id]').first()).toBeVisible();
		},
		include: 'dialog[open]'
	},
	{
		state: 'the Keyboard shortcuts dialog open',
		path: '/',
		act: async (page) => {
			await unfold(page, 'tools');
			await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
			await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
		},
		include: 'dialog[open]'
	},
	{
		state: 'the list view',
		path: '/',
		act: async (page) => {
			await unfold(page, 'tools');
			await page.getByRole('button', { name: 'List view' }).click();
			await expect(page.getByRole('button', { name: 'List view' })).toHaveAttribute('aria-pressed', 'true');
		}
	},
	{ state: '/embed', path: '/embed', lightOnly: true },
	{ state: '/embed?event=treaty-signed&story=1', path: '/embed?event=treaty-signed&story=1' },
	{ state: '/embed?theme=dark&title=0&event=treaty-signed', path: '/embed?theme=dark&title=0&event=treaty-signed', lightOnly: true },
	{
		state: '/embed-example.html (the article and the embedded timeline in its iframe)',
		path: '/embed-example.html',
		act: async (page) => {
			await page.locator('iframe').scrollIntoViewIfNeeded();
			await expect(page.frameLocator('iframe').locator('button[data-event-id]').first()).toBeVisible();
		},
		lightOnly: true
	}
];

/**
 * Dark mode changes colours only (the same markup and layout as light), so it is scanned with the
 * rules that read colours; a full scan of / takes twice as long.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

for (const [mode, use, rules] of [
	['light', {}, undefined],
	['dark mode', { colorScheme: 'dark' as const }, COLOUR_RULES],
	['360 px', { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true }, undefined]
] as const) {
	test.describe(`axe finds nothing (${rules ? 'colour rules' : 'default rules, target size'}) (${mode})`, () => {
		test.use(use);
		test.describe.configure({ timeout: 90_000 });
		for (const { state, path, act, include, lightOnly } of AXE_STATES) {
			if (lightOnly && mode !== 'light') continue;
			test(state, async ({ page }) => {
				if (path.startsWith('/embed-example')) await page.goto(path);
				else await openPage(page, path);
				await act?.(page);
				await expectNoAxeViolations(page, `${mode}: ${state}`, include, rules && [...rules]);
			});
		}
	});
}

/* -------------------------------------------------------------- keyboard */

interface Stop {
	/** Stable key of the control (data-kbd-key set before the journey), or a description. */
	key: string;
	description: string;
	indicator: string | null;
	/** Whether any part of it is on screen and not covered by other content (WCAG 2.4.11). */
	shown: boolean;
}

/**
 * Labels every control a keyboard user can reach now (in the tab order, enabled, rendered, not
 * inert) with data-kbd-key; the plot's one roving tab stop counts as one control. Returns them.
 */
function labelFocusables(page: Page): Promise<{ key: string; description: string }[]> {
	return page.evaluate(() => {
		const plot = document.querySelector('[role="group"][aria-label^="Events from"]');
		const selector = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"], [contenteditable=""]';
		const found: { key: string; description: string }[] = [];
		// An open modal dialog (the phone sheet, the dialogs) makes everything outside it inert.
		const modal = document.querySelector('dialog:modal');
		document.querySelectorAll<HTMLElement>(selector).forEach((element, i) => {
			if (element.tabIndex < 0 || element.matches(':disabled') || element.closest('[inert]')) return;
			if (modal && !modal.contains(element)) return;
			if (element.localName === 'summary' && element.parentElement?.querySelector(':scope > summary') !== element) return;
			if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: false } as CheckVisibilityOptions)) return;
			const box = element.getBoundingClientRect();
			if (box.width === 0 || box.height === 0) return;
			// A radio group is one tab stop (arrow keys move within it): its radios share one key.
			const radioGroup = element instanceof HTMLInputElement && element.type === 'radio' && element.name ? `radio group ${element.name}` : null;
			const key = plot?.contains(element) ? 'plot tab stop' : (radioGroup ?? `k${i}`);
			element.dataset.kbdKey = key;
			const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 70);
			found.push({ key, description: `<${element.localName}> "${name}"` });
		});
		return found;
	});
}

/** The focused element now: its key, whether it shows a focus indicator, whether it is visible. */
function focusedStop(page: Page): Promise<Stop | null> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body || element === document.documentElement) return null;
		const plot = document.querySelector('[role="group"][aria-label^="Events from"]');
		const style = getComputedStyle(element);
		const transparent = (colour: string) => /^(transparent|rgba\(.*,\s*0\))$/.test(colour);
		const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && !transparent(style.outlineColor);
		const shadow = style.boxShadow !== 'none';
		const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 70);
		const description = `<${element.localName}${element.className ? ` class="${String(element.className).slice(0, 40)}"` : ''}> "${name}"`;
		// Nine points across each of its boxes (a link may wrap over lines): is any of them on
		// screen and not under something else?
		let shown = false;
		for (const box of element.getClientRects()) {
			for (const fx of [0.1, 0.5, 0.9]) {
				for (const fy of [0.1, 0.5, 0.9]) {
					const x = box.left + box.width * fx;
					const y = box.top + box.height * fy;
					if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
					const hit = document.elementFromPoint(x, y);
					if (hit && (hit === element || element.contains(hit))) shown = true;
				}
			}
		}
		return {
			key: element.dataset.kbdKey ?? (plot?.contains(element) ? 'plot tab stop' : `unlabelled ${description}`),
			description,
			indicator: outline ? `outline ${style.outlineStyle} ${style.outlineWidth}` : shadow ? `box-shadow ${style.boxShadow}` : null,
			shown
		};
	});
}

/**
 * Tabs from the top of the page (or from where focus last was) until focus comes back to the
 * first control it reached, or leaves the page a second time. Returns the stops, how it ended, and
 * the controls disabled as focus reached each stop (the story moves the view, which can disable Zoom in).
 */
async function tabJourney(page: Page, cap: number): Promise<{ stops: Stop[]; ended: string; disabledAt: Set<string>[] }> {
	await page.evaluate(() => {
		(document.activeElement as HTMLElement | null)?.blur();
		window.scrollTo(0, 0);
	});
	const stops: Stop[] = [];
	/** For each stop, the controls disabled as focus reached it. */
	const disabledAt: Set<string>[] = [];
	let repeats = 0;
	// Tab starts after the element that last had focus (blur keeps that starting point): past the
	// last control focus leaves the page once, then comes back to the first (the first of an open
	// modal dialog). Follow it round once, so every control is visited wherever the journey began.
	let wrapped = false;
	for (let i = 0; i < cap; i++) {
		await page.keyboard.press('Tab');
		const stop = await focusedStop(page);
		const disabled = new Set(await page.evaluate(() => [...document.querySelectorAll<HTMLButtonElement>('button[data-kbd-key]:disabled')].map((b) => b.dataset.kbdKey!)));
		if (!stop && !wrapped) {
			wrapped = true;
			continue;
		}
		if (!stop) return { stops, ended: stops.length ? 'left the page' : 'never entered the page', disabledAt };
		if (stops.length && stop.key === stops[0]!.key && stop.key !== 'plot tab stop') return { stops, ended: 'cycled to the first control', disabledAt };
		repeats = stops.length && stops.at(-1)!.key === stop.key ? repeats + 1 : 0;
		if (repeats >= 3) return { stops, ended: `trapped on ${stop.description}`, disabledAt };
		stops.push(stop);
		disabledAt.push(disabled);
	}
	return { stops, ended: `still inside the page after ${cap} presses of Tab`, disabledAt };
}

async function expectKeyboardReachesEverything(page: Page) {
	const controls = await labelFocusables(page);
	expect(controls.length).toBeGreaterThan(5);
	const { stops, ended, disabledAt } = await tabJourney(page, Math.max(200, controls.length * 2 + 10));
	expect(ended, `how the Tab journey ended after ${stops.length} stops`).toMatch(/^(left the page|cycled to the first control)$/);
	const visited = new Set(stops.map((stop) => stop.key));
	// Tabbing through the story moves the view with it: a story step at the closest zoom disables
	// "Zoom in", which Tab then rightly passes by. A control is excused only when it was disabled
	// as Tab went past it: between two stops on either side of it in the page's order.
	const order = new Map(controls.map((control, i) => [control.key, i]));
	const passedDisabled = new Set<string>();
	for (let i = 1; i < stops.length; i++) {
		const [from, to] = [order.get(stops[i - 1]!.key), order.get(stops[i]!.key)];
		if (from === undefined || to === undefined || to <= from) continue;
		for (const control of controls.slice(from + 1, to)) if (disabledAt[i]!.has(control.key)) passedDisabled.add(control.key);
	}
	const missed = controls.filter((control) => !visited.has(control.key) && !passedDisabled.has(control.key)).map((control) => control.description);
	expect(missed, 'controls Tab never reached').toEqual([]);
	const noIndicator = [...new Map(stops.filter((stop) => !stop.indicator).map((stop) => [stop.key, stop.description])).values()];
	expect(noIndicator, 'focused without a visible focus indicator (outline or box-shadow)').toEqual([]);
	return stops;
}

test.describe('keyboard only', () => {
	test('from the top, Tab reaches every control on / with a visible focus indicator, and leaves the page', async ({ page }) => {
		await openPage(page, '/');
		await expectKeyboardReachesEverything(page);
	});

	test('the same with an event open (/?event=treaty-signed)', async ({ page }) => {
		await openPage(page, '/?event=treaty-signed');
		await expect(panel(page)).toBeVisible();
		await expectKeyboardReachesEverything(page);
	});

	test('the same on /embed with the story', async ({ page }) => {
		await openPage(page, '/embed?event=treaty-signed&story=1');
		await expectKeyboardReachesEverything(page);
	});

	test('at 360 px the bottom sheet is modal: Tab reaches its controls and stays in it; Esc closes it, then the page is reachable', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 780 });
		// On the time scale: Tab scrolls the story, whose steps move the axis; with even spacing a
		// step's range can be the closest zoom, disabling Zoom in after it was counted as a control.
		await openPage(page, '/?event=treaty-signed&spacing=time');
		await expect(panel(page)).toBeVisible();
		const sheet = page.locator('dialog.sheet');
		expect(await sheet.evaluate((dialog) => dialog.matches(':modal')), 'the sheet is a modal dialog').toBe(true);
		const stops = await expectKeyboardReachesEverything(page);
		expect(stops.length).toBeGreaterThan(3);
		const outside = await page.evaluate(() => [...document.querySelectorAll('[data-kbd-key]')].filter((e) => !e.closest('dialog.sheet')).length);
		expect(outside, 'controls outside the sheet counted as reachable').toBe(0);
		await page.keyboard.press('Escape');
		await expect(panel(page)).toHaveCount(0);
		await expect(page.locator('[data-event-id="treaty-signed"]')).toBeFocused();
		await page.evaluate(() => document.querySelectorAll('[data-kbd-key]').forEach((e) => e.removeAttribute('data-kbd-key')));
		await expectKeyboardReachesEverything(page);
	});

	test('in the Keyboard shortcuts dialog, Tab stays in the dialog and Esc returns focus to its button', async ({ page }) => {
		await openPage(page, '/');
		const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
		await button.focus();
		await page.keyboard.press('Enter');
		const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
		await expect(dialog).toBeVisible();
		for (let i = 0; i < 4; i++) {
			await page.keyboard.press('Tab');
			const inside = await page.evaluate(() => !!document.activeElement?.closest('dialog[open]') || document.activeElement === document.body);
			expect(inside, 'focus stays in the modal dialog').toBe(true);
		}
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(button).toBeFocused();
	});

	/**
	 * WCAG 2.2 SC 2.4.11 Focus Not Obscured (Minimum): the focused control is never entirely hidden.
	 * Story controls scroll in below the sticky timeline (scroll-margin-top); on phones the open
	 * sheet is modal, so focus never reaches what it covers; on short screens the plot stops sticking.
	 */
	for (const [label, size, path] of [
		['at 1280 × 800', { width: 1280, height: 800 }, '/'],
		['at 1280 × 600', { width: 1280, height: 600 }, '/'],
		['at 360 × 780', { width: 360, height: 780 }, '/'],
		['at 360 × 780 with the bottom sheet open', { width: 360, height: 780 }, '/?event=treaty-signed'],
		['at 740 × 360 (a phone on its side)', { width: 740, height: 360 }, '/']
	] as const) {
		test(`focus is never entirely hidden behind the sticky timeline or the sheet (2.4.11), ${label}`, async ({ page }) => {
			await page.setViewportSize(size);
			await openPage(page, path);
			await labelFocusables(page);
			const { stops } = await tabJourney(page, 300);
			expect(stops.length).toBeGreaterThan(5);
			const hidden = [...new Map(stops.filter((stop) => !stop.shown).map((stop) => [stop.key, stop.description])).values()];
			expect(hidden, `focused controls entirely hidden (${hidden.length} of ${new Set(stops.map((s) => s.key)).size})`).toEqual([]);
		});
	}
});

/* ----------------------------------------------------------------- reflow */

/** Where the page scrolls sideways, and what sticks out of the viewport (the plot excepted). */
function overflow(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement;
		const plot = document.querySelector('[role="group"][aria-label^="Events from"]');
		const width = root.clientWidth;
		const sticking = [...document.querySelectorAll<HTMLElement>('body *')]
			.filter((element) => {
				if (plot?.contains(element) || element.closest('.visually-hidden')) return false;
				if (!element.checkVisibility({ visibilityProperty: true })) return false;
				const box = element.getBoundingClientRect();
				return box.width > 0 && (box.right > width + 1 || box.left < -1);
			})
			// Report the outermost offender only.
			.filter((element, _, all) => !all.some((other) => other !== element && other.contains(element)))
			.map((element) => {
				const box = element.getBoundingClientRect();
				const where = element.closest('[id]')?.id;
				return `<${element.localName} class="${element.className}">${where ? ` in #${where}` : ''} spans x ${Math.round(box.left)}…${Math.round(box.right)}: "${(element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}"`;
			});
		return { scrollWidth: root.scrollWidth, clientWidth: width, scrolls: root.scrollWidth > width + 1, sticking };
	});
}

/** Each state the reflow test visits: a path, and what to do there. */
const REFLOW_STATES: [string, string, ((page: Page) => Promise<unknown>) | null][] = [
	['/ at rest', '/', null],
	['/ with an event open', '/?event=treaty-signed', null],
	['/ with the Cite box open', '/?event=treaty-signed', (page) => panel(page).locator('summary', { hasText: 'Cite' }).click()],
	['/ with the Themes menu open', '/', (page) => unfold(page, 'filters').then(() => page.locator('summary', { hasText: 'Themes' }).click())],
	['/ with the Sources menu open', '/', (page) => unfold(page, 'filters').then(() => page.locator('summary', { hasText: 'Sources' }).click())],
	['/ with the Source type menu open', '/', (page) => unfold(page, 'filters').then(() => page.locator('summary', { hasText: 'Source type' }).click())],
	['/ with the Download menu open', '/', (page) => unfold(page, 'tools').then(() => page.locator('summary', { hasText: 'Download' }).click())],
	['/ with the Embed dialog open', '/', (page) => unfold(page, 'tools').then(() => page.getByRole('button', { name: 'Embed' }).click())],
	['/ with "Search & filter" and "More tools" open', '/?themes=diplomacy', (page) => unfold(page, 'filters').then(() => unfold(page, 'tools'))],
	['/ with the Keyboard shortcuts dialog open', '/', (page) => unfold(page, 'tools').then(() => page.getByRole('button', { name: 'Keyboard shortcuts' }).click())],
	['/embed with an event and the story', '/embed?event=treaty-signed&story=1', null],
	['/embed-example.html', '/embed-example.html', null]
];

/** Opens each reflow state in turn and hands what overflows there to `check`. */
async function eachReflowState(page: Page, check: (state: string, result: Awaited<ReturnType<typeof overflow>>) => void) {
	for (const [state, path, action] of REFLOW_STATES) {
		await page.goto(path);
		if (path.startsWith('/embed-example')) await page.waitForLoadState('load');
		else await expect(marks(page).first()).toBeVisible();
		await action?.(page);
		await still(page);
		check(state, await overflow(page));
	}
}

for (const [label, viewport] of [
	['320 px wide', { width: 320, height: 640 }],
	['1280 px at 400 % zoom (320 × 256 CSS px)', { width: 320, height: 256 }]
] as const) {
	test.describe(`reflow at ${label}`, () => {
		test.use({ viewport, deviceScaleFactor: viewport.height === 256 ? 4 : 1 });

		// One pass over the states checks both (each state is opened once, not once per check);
		// the first check is soft, so a failure of either is reported with the other's result.
		test('the document never scrolls sideways, and no content is cut off at the left or right edge (the plot excepted)', async ({ page }) => {
			test.setTimeout(60_000);
			const scrolling: string[] = [];
			const cutOff: string[] = [];
			await eachReflowState(page, (state, result) => {
				if (result.scrolls) scrolling.push(`[${state}] scrollWidth ${result.scrollWidth} > clientWidth ${result.clientWidth}; widest: ${result.sticking.filter((s) => !/spans x -/.test(s)).join(' | ')}`);
				for (const element of result.sticking) cutOff.push(`[${state}] ${element}`);
			});
			expect.soft(scrolling, 'horizontal scrolling').toEqual([]);
			expect(cutOff, 'content outside the 320 px viewport').toEqual([]);
		});
	});
}

/* --------------------------------------------------------- reduced motion */

/* ------------------------------------------------------------------ content on hover or focus */

test('a mark whose label is not its title shows the title on hover and keyboard focus, and Esc hides it (1.4.13), without a title attribute to read twice', async ({ page }) => {
	// The treaty: its short label in events.json is not its title.
	const event = EVENTS.find((e) => e.id === 'treaty-signed')!;
	expect((event as unknown as { label: string }).label).not.toBe(event.title);
	await page.goto(`/embed?event=${event.id}`);
	const mark = plot(page).locator(`button[data-event-id="${event.id}"]`);
	await expect(mark).toBeVisible();
	await settled(page);
	const tip = () => mark.evaluate((element) => {
		const style = getComputedStyle(element, '::after');
		return style.display === 'none' ? null : style.content;
	});
	await expect(mark).not.toHaveAttribute('title');
	await expect(mark).toHaveAccessibleDescription('');

	await mark.hover();
	await expect.poll(tip, 'shown on hover').toBe(JSON.stringify(event.title));
	await page.keyboard.press('Escape');
	await expect.poll(tip, 'Esc hides it, the pointer still on the mark').toBeNull();

	// Keyboard focus shows it too (the pointer moved away first, so hover is not what shows it).
	await page.mouse.move(0, 0);
	await mark.focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowLeft');
	await expect(mark).toBeFocused();
	await expect.poll(tip, 'shown on keyboard focus').toBe(JSON.stringify(event.title));
});

test.describe('prefers-reduced-motion: reduce', () => {
	test.use({ reducedMotion: 'reduce' });

	test('"Zoom in" changes the visible range at once and the marks settle within a few frames, not a 250 ms animation', async ({ page }) => {
		await openPage(page, '/');
		const before = await visibleRange(page);
		const result = await page.evaluate(async () => {
			const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
			const range = () => document.querySelector('[data-testid="visible-range"]')!.textContent;
			const positions = () =>
				JSON.stringify([...document.querySelectorAll('[role="group"][aria-label^="Events from"] [data-event-id], [role="group"][aria-label^="Events from"] .tick')].map((e) => [e.getAttribute('data-event-id') ?? e.textContent, Math.round(e.getBoundingClientRect().left)]));
			const zoomIn = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Zoom in'))!;
			zoomIn.click();
			await frame();
			const rangeAfterOneFrame = range();
			// The global reduced-motion rule leaves 0.01 ms transitions, which the browser ends on the next frames.
			await frame();
			await frame();
			await frame();
			const early = positions();
			// Then until nothing moves any more: no zoom under way, no transition running (or 10 s).
			const plot = document.querySelector('.plot');
			const still = () => plot?.getAttribute('data-settled') === 'true' && document.getAnimations().every((a) => a.playState !== 'running');
			for (let i = 0; i < 600 && !still(); i++) await frame();
			await frame();
			await frame();
			return { rangeAfterOneFrame, settledEarly: early === positions() };
		});
		expect(result.rangeAfterOneFrame, 'the visible range text one frame after the click').not.toBe(before);
		expect(result.rangeAfterOneFrame).toBe(await visibleRange(page));
		expect(result.settledEarly, 'marks and ticks are where they end up four frames after the click').toBe(true);
	});

	test('buttons, links and marks have no transition or animation', async ({ page }) => {
		await openPage(page, '/?event=treaty-signed');
		const slow = await page.evaluate(() => {
			const seconds = (value: string) => Math.max(...value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part))));
			return [...document.querySelectorAll<HTMLElement>('button, a, summary, .mark, .span, .brush, input')]
				.map((element) => {
					const style = getComputedStyle(element);
					return { element, transition: seconds(style.transitionDuration), animation: style.animationName === 'none' ? 0 : seconds(style.animationDuration) };
				})
				.filter(({ transition, animation }) => transition > 0.001 || animation > 0.001)
				.map(({ element, transition, animation }) => `<${element.localName} class="${element.className}"> transition ${transition}s animation ${animation}s`);
		});
		expect(slow).toEqual([]);
	});
});
