/**
 * The pages' first script (/ and /embed): what makes the prerendered marks open their events in
 * place, and no more. The live timeline (zoom, scales, dates, filters, the story's buttons) loads
 * when the page is idle or at the plot's first gesture and takes the prerendered markup over.
 * These tests hold the live timeline's code back at the network, as a slow connection would, and
 * act in that time.
 */
import type { Page } from '@playwright/test';
import { EVENTS, STORY_ORDER } from './expected';
import { firstStage, holdLiveTimeline, neverIdle, rememberElements, stage } from './stages';
import { expect, test } from './fixtures';
import { checkView, ctrlWheelFactor, ctrlWheelInPlot, drawnView, expectView, mouseDrag, panned, plotArea, settled, zoomedAbout, zoomedAboutCentre } from './view';

/** The pages in two stages: the full page and the embed. */
const PAGES = ['/', '/embed'] as const;


/** Whether an element's box is at least partly inside the viewport. */
const inViewport = (page: Page, selector: string) =>
	page.evaluate((selector) => {
		const element = [...document.querySelectorAll(selector)].find((candidate) => candidate.getClientRects().length > 0);
		const box = element?.getBoundingClientRect();
		return !!box && box.bottom > 0 && box.top < innerHeight && box.height > 0;
	}, selector);

/** The title of an event in events.json. */
const titleOf = (id: string) => EVENTS.find((event) => event.id === id)!.title;

for (const path of PAGES)
for (const width of [1280, 360]) {
	test(`${path} at ${width} px: a prerendered mark opens its event in place before the live timeline has loaded, and the live timeline keeps it open`, async ({ page }) => {
		const held = await holdLiveTimeline(page, path);
		await neverIdle(page);
		await page.setViewportSize({ width, height: 800 });
		await page.goto(path);
		await expect.poll(() => stage(page), { message: 'the first script has run' }).toBe('first');
		expect(await page.locator('.plot button[data-event-id]').count(), 'no live plot yet').toBe(0);

		// The event as events.json has it: its title and the number of its excerpts.
		const mark = page.locator('.plot a[data-event-id]:visible').nth(2);
		const id = (await mark.getAttribute('data-event-id'))!;
		const event = EVENTS.find((candidate) => candidate.id === id)!;
		const excerpts = event.citations.length;
		await mark.click();
		const panel = page.locator('section.panel');
		await expect(panel.locator('#details-title')).toHaveText(event.title);
		await expect(panel.getByText(`What the sources say (${excerpts} excerpt${excerpts === 1 ? '' : 's'})`)).toBeVisible();
		await expect(panel.locator('figure.citation')).toHaveCount(excerpts);
		// In place: the page did not leave for the event's page or its step's anchor, and focus is on the title.
		expect(new URL(page.url()).pathname).toBe(path);
		expect(new URL(page.url()).hash).toBe('');
		await expect(panel.locator('#details-title')).toBeFocused();
		if (path === '/' && width >= 960) {
			// Beside the plot, in the event's own story step, brought into view with the plot beside it.
			await expect(page.locator(`[data-step-id="${id}"] section.panel`)).toHaveCount(1);
			await expect.poll(() => inViewport(page, `[data-step-id="${id}"] section.panel`), { message: 'the step is in view' }).toBe(true);
			await expect.poll(() => inViewport(page, '.plot'), { message: 'the plot is in view beside it' }).toBe(true);
		} else if (path === '/') {
			// On a phone, a modal sheet.
			await expect(page.locator('dialog.sheet[open] section.panel')).toHaveCount(1);
		}
		expect(held.asked, 'a click on a mark does not need the live timeline').toEqual([]);

		// Close gives focus back to the mark; opening it again by keyboard works too.
		await panel.getByRole('button', { name: 'Close details' }).click();
		await expect(panel).toHaveCount(0);
		await expect(page.locator(`.plot a[data-event-id="${id}"]:visible`)).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(panel.locator('#details-title')).toHaveText(event.title);

		// Keys in the panel are the panel's: they do not ask for the live timeline.
		await expect(panel.locator('#details-title')).toBeFocused();
		await page.keyboard.press('ArrowDown');
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
		expect(held.asked, 'a key in the panel').toEqual([]);
		if (path === '/' && width < 960) {
			// The sheet is modal: the plot behind it takes no gesture. Escape closes it, focus is back
			// on the mark, and a key there asks for the live timeline, which keeps the event closed.
			await page.keyboard.press('Escape');
			await expect(panel).toHaveCount(0);
			await expect(page.locator(`.plot a[data-event-id="${id}"]:visible`)).toBeFocused();
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => held.asked.length, { message: 'a key on the plot asked for the live timeline' }).toBeGreaterThan(0);
			held.release();
			await expect.poll(() => stage(page)).toBe('live');
			await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
			await expect(panel).toHaveCount(0);
			return;
		}
		// A wheel on the plot wants it: it is asked for, arrives, and takes over with the same event
		// open and focus still on its title.
		const area = await plotArea(page);
		await page.mouse.move(area.left + area.width / 2, area.top + area.height / 2);
		await page.mouse.wheel(0, 20);
		await expect.poll(() => held.asked.length, { message: 'the wheel asked for the live timeline' }).toBeGreaterThan(0);
		held.release();
		await expect.poll(() => stage(page)).toBe('live');
		await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
		await expect(panel).toHaveCount(1);
		await expect(panel.locator('#details-title')).toHaveText(event.title);
		await expect(panel.locator('#details-title')).toBeFocused();
		// The full page's URL now records the open event, as a click on the live plot does.
		if (path === '/') await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(id);
	});
}

