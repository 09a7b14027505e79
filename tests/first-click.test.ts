/**
 * The pages' very first script (src/lib/first-click/first-click.js, inline in the head): before
 * the app's own script has arrived, a prerendered mark opens its event in place, the same panel the
 * app's first stage draws (the embed: from the panel the server drew for it; the full page: in its
 * story step, or a phone's sheet, from the step's details); the first stage then takes it over.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { EVENTS } from './expected';
import { article, embedMarkup, HostServer, SITE } from './hosts';
import { firstStage, neverIdle } from './stages';

/** Holds back every script of the app (SvelteKit, Svelte, the page) until `release()`: only the first script runs. */
async function holdApp(page: Page) {
	let release!: () => void;
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/**/*.js', async (route: Route) => {
		await released;
		await route.continue();
	});
	return release;
}

/** The middle one of the marks shown, and its event as events.json has it. */
async function middleMark(page: Page) {
	const marks = page.locator('.plot a[data-event-id]:visible');
	await expect(marks.first()).toBeVisible();
	const ids = await marks.evaluateAll((links) => links.map((link) => (link as HTMLElement).dataset.eventId!));
	const id = ids[Math.floor(ids.length / 2)]!;
	return { mark: page.locator(`.plot a[data-event-id="${id}"]:visible`), event: EVENTS.find((event) => event.id === id)! };
}

const panel = (page: Page) => page.locator('section.panel');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || (document.activeElement as HTMLElement | null)?.dataset.eventId || null);
/** A citation of an event's entry names its title. */
const namingTitle = (title: string) => new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/**
 * Opens `path` at `width` × 800 with the app's scripts held back (until `release()`; the page never
 * idles unless `idle`), and clicks the middle mark shown; its event as events.json has it.
 */
async function clickBeforeTheApp(page: Page, path: '/' | '/embed', { width = 1280, idle = true } = {}) {
	await page.setViewportSize({ width, height: 800 });
	const release = await holdApp(page);
	if (!idle) await neverIdle(page);
	await page.goto(path);
	const { mark, event } = await middleMark(page);
	await mark.click();
	return { event, release };
}

/** The first script's panel for `event`: one, its title focused, every excerpt, no app yet, the page where it was. */
async function expectFirstScriptPanel(page: Page, path: '/' | '/embed', event: (typeof EVENTS)[number]) {
	await expect(panel(page)).toHaveCount(1);
	await expect(panel(page).locator('#details-title')).toHaveText(event.title);
	await expect(panel(page).locator('figure.citation')).toHaveCount(event.citations.length);
	expect(await focusedId(page), 'focus on the title').toBe('details-title');
	expect(await page.locator('main').getAttribute('data-stage'), 'no script of the app has run').toBe('prerendered');
	expect(new URL(page.url()).pathname + new URL(page.url()).hash, 'the page stayed').toBe(path);
}

/**
 * Opens Cite and leaves focus on Copy link in the first script's panel, lets the app come, and
 * checks that its first stage took the panel over as the reader left it: one panel, the same event,
 * focus on Copy link, Cite open and filled in by the app.
 */
async function expectTakenOver(page: Page, release: () => void, event: (typeof EVENTS)[number], stage: RegExp | string) {
	await expect(panel(page)).toHaveAttribute('data-predrawn', event.id);
	await panel(page).locator('summary', { hasText: 'Cite' }).click();
	await panel(page).getByRole('button', { name: 'Copy link' }).focus();
	release();
	await expect(page.locator('main')).toHaveAttribute('data-stage', stage);
	await expect(panel(page)).not.toHaveAttribute('data-predrawn');
	await expect(panel(page)).toHaveCount(1);
	await expect(panel(page).locator('#details-title')).toHaveText(event.title);
	await expect(panel(page).getByRole('button', { name: 'Copy link' })).toBeFocused();
	await expect(panel(page).locator('details.cite')).toHaveAttribute('open');
	await expect(panel(page).getByRole('textbox', { name: 'Citation of this entry (plain text)' })).toHaveValue(namingTitle(event.title));
}

