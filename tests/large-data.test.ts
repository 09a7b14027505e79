/**
 * The site with 1,000 generated events (the benchmark's generator, verbatim excerpts and all),
 * built for real: the story is a window of steps that grows as the reader scrolls and jumps to the
 * event a mark opens; overlapping spans beyond the row limit fold into the lanes, so the plot stays
 * within the screen. (Timings at 1,000 and 10,000 events are in `npm run bench`, not here.)
 */
import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeDataset } from '../scripts/bench/generate.mjs';
import { loadTimeline } from '../src/lib/server/data.ts';
import { STORY_MAX, STORY_PAGE } from '../src/lib/timeline/story-window.ts';
import type { TimelineEvent } from '../src/lib/timeline/events.ts';
import { panelPartCount, panelPartOf } from '../src/lib/first-click/predrawn.ts';
import { expect, plot, test } from './fixtures';
import { oncePerRun, runDir, serveFolder, viteBuild } from './fixture-build';

const COUNT = 1_000;
/** Steps added at a time, and the most in the page. */
const PAGE = STORY_PAGE;
const MAX = STORY_MAX;

test.describe('1,000 events', () => {
	test.describe.configure({ mode: 'default' });
	let site: { url: string; stop: () => Promise<void> } | undefined;
	let ids: string[] = [];
	let events: TimelineEvent[] = [];

	test.beforeAll(async ({}, info) => {
		test.setTimeout(240_000);
		const dir = await oncePerRun('large-site', async () => {
			const root = runDir('large-data');
			const eventsFile = join(root, 'events.json');
			writeDataset(COUNT, eventsFile, join(root, 'sources'));
			const outDir = join(root, 'build');
			const result = await viteBuild({ eventsFile, sourcesDir: join(root, 'sources'), outDir });
			if (result.status !== 0) throw new Error(`the 1,000-event site did not build:\n${result.output.slice(-4000)}`);
			return root;
		});
		// The story's order, from the same loader the build uses (events sorted by their place on the axis).
		events = loadTimeline({ eventsFile: join(dir, 'events.json'), sourcesDir: join(dir, 'sources'), skipVerbatim: false }).events;
		ids = events.map((event) => event.id);
		site = await serveFolder(join(dir, 'build'), 4420 + info.parallelIndex);
	});
	test.afterAll(async () => site?.stop());

	const steps = (page: Page) => page.locator('[data-step-id]');
	async function open(page: Page, path = '/') {
		await page.goto(`${site!.url}${path}`);
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible({ timeout: 30_000 });
	}

	/** Holds the app's scripts back until `release()`, and records the parts of the panels asked for. */
	async function embedBeforeItsApp(page: Page) {
		const parts: string[] = [];
		page.on('request', (request) => {
			const path = new URL(request.url()).pathname;
			if (path.startsWith('/embed-panels/')) parts.push(path);
		});
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/**/*.js', async (route) => {
			await released;
			await route.continue();
		});
		await page.goto(`${site!.url}/embed`);
		// No panel is in the page: they come in parts.
		expect(await page.locator('template[data-panel-for]').count()).toBe(0);
		const marks = page.locator('.plot a[data-event-id]:visible');
		await expect(marks.first()).toBeVisible();
		const shown = await marks.evaluateAll((links) => links.map((link) => (link as HTMLElement).dataset.eventId!));
		return { parts, release, shown };
	}

	const partCount = () => panelPartCount(events.length);
	const partPath = (id: string) => `/embed-panels/${panelPartOf(id, partCount())}.html`;

	test('the embed, before its app: a mark opens its event from the part of the panels it fetches, and the app takes it over', async ({ page }) => {
		const { parts, release, shown } = await embedBeforeItsApp(page);
		// Two shown events in different parts.
		const first = shown[0]!;
		const second = shown.find((id) => partPath(id) !== partPath(first))!;
		expect(second, 'two shown events in different parts').toBeTruthy();
		for (const id of [first, second]) {
			const event = events.find((candidate) => candidate.id === id)!;
			await page.locator(`.plot a[data-event-id="${id}"]:visible`).click();
			await expect(page.locator('section.panel #details-title')).toHaveText(event.title);
			await expect(page.locator('section.panel figure.citation')).toHaveCount(event.citations.length);
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('details-title');
			expect(await page.locator('main').getAttribute('data-stage'), 'before the app').toBe('prerendered');
			expect(new URL(page.url()).pathname).toBe('/embed');
		}
		expect(parts, 'each event’s part, once').toEqual([partPath(first), partPath(second)]);
		// The templates stay out of the page, whose markup the app hydrates.
		expect(await page.locator('template[data-panel-for]').count()).toBe(0);
		release();
		await expect(page.locator('main')).not.toHaveAttribute('data-stage', 'prerendered');
		await expect(page.locator('section.panel')).not.toHaveAttribute('data-predrawn');
		await expect(page.locator('section.panel #details-title')).toHaveText(events.find((event) => event.id === second)!.title);
	});

	test('the embed, before its app: a part that cannot be had leaves the click to the mark’s link', async ({ page, consoleProblems }) => {
		await page.route('**/embed-panels/**', (route) => route.abort());
		const { shown } = await embedBeforeItsApp(page);
		const mark = page.locator(`.plot a[data-event-id="${shown[0]}"]:visible`);
		const href = new URL((await mark.getAttribute('href'))!, `${site!.url}/embed`).href;
		await mark.click();
		await expect(page).toHaveURL(href);
		// The browser's own report of the refused part, and nothing else.
		expect(consoleProblems).toEqual(['error: Failed to load resource: net::ERR_FAILED']);
		consoleProblems.length = 0;
	});

	test('the embed: a click waiting for its part when the app comes is answered by the app', async ({ page }) => {
		let sendPart!: () => void;
		const partHeld = new Promise<void>((resolve) => (sendPart = resolve));
		await page.route('**/embed-panels/**', async (route) => {
			await partHeld;
			await route.continue();
		});
		const { release, shown } = await embedBeforeItsApp(page);
		const event = events.find((candidate) => candidate.id === shown[0])!;
		await page.locator(`.plot a[data-event-id="${event.id}"]:visible`).click();
		release();
		await expect(page.locator('main')).not.toHaveAttribute('data-stage', 'prerendered');
		expect(await page.locator('section.panel').count(), 'nothing open yet').toBe(0);
		sendPart();
		await expect(page.locator('section.panel #details-title')).toHaveText(event.title);
		expect(new URL(page.url()).pathname).toBe('/embed');
	});

	test('without JavaScript the page lists the first steps and says how many there are', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site!.url}/`);
		await expect(steps(page)).toHaveCount(PAGE);
		await expect(page.getByText(`Events 1–${PAGE} of ${COUNT.toLocaleString('en-GB')} are listed here`)).toBeVisible();
		await context.close();
	});

	test('the story starts with its first steps, in order, and the plot fits on screen', async ({ page }) => {
		await open(page);
		await expect(steps(page)).toHaveCount(PAGE);
		expect(await steps(page).evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.stepId))).toEqual(ids.slice(0, PAGE));
		const sticky = await page.locator('.sticky').boundingBox();
		expect(sticky!.height, 'the sticky timeline leaves room for the story').toBeLessThanOrEqual(0.8 * 720);
		await expect(page.getByRole('button', { name: /^Show earlier events/ })).toHaveCount(0);
	});

	test('scrolling down grows the story a page at a time, never past its limit', async ({ page }) => {
		test.setTimeout(90_000);
		await open(page);
		// The reader scrolls to the end of the story there is, again and again (the method section
		// follows the story, so the end of the document is past it). Instant scrolls: a smooth scroll
		// keeps going as the page grows, so one could load several pages.
		const inPage = () => steps(page).evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.stepId!));
		const counts = new Set<number>([await steps(page).count()]);
		let dropped = false;
		for (let i = 0; i < 12 && !dropped; i++) {
			const before = (await inPage()).join();
			// Steps off screen are laid out at an estimated height (content-visibility) until they come
			// near: landing at the end can lay out the steps there and move the end further down, out
			// of reach of the growth trigger. A reader keeps scrolling to the end; so does the test.
			// Checked and scrolled in one task, so a scroll never lands after a growth it did not see
			// (that would load a second page before the count is read).
			const grewOrScrolled = () =>
				page.evaluate((before) => {
					const now = [...document.querySelectorAll<HTMLElement>('[data-step-id]')].map((node) => node.dataset.stepId).join();
					if (now !== before) return true;
					scrollTo(0, document.querySelector('section.list')!.getBoundingClientRect().bottom + scrollY - innerHeight);
					return false;
				}, before);
			await expect.poll(grewOrScrolled).toBe(true);
			counts.add(await steps(page).count());
			dropped = (await inPage())[0] !== ids[0];
		}
		expect([...counts].sort((a, b) => a - b)).toEqual([PAGE, 2 * PAGE, MAX]);
		// Past the limit the start is dropped: the first step in the page is no longer the first event.
		expect(dropped).toBe(true);
		expect(await steps(page).count()).toBe(MAX);
		// What is in the page is still a contiguous, ordered run of the story.
		const shown = await inPage();
		const from = ids.indexOf(shown[0]!);
		expect(shown).toEqual(ids.slice(from, from + shown.length));
	});

	test('"Show later events" from the keyboard adds the next page and moves focus to its first step', async ({ page }) => {
		await open(page);
		const more = page.getByRole('button', { name: /^Show later events/ });
		// Focusing the button scrolls it into view, where the story may already grow on its own;
		// either way, Enter adds a page and focus lands on the first step it added.
		await more.focus();
		await page.keyboard.press('Enter');
		const focusedIndex = () => page.evaluate((ids) => ids.indexOf(document.activeElement?.closest('article')?.id.replace(/^event-/, '') ?? ''), ids);
		await expect.poll(focusedIndex).toBeGreaterThanOrEqual(PAGE);
		const index = await focusedIndex();
		expect(index % PAGE, `focus on step ${index}, the first of a page`).toBe(0);
		await expect(page.locator(`[data-step-id="${ids[index - 1]}"]`), 'the step before it is still in the page').toHaveCount(1);
		await expect(page.locator(`article#event-${ids[index]}`)).toBeFocused();
	});

	test('opening the last event from the plot brings its step into the page, at the top of what the sticky timeline leaves free', async ({ page }) => {
		await open(page);
		const last = ids.at(-1)!;
		await plot(page).locator('button[data-event-id]').first().focus();
		await page.keyboard.press('End');
		await expect(plot(page).locator(`[data-event-id="${last}"]`)).toBeFocused();
		await page.keyboard.press('Enter');
		const step = page.locator(`[data-step-id="${last}"]`);
		await expect(step).toBeInViewport();
		// Its top just below the sticky timeline where that covers the story (phones), at the top of
		// the screen where the story has its own column beside it.
		const below = () =>
			step.evaluate((li) => {
				const box = li.getBoundingClientRect();
				const sticky = document.querySelector('.sticky')!.getBoundingClientRect();
				const covered = sticky.right > box.left && sticky.left < box.right ? sticky.bottom : 0;
				return box.top - covered;
			});
		await expect.poll(below).toBeGreaterThanOrEqual(-1);
		expect(await below()).toBeLessThan(40);
		await expect(page.getByRole('button', { name: /^Show earlier events/ })).toHaveCount(1);
		expect(await steps(page).count()).toBeLessThanOrEqual(MAX);
	});

	test('a sample of the events has pages (TIMELINE_EVENT_PAGES=40); Copy link offers a page where there is one, ?event= elsewhere', async ({ page, context }) => {
		// Every k-th event on the axis, k = ⌈1,000 / 40⌉.
		const stride = Math.ceil(COUNT / 40);
		const paged = ids.filter((_, index) => index % stride === 0);
		const built = readdirSync(join(runDir('large-data'), 'build', 'events')).filter((name) => name.endsWith('.html')).map((name) => name.slice(0, -5));
		expect(built.sort()).toEqual([...paged].sort());
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		for (const [id, expected] of [
			[paged[1]!, `${site!.url}/events/${paged[1]}`],
			[ids[1]!, `${site!.url}/?event=${ids[1]}`]
		] as const) {
			await page.goto(`${site!.url}/embed?event=${id}`);
			await page.locator('section.panel').getByRole('button', { name: 'Copy link' }).click();
			await expect(page.locator('section.panel').getByRole('status')).toHaveText('Link copied');
			expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
		}
	});
});