// On the embed, which keeps its time-scale query for the live timeline (the full page mounts it at once for a view in its URL).
test('a ctrl + wheel on the prerendered plot is not lost: the live timeline zooms about the pointer when it arrives', async ({ page }) => {
	const held = await holdLiveTimeline(page, '/embed');
	await neverIdle(page);
	// Last in line (window, bubbling): whether the page prevented the browser's page zoom.
	await page.addInitScript(() => {
		const seen: boolean[] = ((window as unknown as { wheelPrevented: boolean[] }).wheelPrevented = []);
		addEventListener('wheel', (event) => seen.push(event.defaultPrevented), { passive: true });
	});
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/embed?spacing=time');
	await expect.poll(() => stage(page)).toBe('first');
	const x = await ctrlWheelInPlot(page, Math.round((await plotArea(page)).width * 0.3), -100);
	await expect.poll(() => held.asked.length, { message: 'the wheel asked for the live timeline' }).toBeGreaterThan(0);
	// Held for the plot: the browser's own ctrl + wheel (zooming the page) was prevented.
	expect(await page.evaluate(() => (window as unknown as { wheelPrevented: boolean[] }).wheelPrevented)).toEqual([true]);
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	await settled(page);
	const wheeled = await drawnView(page);
	// The whole range, as Reset shows it, zoomed about the pointer by d3-zoom's wheel step.
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await settled(page);
	const full = await drawnView(page);
	await expectView(page, full);
	const expected = zoomedAbout(full, ctrlWheelFactor(-100), x, full.width, full);
	expect(Math.abs(wheeled.from - expected.from) + Math.abs(wheeled.to - expected.to), 'the held wheel zoomed about the pointer').toBeLessThanOrEqual(2 * ((full.to - full.from) / full.width));
});

/** A point of the plot's background (no mark, cluster or link under it), 30 % across, as low as one is. */
async function backgroundPoint(page: Page) {
	const area = await plotArea(page);
	const x = Math.round(area.left + area.width * 0.3);
	const y = await page.evaluate(
		({ x, top, bottom }) => {
			for (let y = bottom - 20; y > top; y -= 4) {
				const element = document.elementFromPoint(x, y);
				if (element?.closest('.plot') && !element.closest('a, button')) return y;
			}
			return null;
		},
		{ x, top: area.top, bottom: area.top + area.height }
	);
	expect(y, 'the plot has background at 30 % across').not.toBeNull();
	return { x, y: y!, area };
}