for (const width of [360, 1280]) {
	test(`/embed at ${width} px, before the app's script: a mark opens its event in place, as the app's panel shows it; Escape and Close close it and focus the mark`, async ({ page, browser }) => {
		const { event } = await clickBeforeTheApp(page, '/embed', { width });
		await expectFirstScriptPanel(page, '/embed', event);
		const early = await panel(page).innerText();

		// The live timeline's own panel for the same event: the same text.
		const app = await browser.newPage({ viewport: { width, height: 800 } });
		await app.goto('/embed');
		await expect(app.locator('main[data-stage="live"]')).toHaveCount(1);
		await app.locator(`.plot button[data-event-id="${event.id}"]`).click();
		await expect(panel(app).locator('#details-title')).toHaveText(event.title);
		expect(await panel(app).innerText()).toBe(early);
		await app.close();

		await page.keyboard.press('Escape');
		await expect(panel(page)).toHaveCount(0);
		expect(await focusedId(page), 'focus back on the mark').toBe(event.id);
		await page.keyboard.press('Enter');
		await expect(panel(page).locator('#details-title')).toHaveText(event.title);
		await panel(page).getByRole('button', { name: 'Close details' }).click();
		await expect(panel(page)).toHaveCount(0);
		expect(await focusedId(page), 'focus back on the mark').toBe(event.id);
	});
}

