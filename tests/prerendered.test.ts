/**
 * The plot as the build draws it, before any script has run: with JavaScript off, and in a
 * sandboxed frame on a host that sends no CORS header (most static hosts send none), where the
 * page's module scripts never load. Every drawn mark is a link to its event (its entry in the story
 * on /, its own page from /embed); no control that needs a script is shown; the live plot takes
 * over without moving anything on the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { test as base, type Frame, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EVENTS, period } from './expected';
import { article, HostServer } from './hosts';

const byId = new Map(EVENTS.map((event) => [event.id, event]));

interface DrawnMark {
	id: string;
	href: string;
	/** The glyph's centre as a share of the plot's inner width, and its top in px. */
	x: number;
	y: number;
}

/** The marks shown in the plot (the one prerendered layout its width selects). */
async function drawnMarks(page: Page | Frame): Promise<DrawnMark[]> {
	return page.locator('.plot').evaluate((plot) => {
		const box = plot.getBoundingClientRect();
		return [...plot.querySelectorAll<HTMLAnchorElement>('a.mark[data-event-id]')]
			.filter((mark) => mark.checkVisibility())
			.map((mark) => {
				const glyph = mark.querySelector('.glyph')!.getBoundingClientRect();
				return {
					id: mark.dataset.eventId!,
					href: mark.href,
					x: (glyph.left + glyph.width / 2 - box.left - plot.clientLeft) / plot.clientWidth,
					y: Math.round(glyph.top - box.top)
				};
			});
	});
}

/** Marks drawn left to right in date order: of two events whose dates do not overlap, the earlier is further left. */
function expectDateOrder(marks: DrawnMark[]) {
	for (const a of marks) {
		for (const b of marks) {
			const [, aEnd] = period(byId.get(a.id)!.date);
			const [bStart] = period(byId.get(b.id)!.date);
			if (aEnd <= bStart) expect(a.x, `${a.id} (${byId.get(a.id)!.date}) left of ${b.id} (${byId.get(b.id)!.date})`).toBeLessThan(b.x);
		}
	}
}

/** Buttons, fields and sliders a reader can see: none may be shown where no script runs. */
const visibleControls = (page: Page | Frame) =>
	page.locator('button, input, select, textarea, [role="slider"]').evaluateAll((elements) =>
		elements.filter((element) => element.checkVisibility({ visibilityProperty: true })).map((element) => element.outerHTML.slice(0, 80))
	);

test.describe('JavaScript off', () => {
	test.use({ javaScriptEnabled: false });

	for (const path of ['/', '/embed']) {
		for (const width of [360, 800, 1280]) {
			test(`${path} at ${width} px draws the plot: marks in date order inside it, each a link to its event, and no control`, async ({ page }) => {
				await page.setViewportSize({ width, height: 800 });
				await page.goto(path);
				const marks = await drawnMarks(page);
				expect(marks.length, 'marks drawn').toBeGreaterThanOrEqual(8);
				for (const mark of marks) {
					expect(mark.x, `${mark.id} inside the plot`).toBeGreaterThanOrEqual(0);
					expect(mark.x, `${mark.id} inside the plot`).toBeLessThanOrEqual(1);
					// On / the event's entry in the story on this page; from /embed (no story) the event's
					// own page (every event of the real data has one).
					const href = new URL(mark.href);
					if (path === '/') {
						expect(href.pathname).toBe('/');
						expect(href.hash).toBe(`#event-${mark.id}`);
					} else expect(href.pathname + href.hash).toBe(`/events/${mark.id}`);
				}
				expectDateOrder(marks);
				// Every mark stands in its lane: no two glyphs on top of each other.
				const spots = new Set(marks.map((mark) => `${Math.round(mark.x * 1000)}:${mark.y}`));
				expect(spots.size).toBe(marks.length);
				expect(await visibleControls(page)).toEqual([]);
				if (path === '/') {
					// The links lead somewhere: each entry is on this page.
					for (const mark of marks) await expect(page.locator(`article#event-${mark.id}`)).toHaveCount(1);
				}
			});
		}
	}

	test('positions are shares of the plot’s width: two widths in the same range draw the same marks at the same shares', async ({ page }) => {
		await page.setViewportSize({ width: 700, height: 800 });
		await page.goto('/embed');
		const narrower = await drawnMarks(page);
		const plotWidth = () => page.locator('.plot').evaluate((plot) => plot.clientWidth);
		const first = await plotWidth();
		await page.setViewportSize({ width: 900, height: 800 });
		expect(await plotWidth(), 'the plot widened').toBeGreaterThan(first + 150);
		const wider = await drawnMarks(page);
		expect(wider.map((mark) => mark.id)).toEqual(narrower.map((mark) => mark.id));
		for (const [i, mark] of wider.entries()) expect(mark.x, mark.id).toBeCloseTo(narrower[i]!.x, 2);
	});

	test('a mark in the embed opens its event’s own page', async ({ page }) => {
		await page.goto('/embed');
		const marks = await drawnMarks(page);
		const mark = marks[Math.floor(marks.length / 2)];
		await page.locator(`.plot a.mark[data-event-id="${mark!.id}"]:visible`).click();
		await expect(page).toHaveURL(new RegExp(`/events/${mark!.id}$`));
		await expect(page.locator('h1')).toHaveText(byId.get(mark!.id)!.title);
	});
});