test('/embed: a double-click, a mouse drag and a key on the prerendered plot are not lost: the live plot plays them when it arrives', async ({ page }) => {
	const held = await firstStage(page, '/embed?spacing=time');
	const { x, y, area } = await backgroundPoint(page);
	await page.mouse.dblclick(x, y);
	await expect.poll(() => held.asked.length, { message: 'the double-click asked for the live timeline' }).toBeGreaterThan(0);
	// A drag that begins on a mark: it pans, and does not open the event.
	const mark = page.locator('.plot a[data-event-id]:visible').nth(1);
	const box = (await mark.boundingBox())!;
	await mouseDrag(page, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 150, 6);
	await expect(page.locator('section.panel')).toHaveCount(0);
	// + on a mark zooms ×2 about the centre.
	await mark.focus();
	await page.keyboard.press('+');
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	await settled(page);
	const played = await drawnView(page);
	await expect(page.locator('section.panel')).toHaveCount(0);

	// What the three gestures make of the whole range, with the rules the README gives for each.
	await page.getByRole('button', { name: 'Reset', exact: true }).click();
	await settled(page);
	const full = await drawnView(page);
	const zoomed = zoomedAbout(full, 2, x - area.left, full.width, full);
	const expected = zoomedAboutCentre(panned(zoomed, 150, full.width, full), 2, full.width, full);
	checkView(played, expected, { message: 'double-click ×2 about the pointer, drag +150 px, + ×2 about the centre' });
});

test('/embed: keys on a prerendered mark are not lost: → → moves focus two events on, each from where the last left it', async ({ page }) => {
	const held = await firstStage(page, '/embed');
	// Three events in a row (time order) each drawn as a mark of its own: → moves focus without zooming.
	const drawn = await page.locator('.plot a[data-event-id]:visible').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-event-id')!));
	const index = STORY_ORDER.findIndex((_, i) => [0, 1, 2].every((k) => drawn.includes(STORY_ORDER[i + k]?.id ?? '')));
	expect(index, 'three events in a row drawn as marks').toBeGreaterThanOrEqual(0);
	await page.locator(`.plot a[data-event-id="${STORY_ORDER[index]!.id}"]:visible`).focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => held.asked.length, { message: 'the key asked for the live timeline' }).toBeGreaterThan(0);
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	const focused = () => page.evaluate(() => (document.activeElement?.closest('.plot') ? document.activeElement.getAttribute('data-event-id') : null));
	await expect.poll(focused).toBe(STORY_ORDER[index + 2]!.id);
});

test('/embed: on a prerendered mark, a click that wobbles a pixel opens the event; a drag begun there asks for the live timeline and does not', async ({ page }) => {
	const held = await firstStage(page, '/embed');
	const mark = page.locator('.plot a[data-event-id]:visible').nth(1);
	const id = (await mark.getAttribute('data-event-id'))!;
	const box = (await mark.boundingBox())!;
	const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	await mouseDrag(page, centre, 1, 1);
	await expect(page.locator('section.panel #details-title')).toHaveText(titleOf(id));
	expect(held.asked, 'a click on a mark does not need the live timeline').toEqual([]);
	await page.getByRole('button', { name: 'Close details' }).click();
	await expect(page.locator('section.panel')).toHaveCount(0);
	await mouseDrag(page, centre, 60, 6);
	await expect.poll(() => held.asked.length, { message: 'the drag asked for the live timeline' }).toBeGreaterThan(0);
	await expect(page.locator('section.panel')).toHaveCount(0);
});