test.describe('the full page', () => {
	/**
	 * What the panel says and how it is built: its text, its headings (level and text), the ids in
	 * it, what names it, and any "Show on timeline" (the first stage's panel has none).
	 */
	const panelShape = (page: Page) =>
		panel(page).evaluate((section) => ({
			text: (section as HTMLElement).innerText,
			headings: [...section.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => `${heading.tagName} ${heading.textContent?.trim()}`),
			ids: [...section.querySelectorAll('[id]')].map((element) => element.id),
			labelledBy: (section.closest('dialog') ?? section).getAttribute('aria-labelledby'),
			showButtons: section.querySelectorAll('button.show').length
		}));

	for (const width of [360, 1280]) {
		const place = width < 960 ? 'a modal sheet' : 'its story step, the plot beside the story';
		test(`/ at ${width} px, before the app's script: a mark opens its event in ${place}, as the app's first stage shows it; Escape and Close close it and focus the mark`, async ({ page, browser }) => {
			const { event } = await clickBeforeTheApp(page, '/', { width });
			await expectFirstScriptPanel(page, '/', event);
			if (width < 960) {
				await expect(page.locator('dialog.sheet[open] section.panel')).toHaveCount(1);
				// Modal: what it covers is inert (the top layer holds the sheet alone).
				expect(await page.evaluate(() => document.querySelector('dialog.sheet')!.matches(':modal'))).toBe(true);
			} else {
				await expect(page.locator(`[data-step-id="${event.id}"] > article > section.panel`)).toHaveCount(1);
				// The step's own details give way to the panel, and the plot sits beside the story.
				await expect(page.locator(`[data-step-id="${event.id}"] > article > h3.title`)).toBeHidden();
				const [plot, story] = await Promise.all(['.plot', '[data-step-id]'].map((selector) => page.locator(selector).first().boundingBox()));
				expect(plot!.x + plot!.width, 'plot left of the story').toBeLessThanOrEqual(story!.x);
				const stepTop = () => page.locator(`[data-step-id="${event.id}"]`).evaluate((step) => Math.round(step.getBoundingClientRect().top));
				await expect.poll(stepTop, 'the step brought up to the reading line').toBeLessThanOrEqual(800 / 3);
				expect(await stepTop(), 'and not past the top').toBeGreaterThanOrEqual(0);
			}
			const early = await panelShape(page);
			expect(early.showButtons).toBe(0);

			// The app's first stage, its live timeline held back: its panel for the same event says the same.
			const app = await browser.newPage();
			await firstStage(app, '/', { width });
			await app.locator(`.plot a[data-event-id="${event.id}"]:visible`).click();
			await expect(panel(app).locator('#details-title')).toHaveText(event.title);
			expect(await panelShape(app)).toEqual(early);
			await app.close();

			await page.keyboard.press('Escape');
			await expect(panel(page)).toHaveCount(0);
			// Focus goes back to the mark, or to the event's story step where the plot, now beside the
			// story, shows no mark of it (it is in a "+N").
			const back = async (id: string) => ((await page.locator(`.plot a[data-event-id="${id}"]:visible`).count()) > 0 ? id : `event-${id}`);
			expect(await focusedId(page), 'focus back on the mark').toBe(await back(event.id));
			// A mark shown now opens, by Enter, and Close closes it.
			const again = (await middleMark(page)).event;
			await page.locator(`.plot a[data-event-id="${again.id}"]:visible`).focus();
			await page.keyboard.press('Enter');
			await expect(panel(page).locator('#details-title')).toHaveText(again.title);
			await panel(page).getByRole('button', { name: 'Close details' }).click();
			await expect(panel(page)).toHaveCount(0);
			await expect(page.locator('dialog[open]')).toHaveCount(0);
			expect(await focusedId(page), 'focus back on the mark').toBe(await back(again.id));
		});

		test(`/ at ${width} px: the app's first stage takes over the event the first script opened, in the same place, with focus and Cite as the reader left them`, async ({ page }) => {
			// The live timeline waits for a gesture: it puts focus on the panel's title as it comes (on
			// the full page it does not wait while the reader is in the panel).
			const { event, release } = await clickBeforeTheApp(page, '/', { width, idle: false });
			await expectTakenOver(page, release, event, 'first');
			if (width < 960) await expect(page.locator('dialog.sheet[open] section.panel')).toHaveCount(1);
			else await expect(page.locator(`[data-step-id="${event.id}"] section.panel`)).toHaveCount(1);
			await page.keyboard.press('Escape');
			await expect(panel(page)).toHaveCount(0);
			const shown = (await page.locator(`.plot [data-event-id="${event.id}"]:visible`).count()) > 0;
			expect(await focusedId(page)).toBe(shown ? event.id : `event-${event.id}`);
		});
	}

	test('/ at 360 px: a sheet the first script opened, Cite open, goes on into the live timeline’s, Cite filled in', async ({ page }) => {
		const { event, release } = await clickBeforeTheApp(page, '/', { width: 360 });
		await panel(page).locator('summary', { hasText: 'Cite' }).click();
		release();
		// The live timeline comes when the page is idle, soon after the first stage took the sheet over.
		await expect(page.locator('main')).toHaveAttribute('data-stage', 'live');
		await expect(page.locator('dialog[open] section.panel')).toHaveCount(1);
		await expect(panel(page).locator('#details-title')).toHaveText(event.title);
		await expect(panel(page).locator('details.cite')).toHaveAttribute('open');
		await expect(panel(page).getByRole('textbox', { name: 'Citation of this entry (plain text)' })).toHaveValue(namingTitle(event.title));
		await page.keyboard.press('Escape');
		await expect(panel(page)).toHaveCount(0);
	});

	test('/: a panel the first script opened in its step, the page then narrowed below 960 px, goes on as the first stage’s sheet, and the step shows its details again', async ({ page }) => {
		const { event, release } = await clickBeforeTheApp(page, '/', { idle: false });
		await expect(page.locator(`[data-step-id="${event.id}"] > article > section.panel[data-predrawn]`)).toHaveCount(1);
		// A tablet turned upright before the app has come.
		await page.setViewportSize({ width: 800, height: 1000 });
		release();
		await expect(page.locator('main')).toHaveAttribute('data-stage', 'first');
		await expect(page.locator('dialog.sheet[open] section.panel #details-title')).toHaveText(event.title);
		await expect(panel(page)).toHaveCount(1);
		const step = page.locator(`[data-step-id="${event.id}"]`);
		await expect(step).not.toHaveClass(/first-open/);
		await expect(step.locator('> article > .step-details > h3.title')).toHaveText(event.title);
		expect(await step.locator('> article > .step-details > h3.title').evaluate((title) => getComputedStyle(title).display)).not.toBe('none');
	});
});