test.describe('a sandboxed frame on a host that sends no CORS header', () => {
	const host = new HostServer();
	let server: ChildProcess | undefined;
	let site = '';
	test.beforeAll(async () => {
		await host.start();
		// The built site again, on a free port, without the CORS header (scripts/serve.mjs --no-cors).
		server = spawn(process.execPath, ['scripts/serve.mjs', 'build', '0', '--no-cors']);
		site = await new Promise<string>((resolve, reject) => {
			server!.stdout!.on('data', (chunk: Buffer) => {
				const match = /at (http:\/\/[^\s]+)/.exec(String(chunk));
				if (match) resolve(match[1]!);
			});
			server!.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
		});
	});
	test.afterAll(async () => {
		server?.kill();
		await host.stop();
	});

	// The frame's failed script loads are the condition under test (the fixture's console check
	// would fail on them): they are checked to be CORS failures instead.
	base('shows the prerendered plot, hides the controls, and a mark leads to its event’s page', async ({ page }) => {
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		await page.goto(host.add(article(`<iframe id="embed" src="${site}/embed" title="The timeline" width="100%" height="700" sandbox="allow-scripts"></iframe>`)));
		const frame = page.frameLocator('#embed');
		await expect(frame.locator('.plot a.mark[data-event-id]:visible').first()).toBeVisible();
		const inner = (await (await page.locator('#embed').elementHandle())!.contentFrame())!;
		await expect.poll(() => errors.some((text) => /CORS/.test(text)), { message: 'the frame’s scripts were refused for want of CORS' }).toBe(true);
		// No script ran: no live marks, and the controls that need one are not shown.
		await expect(frame.locator('button[data-event-id]')).toHaveCount(0);
		await expect(frame.getByRole('button', { name: 'Zoom in' })).toBeHidden();
		expect(await visibleControls(inner)).toEqual([]);
		const marks = await drawnMarks(inner);
		expect(marks.length).toBeGreaterThanOrEqual(8);
		expectDateOrder(marks);

		const mark = marks.at(-1)!;
		await frame.locator(`.plot a.mark[data-event-id="${mark.id}"]:visible`).click();
		await expect.poll(() => inner.url()).toBe(`${site}/events/${mark.id}`);
		await expect(frame.locator('h1')).toHaveText(byId.get(mark.id)!.title);
	});
});

/** The live plot has taken the prerendered one's place (its marks are buttons) and settled; its controls show. */
async function liveAtRest(page: Page) {
	await expect(page.locator('.plot button[data-event-id]').first()).toBeVisible();
	await expect(page.locator('.plot[data-settled="true"]')).toHaveCount(1);
	await expect(page.locator('.plot a[data-event-id]')).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
}

test.describe('with JavaScript', () => {
	// The embed at any width; the full page where its first view's plot keeps the prerendered height
	// (on shorter screens the live first view gives up a lane to stay above the fold: see README).
	const cases: [string, number, number][] = [
		['/embed', 360, 800],
		['/embed', 800, 800],
		['/embed', 1280, 800],
		['/', 1280, 800],
		['/', 1440, 900]
	];
	for (const [path, width, height] of cases) {
		test(`${path} at ${width} × ${height}: the live plot takes the prerendered one's place without a layout shift`, async ({ page }) => {
			await page.setViewportSize({ width, height });
			await page.addInitScript(() => {
				const shifts: number[] = [];
				(window as unknown as { shifts: number[] }).shifts = shifts;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
				}).observe({ type: 'layout-shift', buffered: true });
			});
			await page.goto(path);
			await liveAtRest(page);
			// A frame for any late shift to be reported.
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts), 'layout shifts').toEqual([]);
		});
	}
});

test.describe('the live page takes the prerendered layout as it is', () => {
	// Phones and tablets of several heights: above the story the plot gives up lanes to keep within
	// its share of the screen, and the build drew a layout for each count (prerender.ts).
	const cases: [string, number, number][] = [
		['/', 360, 640],
		['/', 412, 823],
		['/', 768, 1024],
		['/', 800, 500],
		['/', 500, 1300],
		['/', 1280, 800],
		['/embed', 360, 640]
	];
	/** Where the plot and what follows it are (px): the tops and heights of those the page has. */
	const layoutOf = (page: Page) =>
		page.evaluate(() => {
			const found: Record<string, number> = {};
			const take = (name: string, selector: string, withHeight: boolean) => {
				const rect = document.querySelector(selector)?.getBoundingClientRect();
				if (!rect) return;
				found[`${name} top`] = rect.top;
				if (withHeight) found[`${name} height`] = rect.height;
			};
			take('plot', '.plot', true);
			take('story heading', '#list-heading', true);
			take('first step', '.list article', false);
			take('credit line', '.credit', true);
			return found;
		});
	for (const [path, width, height] of cases) {
		test(`${path} at ${width} × ${height}: the plot and the story start where the prerendered page had them`, async ({ page, browser, baseURL }) => {
			// The prerendered page as it stands until its scripts arrive (here: never; in a page of its
			// own, whose failed loads are the point, not console problems).
			const blocked = await browser.newContext({ viewport: { width, height }, baseURL });
			const before = await blocked.newPage();
			await before.route('**/_app/immutable/**/*.js', (route) => route.abort());
			await before.goto(path);
			await expect(before.locator('.plot a[data-event-id]:visible').first()).toBeVisible();
			const prerendered = await layoutOf(before);
			await blocked.close();
			expect(prerendered['plot height'], 'one layout drawn, with marks').toBeGreaterThan(100);

			await page.setViewportSize({ width, height });
			await page.goto(path);
			await liveAtRest(page);
			const live = await layoutOf(page);
			expect(Object.keys(live)).toEqual(Object.keys(prerendered));
			// Within half a pixel: sub-pixel positions may round apart, a shift cannot hide in that.
			for (const [name, value] of Object.entries(prerendered)) expect(live[name], name).toBeCloseTo(value, 0);
		});
	}
});