for (const path of PAGES)
test(`${path}: the live timeline loads unasked once the page is idle, without a layout shift`, async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.addInitScript(() => {
		(window as unknown as { shifts: number[] }).shifts = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) (window as unknown as { shifts: number[] }).shifts.push((entry as unknown as { value: number }).value);
		}).observe({ type: 'layout-shift', buffered: true });
	});
	await page.goto(path);
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	await settled(page);
	expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
});

for (const path of PAGES)
test(`${path}: an event the URL names is open in the first stage without taking focus; closed there, it stays closed in the live timeline`, async ({ page }) => {
	const held = await holdLiveTimeline(page, path);
	await neverIdle(page);
	await page.setViewportSize({ width: 1280, height: 800 });
	const id = EVENTS[Math.floor(EVENTS.length / 2)]!.id;
	await page.goto(`${path}?event=${id}`);
	await expect.poll(() => stage(page)).toBe('first');
	const panel = page.locator('section.panel');
	await expect(panel.locator('#details-title')).toHaveText(titleOf(id));
	await expect(panel.locator('#details-title')).not.toBeFocused();
	// The full page asks for the live timeline at once (its URL names a state); the embed waits.
	if (path === '/') await expect.poll(() => held.asked.length, { message: 'the URL asked for the live timeline' }).toBeGreaterThan(0);
	// Escape on a mark closes it, as on the live plot.
	await page.locator('.plot a[data-event-id]:visible').first().focus();
	await page.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	if (path === '/embed') {
		expect(held.asked, 'Escape does not ask for the live timeline').toEqual([]);
		// A key on the plot asks for it.
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => held.asked.length).toBeGreaterThan(0);
	}
	// Arrived, it keeps the event closed (the URL still names it).
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	await expect(panel).toHaveCount(0);
	// The full page's URL no longer names it.
	if (path === '/') await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(null);
});

for (const path of PAGES)
test(`${path}: hydration keeps the prerendered markup: the slot is not redrawn before the live timeline replaces it`, async ({ page }) => {
	await neverIdle(page);
	await page.addInitScript(() => {
		const record: string[] = ((window as unknown as { slotChanges: string[] }).slotChanges = []);
		addEventListener('DOMContentLoaded', () => {
			const slot = document.querySelector('.live-slot')!;
			new MutationObserver((mutations) => {
				const stage = document.querySelector('main[data-stage]')?.getAttribute('data-stage');
				for (const mutation of mutations) if (mutation.type === 'childList') record.push(`${stage}: ${mutation.removedNodes.length} removed, ${mutation.addedNodes.length} added`);
			}).observe(slot, { childList: true });
		});
	});
	await page.goto(path);
	await expect.poll(() => stage(page)).toBe('first');
	// Opening an event in the first stage adds the panel inside the layout (or a step), not as the slot's child.
	await page.locator('.plot a[data-event-id]:visible').first().click();
	await expect(page.locator('section.panel')).toHaveCount(1);
	expect(await page.evaluate(() => (window as unknown as { slotChanges: string[] }).slotChanges)).toEqual([]);
});

for (const path of PAGES)
test(`${path}: the live timeline takes the prerendered markup over as it is: the story's steps and the controls are the same elements, only the plot is drawn anew`, async ({ page }) => {
	// Held back until the elements are remembered; the page's idleness then asks for it.
	const held = await firstStage(page, path, { idle: true });
	// The server's elements, remembered by identity: every story step, and every control outside the plot.
	const steps = await rememberElements(page, '.live-slot [data-step-id]');
	const controls = await rememberElements(page, '.live-slot :is(button, a.button, input):not(.plot *)');
	// Each step's details (and "How this timeline is made") are islands, hydrated after the rest: the same elements too.
	const details = await rememberElements(page, '.live-slot :is(.step-details, .about-island) :is(.title, blockquote, h2, a)');
	const prerenderedMarks = () => page.locator('.live-slot .plot a[data-event-id]').count();
	if (path === '/') expect(steps.count, 'the full page prerenders a step for every event').toBe(EVENTS.length);
	expect(controls.count, 'the prerendered page has controls outside the plot').toBeGreaterThan(0);
	expect(await prerenderedMarks(), 'the prerendered plot links its marks').toBeGreaterThan(0);
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('.plot[data-settled="true"]')).toHaveCount(1);
	// Every island hydrated: each step's "Show on timeline" is shown.
	await expect(page.locator('.live-slot .show.pending')).toHaveCount(0);
	expect(await steps.kept(), 'every story step is the prerendered element').toBe(steps.count);
	if (path === '/') expect(details.count, 'the steps have their details').toBeGreaterThan(EVENTS.length);
	expect(await details.kept(), 'every element of the islands is the prerendered element').toBe(details.count);
	expect(await controls.kept(), 'every control is the prerendered element').toBe(controls.count);
	expect(await prerenderedMarks(), 'the live plot has replaced the prerendered marks').toBe(0);
});