for (const path of ['/embed', '/']) test(`${path}: a mark answers before any of the app’s code is asked for; the app boots once the page is painted`, async ({ page }) => {
	const asked: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).pathname.startsWith('/_app/')) asked.push(request.url());
	});
	// Frames never come, and no timer of a second or more fires: the page stays before its boot.
	await page.addInitScript(() => {
		const held: (() => void)[] = [];
		const setTimer = window.setTimeout;
		(window as unknown as { boot: () => void }).boot = () => held.splice(0).forEach((run) => run());
		window.requestAnimationFrame = (callback) => (held.push(() => callback(performance.now())), 0);
		window.setTimeout = ((handler: () => void, delay?: number) => ((delay ?? 0) >= 1000 ? 0 : setTimer(handler, delay))) as typeof window.setTimeout;
	});
	await page.goto(path);
	const { mark, event } = await middleMark(page);
	await mark.click();
	await expect(panel(page).locator('#details-title')).toHaveText(event.title);
	expect(asked, 'no request for the app’s code').toEqual([]);
	expect(await page.locator('link[rel="modulepreload"]').count()).toBe(0);
	// The frames come (the page is painted): the app boots and takes the open event over.
	await page.evaluate(() => (window as unknown as { boot: () => void }).boot());
	await page.evaluate(() => (window as unknown as { boot: () => void }).boot());
	await expect(page.locator('main')).toHaveAttribute('data-stage', /first|live/);
	expect(asked.length, 'the app’s code was asked for').toBeGreaterThan(0);
	await expect(panel(page)).not.toHaveAttribute('data-predrawn');
	await expect(panel(page).locator('#details-title')).toHaveText(event.title);
});

for (const path of ['/embed', '/'] as const)
test(`${path}, before the app’s script: Copy link puts the event’s own page on the clipboard`, async ({ page, context, baseURL }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const { event } = await clickBeforeTheApp(page, path);
	await panel(page).getByRole('button', { name: 'Copy link' }).click();
	await expect(panel(page).getByRole('status')).toHaveText('Link copied');
	// Every event of the real data has a page of its own.
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/events/${event.id}`, baseURL).href);
});

test('/embed: the app’s first stage takes over the event the first script opened, with focus and Cite as the reader left them', async ({ page }) => {
	const { event, release } = await clickBeforeTheApp(page, '/embed');
	await expectTakenOver(page, release, event, /first|live/);
	// And it is the app's panel: Escape closes it and focus goes back to the mark.
	await page.keyboard.press('Escape');
	await expect(panel(page)).toHaveCount(0);
	expect(await focusedId(page)).toBe(event.id);
});

test.describe('in a host page', () => {
	const host = new HostServer();
	test.beforeAll(() => host.start());
	test.afterAll(() => host.stop());

	test('an event opened by the first script is kept in the host URL once the app has loaded', async ({ page }) => {
		const release = await holdApp(page);
		await page.goto(host.add(article(embedMarkup())));
		const frame = page.frameLocator('#embed');
		const marks = frame.locator('.plot a[data-event-id]:visible');
		await expect(marks.first()).toBeVisible();
		const id = (await marks.last().getAttribute('data-event-id'))!;
		await marks.last().click();
		await expect(frame.locator('section.panel[data-predrawn]')).toHaveCount(1);
		expect(await page.evaluate(() => location.hash), 'nothing told yet').toBe('');
		release();
		await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#timeline=${id}`);
		await expect(frame.locator('section.panel #details-title')).toHaveText(EVENTS.find((event) => event.id === id)!.title);
	});
});