test(`/: should the live timeline fail to draw, the prerendered page is put back as it was and its marks still open their events`, async ({ page, consoleProblems }) => {
	// What the live story watches the reading line with, and the first stage does not use: the live
	// timeline throws as it takes the page over.
	await page.addInitScript(() => {
		window.IntersectionObserver = class {
			constructor() {
				throw new Error('no IntersectionObserver (test)');
			}
		} as unknown as typeof IntersectionObserver;
	});
	const held = await firstStage(page, '/', { idle: true });
	const prerendered = () => page.evaluate(() => ({ marks: document.querySelectorAll('.live-slot .plot a[data-event-id]').length, steps: document.querySelectorAll('.live-slot [data-step-id]').length, text: document.querySelector('.live-slot')!.textContent!.length }));
	const before = await prerendered();
	expect(before.marks, 'the prerendered plot').toBeGreaterThan(0);
	held.release();
	// The page asked (idle), loaded the code, tried and gave up: the failure is the one the test caused.
	await expect.poll(() => consoleProblems.some((problem) => problem.includes('no IntersectionObserver (test)'))).toBe(true);
	expect(await stage(page)).toBe('first');
	expect(await prerendered(), 'the prerendered markup, whole').toEqual(before);
	const mark = page.locator('.plot a[data-event-id]:visible').nth(2);
	const id = (await mark.getAttribute('data-event-id'))!;
	await mark.click();
	await expect(page.locator('section.panel #details-title')).toHaveText(titleOf(id));
	expect(new URL(page.url()).pathname, 'the mark opened its event in place').toBe('/');
	// Only the failure the test caused was reported.
	expect(consoleProblems.filter((problem) => !problem.includes('no IntersectionObserver (test)'))).toEqual([]);
	consoleProblems.length = 0;
});

test(`/ at 360 px: with an event open in the first stage's sheet, the live timeline still takes the story over as it is, and the event stays open in its sheet`, async ({ page }) => {
	const held = await firstStage(page, '/', { width: 360, idle: true });
	const mark = page.locator('.plot a[data-event-id]:visible').nth(2);
	const id = (await mark.getAttribute('data-event-id'))!;
	await mark.click();
	await expect(page.locator('dialog.sheet[open] section.panel #details-title')).toHaveText(titleOf(id));
	const steps = await rememberElements(page, '.live-slot [data-step-id]');
	expect(steps.count).toBe(EVENTS.length);
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('dialog.sheet[open] section.panel #details-title')).toHaveText(titleOf(id));
	await expect(page.locator('section.panel')).toHaveCount(1);
	await expect(page.locator('section.panel #details-title')).toBeFocused();
	expect(await steps.kept(), 'every story step is the prerendered element').toBe(steps.count);
});

for (const path of PAGES)
test(`${path}: the first scripts carry neither date-fns nor d3: those load with the live timeline`, async ({ page }) => {
	const html = await (await page.request.get(path)).text();
	const named = [...new Set(html.match(/\/_app\/immutable\/[\w./-]+\.js/g) ?? [])];
	expect(named.length, 'the page names its scripts').toBeGreaterThanOrEqual(3);
	const bodies = await Promise.all(named.map(async (path) => (await page.request.get(path)).text()));
	// Strings only each library's code holds: date-fns's constructor symbol, d3-zoom's event
	// namespace, d3-color's named colours (d3-scale brings d3-interpolate, which brings d3-color).
	for (const marker of ['constructDateFrom', 'dblclick.zoom', 'aliceblue']) expect(bodies.some((body) => body.includes(marker)), marker).toBe(false);
	// And the live timeline does bring them.
	await page.goto(path);
	await expect.poll(() => stage(page)).toBe('live');
	const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.js')));
	const later = await Promise.all(loaded.filter((url) => !named.some((path) => url.endsWith(path))).map(async (url) => (await page.request.get(url)).text()));
	for (const marker of ['constructDateFrom', 'aliceblue']) expect(later.some((body) => body.includes(marker)), marker).toBe(true);
});

test.describe('on a touch screen', () => {
	test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
	for (const path of PAGES)
	test(`${path}: a tap on a prerendered mark opens its event in place and does not ask for the live timeline`, async ({ page }) => {
		const held = await holdLiveTimeline(page, path);
		await neverIdle(page);
		await page.goto(path);
		await expect.poll(() => stage(page)).toBe('first');
		const mark = page.locator('.plot a[data-event-id]:visible').nth(1);
		const id = (await mark.getAttribute('data-event-id'))!;
		await mark.tap();
		await expect(page.locator('section.panel #details-title')).toHaveText(titleOf(id));
		expect(new URL(page.url()).pathname).toBe(path);
		expect(held.asked).toEqual([]);
	});
});

// The embed's panel: the full page does not wait for its panel (README), only for a selection (below).
for (const path of ['/embed'])
test(`${path}: unasked, the live timeline waits while the reader is in the first panel, so what they do there is kept`, async ({ page, context }) => {
	const held = await holdLiveTimeline(page, path);
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(path);
	await expect.poll(() => stage(page)).toBe('first');
	await page.locator('.plot a[data-event-id]:visible').first().click();
	const panel = page.locator('section.panel');
	await panel.getByRole('button', { name: 'Copy link' }).click();
	await expect(panel.getByRole('status')).toHaveText('Link copied');
	// The page went idle and asked for the live timeline; it arrives while focus is in the panel.
	await expect.poll(() => held.asked.length, { message: 'idle asked for the live timeline' }).toBeGreaterThan(0);
	held.release();
	const arrived = (path: string) => page.evaluate((path) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(path)), path);
	for (const path of held.asked) await expect.poll(() => arrived(path)).toBe(true);
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
	expect(await stage(page), 'not mounted while the reader is in the panel').toBe('first');
	await expect(panel.getByRole('status')).toHaveText('Link copied');
	// Focus leaves the panel: the live timeline takes over, with the event still open.
	const title = await panel.locator('#details-title').textContent();
	await page.locator(path === '/' ? 'main h1' : 'p.credit').click();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(panel.locator('#details-title')).toHaveText(title!);
});

test('/: a view in the URL asks for the live timeline at once, without a gesture or idleness', async ({ page }) => {
	const held = await holdLiveTimeline(page, '/');
	await neverIdle(page);
	await page.goto('/?from=2024-12-01&to=2025-02-15&spacing=time');
	await expect.poll(() => held.asked.length, { message: 'the live timeline was asked for' }).toBeGreaterThan(0);
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.getByTestId('visible-range')).toContainText('2025');
	await expect(page.getByTestId('visible-range')).not.toContainText('1991');
});