test.describe('a click while the page is still being parsed', () => {
	/**
	 * The built /embed or /, sent in two parts: the first ends inside what the first script needs of
	 * the event `cutIn` (the embed: its template; the full page: its story step), the rest waits for
	 * `release()`. Every other request goes to the site as it is.
	 */
	class SlowPage {
		private server: Server | undefined;
		private released: Promise<void> = Promise.resolve();
		origin = '';
		release: () => void = () => {};
		cutIn = '';
		path = '/embed';

		async start() {
			this.server = createServer(async (request, response) => {
				const upstream = await fetch(`${SITE}${request.url}`);
				const headers = Object.fromEntries([...upstream.headers].filter(([name]) => !['content-encoding', 'content-length', 'transfer-encoding'].includes(name)));
				if (new URL(request.url ?? '/', 'http://x').pathname !== this.path) {
					response.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
					return;
				}
				const html = await upstream.text();
				const part = html.indexOf(this.path === '/embed' ? `<template data-panel-for="${this.cutIn}"` : `<li data-step-id="${this.cutIn}"`);
				const cut = html.indexOf('<figure', part);
				response.writeHead(200, headers);
				response.write(html.slice(0, cut));
				await this.released;
				response.end(html.slice(cut));
			});
			await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
			this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		}

		/** The next load of `path` stops inside what `id` needs until `release()`. */
		holdInside(id: string, path = '/embed') {
			this.cutIn = id;
			this.path = path;
			this.released = new Promise<void>((resolve) => (this.release = resolve));
		}

		stop() {
			this.release();
			return new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
		}
	}

	const slow = new SlowPage();
	test.beforeAll(() => slow.start());
	test.afterAll(() => slow.stop());

	/** The ids of the marks shown, once the first script answers. */
	async function shownMarks(page: Page) {
		await expect(page.locator('html[data-first-click="ready"]')).toHaveCount(1);
		return page.locator('.plot a[data-event-id]:visible').evaluateAll((links) => links.map((link) => (link as HTMLElement).dataset.eventId!));
	}

	/** The shown marks, in the order of their templates (the full page: their steps) in the page (the last one's comes last). */
	async function marksByTemplate(page: Page, path = '/embed') {
		const probe = await page.context().newPage();
		await holdApp(probe);
		await probe.goto(path);
		const shown = await shownMarks(probe);
		await probe.close();
		const html = await (await page.request.get(path)).text();
		const order = [...html.matchAll(path === '/embed' ? /<template data-panel-for="([^"]+)"/g : /<li data-step-id="([^"]+)"/g)].map((match) => match[1]!);
		return order.filter((id) => shown.includes(id));
	}

	test('a mark whose template is half read opens its whole panel once the rest has come, and the page stays', async ({ page }) => {
		const id = (await marksByTemplate(page)).at(-1)!;
		slow.holdInside(id);
		await page.goto(`${slow.origin}/embed`, { waitUntil: 'commit' });
		expect(await shownMarks(page)).toContain(id);
		await page.locator(`.plot a[data-event-id="${id}"]:visible`).click();
		await expect(page.locator(`template[data-panel-for="${id}"]`)).toHaveCount(1);
		expect(await panel(page).count(), 'no half panel').toBe(0);
		slow.release();
		const event = EVENTS.find((candidate) => candidate.id === id)!;
		await expect(panel(page).locator('#details-title')).toHaveText(event.title);
		await expect(panel(page).locator('figure.citation')).toHaveCount(event.citations.length);
		await expect(panel(page).getByRole('button', { name: 'Close details' })).toBeVisible();
		expect(new URL(page.url()).pathname, 'the page stayed').toBe('/embed');
	});

	test('/: a mark whose story step is half read opens its whole panel once the rest has come, and the page stays', async ({ page }) => {
		const id = (await marksByTemplate(page, '/')).at(-1)!;
		slow.holdInside(id, '/');
		await page.goto(`${slow.origin}/`, { waitUntil: 'commit' });
		expect(await shownMarks(page)).toContain(id);
		await page.locator(`.plot a[data-event-id="${id}"]:visible`).click();
		await expect(page.locator(`[data-step-id="${id}"]`)).toHaveCount(1);
		expect(await panel(page).count(), 'no half panel').toBe(0);
		slow.release();
		const event = EVENTS.find((candidate) => candidate.id === id)!;
		await expect(panel(page).locator('#details-title')).toHaveText(event.title);
		await expect(panel(page).locator('figure.citation')).toHaveCount(event.citations.length);
		expect(new URL(page.url()).pathname + new URL(page.url()).hash, 'the page stayed').toBe('/');
	});

	test('a later click on a mark whose template has come wins over one still waiting', async ({ page }) => {
		const ordered = await marksByTemplate(page);
		const [ready, waiting] = [ordered[0]!, ordered.at(-1)!];
		slow.holdInside(waiting);
		await page.goto(`${slow.origin}/embed`, { waitUntil: 'commit' });
		expect(await shownMarks(page)).toEqual(expect.arrayContaining([ready, waiting]));
		await page.locator(`.plot a[data-event-id="${waiting}"]:visible`).click();
		await page.locator(`.plot a[data-event-id="${ready}"]:visible`).click();
		await expect(panel(page).locator('#details-title')).toHaveText(EVENTS.find((event) => event.id === ready)!.title);
		slow.release();
		await expect(page.locator('main')).not.toHaveAttribute('data-stage', 'prerendered');
		await expect(panel(page)).toHaveCount(1);
		await expect(panel(page).locator('#details-title')).toHaveText(EVENTS.find((event) => event.id === ready)!.title);
	});
});