for (const width of [1280, 360])
test(`/ at ${width} px: the live timeline, mounted while the reader is in the story, keeps their place and the link they focused`, async ({ page }) => {
	const held = await holdLiveTimeline(page, '/');
	await page.setViewportSize({ width, height: 800 });
	await page.goto('/');
	await expect.poll(() => stage(page)).toBe('first');
	// A step halfway down the story, 300 px from the top of the window, and a link in it focused
	// (as Tab or a screen reader's link list would leave it).
	const id = EVENTS[Math.floor(EVENTS.length / 2)]!.id;
	const link = page.locator(`[data-step-id="${id}"] a[data-source-url]`).first();
	await link.evaluate((element) => element.focus({ preventScroll: true }));
	const stepTop = () => page.locator(`[data-step-id="${id}"]`).evaluate((step) => step.getBoundingClientRect().top + scrollY);
	await page.evaluate((top) => window.scrollTo({ top: top - 300, behavior: 'instant' }), await stepTop());
	const before = await page.locator(`[data-step-id="${id}"]`).evaluate((step) => step.getBoundingClientRect().top);
	// Idle asks for the live timeline; it arrives and is mounted.
	await expect.poll(() => held.asked.length, { message: 'idle asked for the live timeline' }).toBeGreaterThan(0);
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	const after = await page.locator(`[data-step-id="${id}"]`).evaluate((step) => step.getBoundingClientRect().top);
	expect(Math.abs(after - before), `the step stayed where it was (${before} → ${after} px)`).toBeLessThanOrEqual(1);
	await expect(page.locator(`[data-step-id="${id}"] a[data-source-url]`).first()).toBeFocused();
});

test('/ at 1280 px: the live timeline takes over an event the reader opened in its step without moving the page, and ends where a click on the live plot does', async ({ page, browser }) => {
	const held = await firstStage(page, '/', { idle: true });
	const mark = page.locator('.plot a[data-event-id]:visible').nth(3);
	const id = (await mark.getAttribute('data-event-id'))!;
	await mark.click();
	const panel = page.locator(`[data-step-id="${id}"] section.panel`);
	await expect(panel.locator('#details-title')).toBeFocused();
	const stepTop = () => page.locator(`[data-step-id="${id}"]`).evaluate((step) => step.getBoundingClientRect().top);
	// Once the step is still (a smooth scroll brought it), idle's live timeline arrives; the reader
	// is reading in the panel, which the full page does not wait for.
	let before = NaN;
	await expect.poll(async () => {
		const [a, b] = [await stepTop(), await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))).then(stepTop)];
		before = b;
		return Math.abs(a - b);
	}).toBeLessThan(0.5);
	await expect.poll(() => held.asked.length, { message: 'idle asked for the live timeline' }).toBeGreaterThan(0);
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	await expect(panel.locator('#details-title')).toBeFocused();
	await settled(page);
	expect(Math.abs((await stepTop()) - before), 'the step stayed where the first stage brought it').toBeLessThanOrEqual(1);
	await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(id);

	// The same click on the live page (in a page of its own): the axis ends where it does here
	// (the story's camera follows the step; a reader's click is not zoomed to, as a link's is).
	const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await other.goto('/');
	await expect.poll(() => stage(other)).toBe('live');
	await settled(other);
	await other.locator(`.plot button[data-event-id="${id}"]`).click();
	await expect(other.locator(`[data-step-id="${id}"] section.panel #details-title`)).toBeFocused();
	await expect
		.poll(async () => {
			await settled(page);
			await settled(other);
			const [here, there] = [await page.getByTestId('visible-range').innerText(), await other.getByTestId('visible-range').innerText()];
			return here === there ? 'the same range' : `${here} here, ${there} after a live click`;
		})
		.toBe('the same range');
	await other.close();
});

test('/embed: closing the first panel lets the waiting live timeline come, with no other gesture', async ({ page }) => {
	const held = await holdLiveTimeline(page, '/embed');
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/embed');
	await expect.poll(() => stage(page)).toBe('first');
	await page.locator('.plot a[data-event-id]:visible').first().click();
	const panel = page.locator('section.panel');
	await expect(panel.locator('#details-title')).toBeFocused();
	await expect.poll(() => held.asked.length, { message: 'idle asked for the live timeline' }).toBeGreaterThan(0);
	held.release();
	// Waiting while focus is in the panel; Close takes focus back to the mark, and the wait ends.
	await panel.getByRole('button', { name: 'Close details' }).click();
	await expect(panel).toHaveCount(0);
	await expect.poll(() => stage(page)).toBe('live');
});

test('/: a query that names none of the page’s state (a newsletter’s tracking) keeps the first stage', async ({ page }) => {
	const held = await holdLiveTimeline(page, '/');
	await neverIdle(page);
	await page.goto('/?utm_source=newsletter&fbclid=abc');
	await expect.poll(() => stage(page)).toBe('first');
	// The same page script that asks at once for ?event= has run, and asked for nothing.
	await page.locator('.plot a[data-event-id]:visible').first().click();
	await expect(page.locator('section.panel')).toHaveCount(1);
	expect(held.asked).toEqual([]);
});

test('/: unasked, the live timeline waits while the reader has text selected in the story', async ({ page }) => {
	const held = await holdLiveTimeline(page, '/');
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	await expect.poll(() => stage(page)).toBe('first');
	// A reader selects an excerpt (to copy it).
	const quote = page.locator('section.list mark.quote').first();
	await quote.scrollIntoViewIfNeeded();
	await quote.selectText();
	await expect.poll(() => held.asked.length, { message: 'idle asked for the live timeline' }).toBeGreaterThan(0);
	held.release();
	const arrived = (path: string) => page.evaluate((path) => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(path)), path);
	for (const path of held.asked) await expect.poll(() => arrived(path)).toBe(true);
	await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
	expect(await stage(page), 'not mounted while text is selected').toBe('first');
	expect(await page.evaluate(() => getSelection()?.toString().length)).toBeGreaterThan(0);
	// The selection is let go: the live timeline takes over.
	await page.evaluate(() => getSelection()?.removeAllRanges());
	await expect.poll(() => stage(page)).toBe('live');
});

for (const by of ['reader', 'link'] as const)
test(`/ at 360 px: an event open in the first stage's sheet (by a ${by}) has its step brought into view behind the sheet when the live timeline takes over`, async ({ page }) => {
	const held = await holdLiveTimeline(page, '/');
	await page.setViewportSize({ width: 360, height: 640 });
	// A link names the story's last event; a reader clicks the drawn mark latest in the story. Either
	// step is far below the first screen.
	let id = STORY_ORDER.at(-1)!.id;
	await page.goto(by === 'link' ? `/?event=${id}` : '/');
	await expect.poll(() => stage(page)).toBe('first');
	if (by === 'reader') {
		const drawn = await page.locator('.plot a[data-event-id]:visible').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-event-id')!));
		id = STORY_ORDER.map((event) => event.id).filter((candidate) => drawn.includes(candidate)).at(-1)!;
		await page.locator(`.plot a[data-event-id="${id}"]:visible`).click();
	}
	await expect(page.locator('dialog.sheet[open] section.panel #details-title')).toHaveText(titleOf(id));
	const stepTop = () => page.locator(`[data-step-id="${id}"]`).evaluate((step) => step.getBoundingClientRect().top);
	expect(await stepTop(), 'the first stage leaves the story where it was').toBeGreaterThan(640);
	await expect.poll(() => held.asked.length, { message: 'the live timeline was asked for' }).toBeGreaterThan(0);
	held.release();
	await expect.poll(() => stage(page)).toBe('live');
	await expect(page.locator('dialog.sheet[open] section.panel #details-title')).toHaveText(titleOf(id));
	// As a click on the live plot does: the story behind the sheet is at the event's step.
	await expect.poll(async () => { const top = await stepTop(); return top >= 0 && top < 640; }, { message: 'the step is in view behind the sheet' }).toBe(true);
});
