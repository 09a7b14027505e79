/**
 * The embed as a news site uses it: /embed in an iframe on a page of another origin (tests/hosts.ts),
 * sized to its content by /embed.js, scrolling and keys left to the host page until the reader
 * enters the timeline, its options from the query string, the snippet from the main page's Embed
 * dialog, oEmbed discovery, and no request to a third host.
 */
import { gzipSync } from 'node:zlib';
import type { Frame, FrameLocator, Page } from '@playwright/test';
import { data, expect, test } from './fixtures';
import { DAY, TITLE } from './expected';
import { checkView, drawnView, expectView, expectViewNow, settled, showing, zoomedAboutCentre, type Range } from './view';
import { article, embedMarkup, HostServer, SITE } from './hosts';

interface EventData {
	id: string;
	date: string;
	title: string;
	themes: string[];
	context?: boolean;
}
const EVENTS = data.events as unknown as EventData[];
const byId = (id: string): EventData => {
	const event = EVENTS.find((e) => e.id === id);
	if (!event) throw new Error(`events.json has no event ${id}`);
	return event;
};
const TREATY = byId('treaty-signed');

const host = new HostServer();
test.beforeAll(async () => host.start());
test.afterAll(async () => host.stop());

/** The embed iframe on a host page (#embed unless told). */
const embed = (page: Page, selector = '#embed'): FrameLocator => page.frameLocator(selector);
const plotIn = (frame: FrameLocator) => frame.getByRole('group', { name: /^Events from/ });
const marksIn = (frame: FrameLocator) => plotIn(frame).locator('button[data-event-id]');
const markIn = (frame: FrameLocator, id: string) => plotIn(frame).locator(`button[data-event-id="${id}"]`);
const panelIn = (frame: FrameLocator) => frame.locator('section.panel');
const rangeIn = (frame: FrameLocator) => frame.getByTestId('visible-range').innerText();

/** Opens a host page (on the second origin) with `content` and waits for the embed's marks. */
async function openHost(page: Page, content: string, selector = '#embed'): Promise<FrameLocator> {
	await page.goto(host.add(article(content)));
	const frame = embed(page, selector);
	await expect(marksIn(frame).first()).toBeVisible();
	return frame;
}

/** The Frame (for evaluate) inside an iframe element. */
async function frameOf(page: Page, selector = '#embed') {
	const frame = await (await page.locator(selector).elementHandle())?.contentFrame();
	if (!frame) throw new Error(`no frame in ${selector}`);
	return frame;
}

/** The iframe's height on the host, its document's height, and how much of it is cut off. */
async function sizes(page: Page, selector = '#embed') {
	const iframe = await page.locator(selector).evaluate((element) => element.getBoundingClientRect().height);
	const frame = await frameOf(page, selector);
	const inside = await frame.evaluate(() => {
		const root = document.documentElement;
		return { document: root.getBoundingClientRect().height, cutOff: root.scrollHeight - root.clientHeight };
	});
	return { iframe, ...inside, fits: Math.abs(iframe - inside.document) <= 2 && inside.cutOff <= 2 };
}

/** Waits until the iframe is as tall as its document (±2 px, nothing cut off); returns its height. */
async function expectFitted(page: Page, selector = '#embed', message = 'the iframe takes its content height'): Promise<number> {
	await expect.poll(() => sizes(page, selector), { message }).toMatchObject({ fits: true });
	return (await sizes(page, selector)).iframe;
}

const iframeHeight = (page: Page, selector = '#embed') =>
	page.locator(selector).evaluate((element) => element.getBoundingClientRect().height);

/** The visible range's text once the view in `frame` (a page, or the embed's frame) has settled. */
async function settledRange(frame: Page | Frame): Promise<string> {
	await settled(frame);
	return frame.getByTestId('visible-range').innerText();
}

test.describe('on a host page of another origin', () => {
	test('the iframe takes the height of its content, as it opens and closes events and as the page narrows', async ({ page }) => {
		// Narrow: the details panel sits inline under the plot.
		await page.setViewportSize({ width: 760, height: 800 });
		const frame = await openHost(page, embedMarkup());
		await expect(page.locator('#embed')).toHaveAttribute('height', '640');
		const closed = await expectFitted(page);
		expect(Math.round(closed), 'embed.js replaced the initial height="640"').not.toBe(640);
		expect(await page.locator('#embed').evaluate((element) => element.style.height), 'set by embed.js').toMatch(/^\d+(\.\d+)?px$/);

		const mark = marksIn(frame).first();
		await mark.click();
		await expect(panelIn(frame)).toBeVisible();
		const panelBox = (await panelIn(frame).boundingBox())!;
		const plotBox = (await plotIn(frame).boundingBox())!;
		expect(panelBox.y, 'the panel is inline, below the plot').toBeGreaterThan(plotBox.y + plotBox.height - 1);
		await expect.poll(() => iframeHeight(page), { message: 'opening an event makes the iframe taller' }).toBeGreaterThan(closed + 50);
		const opened = await expectFitted(page);
		expect(opened).toBeGreaterThan(closed + 50);

		await panelIn(frame).getByRole('button', { name: 'Close details' }).click();
		await expect(panelIn(frame)).toHaveCount(0);
		await expect.poll(() => iframeHeight(page), { message: 'closing makes it shorter again' }).toBeLessThan(opened - 50);
		const reclosed = await expectFitted(page);
		expect(Math.abs(reclosed - closed)).toBeLessThanOrEqual(2);

		// The host page narrows: the embed's content reflows, and the iframe follows it.
		await page.setViewportSize({ width: 380, height: 800 });
		await expect.poll(() => iframeHeight(page), { message: 'a narrower page changes the height' }).not.toBe(reclosed);
		const narrow = await expectFitted(page);
		await page.setViewportSize({ width: 1000, height: 800 });
		await expect.poll(() => iframeHeight(page), { message: 'a wider page changes it back' }).not.toBe(narrow);
		await expectFitted(page);
	});

	test('wide, the panel opens beside the plot at the plot’s height and scrolls: the frame keeps its height', async ({ page }) => {
		// The event with the most to read (by its data's length), so its panel is longer than the plot.
		const longest = [...EVENTS].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0]!;
		await page.setViewportSize({ width: 1280, height: 800 });
		const frame = await openHost(page, embedMarkup());
		const closed = await expectFitted(page);
		await markIn(frame, longest.id).click();
		await expect(panelIn(frame).locator('h2#details-title')).toHaveText(longest.title);
		const opened = await expectFitted(page);
		expect(Math.abs(opened - closed), 'opening an event leaves the frame’s height alone').toBeLessThanOrEqual(2);

		const panelBox = (await panelIn(frame).boundingBox())!;
		const block = (await frame.locator('.sticky').boundingBox())!;
		expect(panelBox.x, 'the panel is beside the plot').toBeGreaterThanOrEqual(block.x + block.width - 1);
		expect(panelBox.height, 'no taller than the plot’s block').toBeLessThanOrEqual(block.height + 1);
		const body = panelIn(frame).locator('.body');
		const overflow = await body.evaluate((element) => element.scrollHeight - element.clientHeight);
		expect(overflow, 'the rest of the event is scrolled to inside the panel').toBeGreaterThan(0);
		// The last excerpt can be read: scrolled into view within the panel, the frame stays as it is.
		await panelIn(frame).locator('blockquote').last().scrollIntoViewIfNeeded();
		await expect(panelIn(frame).locator('blockquote').last()).toBeInViewport();
		expect(Math.abs((await expectFitted(page)) - closed)).toBeLessThanOrEqual(2);
	});

	test('clicking a mark inside the iframe opens its event', async ({ page }) => {
		const frame = await openHost(page, embedMarkup());
		const mark = marksIn(frame).first();
		const id = (await mark.getAttribute('data-event-id'))!;
		await mark.click();
		await expect(panelIn(frame).locator('h2#details-title')).toHaveText(byId(id).title);
		// Sources open in a new tab, never inside the frame.
		const links = panelIn(frame).locator('a[href^="http"]');
		expect(await links.count()).toBeGreaterThan(0);
		for (const link of await links.all()) {
			await expect(link).toHaveAttribute('target', '_blank');
			await expect(link).toHaveAttribute('rel', /noopener/);
		}
		// And another mark replaces it.
		const other = marksIn(frame).filter({ hasNot: page.locator(`[data-event-id="${id}"]`) }).last();
		const otherId = (await other.getAttribute('data-event-id'))!;
		expect(otherId).not.toBe(id);
		await other.click();
		await expect(panelIn(frame).locator('h2#details-title')).toHaveText(byId(otherId).title);
	});

	test('the wheel over the iframe scrolls the host page, not the timeline', async ({ page }) => {
		const frame = await openHost(page, embedMarkup());
		await expectFitted(page);
		const inner = await frameOf(page);
		const before = await settledRange(inner);
		const view = await drawnView(inner);
		expect(await page.evaluate(() => scrollY)).toBe(0);
		// The pointer over the plot itself, the part that zooms with Ctrl + wheel.
		const iframeBox = (await page.locator('#embed').boundingBox())!;
		const plotBox = (await plotIn(frame).boundingBox())!;
		const x = plotBox.x + plotBox.width / 2;
		const y = plotBox.y + Math.min(plotBox.height / 2, 60);
		expect(y).toBeGreaterThan(iframeBox.y);
		expect(y).toBeLessThan(page.viewportSize()!.height);
		await page.mouse.move(x, y);
		await page.mouse.wheel(0, 600);
		await expect.poll(() => page.evaluate(() => scrollY), { message: 'the host page scrolls' }).toBeGreaterThan(100);
		// The wheel has been had (the host scrolled); once the embed has settled, its view is as it was.
		await settled(inner);
		expect(await rangeIn(frame)).toBe(before);
		await expectViewNow(inner, view, { tolerancePx: 0.01, message: 'the embed after the wheel' });
	});

	test('keys on the host page do nothing to the timeline until it has focus', async ({ page }) => {
		// On the time scale: the zoom is checked with its arithmetic.
		const frame = await openHost(page, embedMarkup('?spacing=time'));
		await expectFitted(page);
		const inner = await frameOf(page);
		const before = await settledRange(inner);
		const full = await drawnView(inner);
		const focusInside = () =>
			inner.evaluate(() => ({
				hasFocus: document.hasFocus(),
				active: document.activeElement ? `${document.activeElement.tagName}#${document.activeElement.id}.${document.activeElement.className}` : null
			}));
		const focusBefore = await focusInside();

		// The reader clicks the host's text: focus is on the host page.
		await page.locator('p.above').click();
		expect(await page.evaluate(() => document.activeElement === document.body && document.hasFocus())).toBe(true);
		// The host counts the keys it gets, to know they have all arrived (there, not in the embed).
		await page.evaluate(() => {
			const w = window as unknown as { keys: string[] };
			w.keys = [];
			addEventListener('keydown', (event) => w.keys.push(event.key), { capture: true });
		});
		const KEYS = ['ArrowRight', 'ArrowRight', 'ArrowLeft', '+', '+', '=', '-', 'End', '0'];
		for (const key of KEYS) await page.keyboard.press(key);
		await expect.poll(() => page.evaluate(() => (window as unknown as { keys: string[] }).keys), 'the host page got the keys').toEqual(KEYS);
		// End scrolled the host page, maybe past the frame: a frame of another origin out of view gets
		// no animation frames in Chromium, so it is brought back into view before it is read.
		await (await inner.frameElement()).scrollIntoViewIfNeeded();
		await settled(inner);
		expect(await rangeIn(frame), 'the range did not move').toBe(before);
		await expectViewNow(inner, full, { tolerancePx: 0.01, message: 'the embed after keys on the host' });
		expect(await focusInside(), 'focus did not move into the embed').toEqual(focusBefore);
		await expect(panelIn(frame)).toHaveCount(0);

		// Now the reader enters the plot (click a mark, Esc back to it from the panel) and zooms by key.
		const mark = marksIn(frame).first();
		const id = (await mark.getAttribute('data-event-id'))!;
		await mark.click();
		await expect(panelIn(frame)).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(panelIn(frame)).toHaveCount(0);
		await expect(markIn(frame, id)).toBeFocused();
		await page.keyboard.press('+');
		// The whole range at first (no from/to), so + zooms ×2 about the centre from it.
		await expectView(inner, zoomedAboutCentre(full, 2, full.width, full), { message: '+ in the plot' });
		const zoomed = await rangeIn(frame);
		// And ArrowRight moves focus to the next event.
		await page.keyboard.press('ArrowRight');
		await expect(markIn(frame, id)).not.toBeFocused();
		await expect(plotIn(frame).locator('button[data-event-id]:focus')).toHaveCount(1);
		expect(zoomed).not.toBe(before);
	});

	test('a sandboxed iframe without allow-same-origin works and is resized', async ({ page }) => {
		const frame = await openHost(
			page,
			embedMarkup('', { attributes: 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"' })
		);
		const inner = await frameOf(page);
		expect(await inner.evaluate(() => origin), 'the frame has an opaque origin').toBe('null');
		expect(await marksIn(frame).count()).toBeGreaterThan(5);
		const closed = await expectFitted(page);
		expect(Math.round(closed)).not.toBe(640);
		const mark = marksIn(frame).first();
		const id = (await mark.getAttribute('data-event-id'))!;
		await mark.click();
		await expect(panelIn(frame).locator('h2#details-title')).toHaveText(byId(id).title);
		await expectFitted(page);
		await page.setViewportSize({ width: 700, height: 720 });
		await expect.poll(() => iframeHeight(page), { message: 'resized after the page narrows' }).not.toBe(closed);
		await expectFitted(page);
	});

	test('"Open full timeline" links to the main page with the same state, in a new tab', async ({ page }) => {
		const frame = await openHost(page, embedMarkup('?event=treaty-signed&from=2024-12-01&to=2025-02-15&theme=dark&title=0'));
		await expect(panelIn(frame).locator('h2#details-title')).toHaveText(TREATY.title);
		const link = frame.getByRole('link', { name: /Open full timeline/ });
		await expect(link).toHaveAttribute('target', '_blank');
		await expect(link).toHaveAttribute('rel', /(^|\s)noopener(\s|$)/);
		const check = async (expected: Record<string, string>) => {
			const url = new URL((await link.getAttribute('href'))!, SITE);
			expect(url.origin).toBe(SITE);
			expect(url.pathname).toBe('/');
			for (const [key, value] of Object.entries(expected)) expect(url.searchParams.get(key), key).toBe(value);
			return url;
		};
		await check({ event: 'treaty-signed', from: '2024-12-01', to: '2025-02-15' });

		// The link follows the embed's state: open another event.
		const other = marksIn(frame).filter({ hasNot: page.locator('[data-event-id="treaty-signed"]') }).first();
		const otherId = (await other.getAttribute('data-event-id'))!;
		await other.click();
		await expect(panelIn(frame).locator('h2#details-title')).toHaveText(byId(otherId).title);
		await expect.poll(async () => new URL((await link.getAttribute('href'))!, SITE).searchParams.get('event')).toBe(otherId);
		const url = await check({ event: otherId, from: '2024-12-01', to: '2025-02-15' });

		// And it opens that view in a new tab.
		const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
		await popup.waitForLoadState();
		expect(new URL(popup.url()).searchParams.get('event')).toBe(otherId);
		expect(popup.url()).toBe(url.href);
		await expect(popup.locator('section.panel :is(h2, h3)#details-title')).toHaveText(byId(otherId).title);
		await popup.close();
	});

	test('the snippet from the main page shows the same view on another site', async ({ page }) => {
		// On the time scale, whose zoom arithmetic is checked below; the snippet carries ?spacing=time.
		await page.goto('/?spacing=time');
		const mainPlot = page.getByRole('group', { name: /^Events from/ });
		await expect(mainPlot.locator('button[data-event-id]').first()).toBeVisible();
		// The whole range: the first view without URL parameters.
		await settled(page);
		const full = await drawnView(page);
		// Open an event (clicking a mark also scrolls the story to it), back to the top, then zoom in close.
		const mark = mainPlot.locator('button[data-event-id]').first();
		const id = (await mark.getAttribute('data-event-id'))!;
		await mark.click();
		await expect(page.locator('section.panel :is(h2, h3)#details-title')).toHaveText(byId(id).title);
		await page.evaluate(() => scrollTo(0, 0));
		await settled(page);
		// Zoom in from where the story left the axis, ×2 about the centre each time, until the range reads in days.
		let expected: Range = await drawnView(page);
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		const DAYS = /^\d{1,2} \w{3} \d{4} – \d{1,2} \w{3} \d{4}$/;
		let mainRange = '';
		let mainView: Range = full;
		for (let i = 0; i < 12 && !DAYS.test(mainRange); i++) {
			await zoomIn.click();
			expected = zoomedAboutCentre(expected, 2, full.width, full);
			mainView = await expectView(page, expected, { message: `Zoom in ${i + 1}` });
			mainRange = await page.getByTestId('visible-range').innerText();
		}
		expect(mainRange, 'zoomed in to days').toMatch(DAYS);
		await page.getByRole('button', { name: 'Embed', exact: true }).click();
		expect(await page.getByTestId('visible-range').innerText(), 'the view did not move').toBe(mainRange);
		const code = await page.locator('textarea#embed-code').inputValue();
		// The open event's own page is offered too: a CMS that reads oEmbed embeds it from that URL.
		await expect(page.locator('#embed-event-link')).toHaveValue(`${SITE}/events/${id}`);

		expect(code).toMatch(/<iframe\s[^>]*\btitle="[^"]+"/);
		expect(code).toMatch(/<iframe\s[^>]*\bstyle="[^"]*width:100%/);
		expect(code).toMatch(/<iframe\s[^>]*\bheight="\d+"/);
		expect(code).toMatch(/<iframe\s[^>]*\bloading="lazy"/);
		expect(code).toContain(`<script src="${SITE}/embed.js" async></script>`);
		const src = code.match(/<iframe\s[^>]*\bsrc="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
		expect(src, 'the iframe has an absolute src').toMatch(new RegExp(`^${SITE.replace(/\./g, '\\.')}/embed\\?`));
		const initialHeight = Number(code.match(/\bheight="(\d+)"/)![1]);
		// Its from and to are the days of the main view's first and last instant (the end is
		// exclusive), each within a pixel of the drawn end.
		const params = new URL(src!).searchParams;
		const dayStart = (day: string) => Date.parse(`${day}T00:00:00Z`);
		const px = (mainView.to - mainView.from) / full.width;
		const [from, to] = [dayStart(params.get('from')!), dayStart(params.get('to')!)];
		expect(from, `from ${params.get('from')}`).toBeLessThanOrEqual(mainView.from + px);
		expect(from + DAY, `from ${params.get('from')}`).toBeGreaterThan(mainView.from - px);
		expect(to, `to ${params.get('to')}`).toBeLessThan(mainView.to + px);
		expect(to + DAY, `to ${params.get('to')}`).toBeGreaterThanOrEqual(mainView.to - px);

		// Pasted into an article on another site.
		await page.goto(host.add(article(code.replace('<iframe ', '<iframe id="embed" '))));
		const frame = embed(page);
		await expect(marksIn(frame).first()).toBeVisible();
		await expect(panelIn(frame).locator('h2#details-title')).toHaveText(byId(id).title);
		// The embed shows the link's whole days: from the start of `from` to the end of `to`.
		await expectView(await frameOf(page), showing(dayStart(params.get('from')!), dayStart(params.get('to')!) + DAY, full), { message: 'the embed' });
		const embedRange = await rangeIn(frame);
		expect(sameDates(embedRange, mainRange), `embed shows "${embedRange}", the main page showed "${mainRange}"`).toBe(true);
		const height = await expectFitted(page);
		expect(Math.round(height)).not.toBe(initialHeight);
	});
});

/**
 * Whether two visible-range texts ("2013 – 2016", "Dec 2024 – Feb 2025", "3 Jan 2025 – 9 Feb 2025")
 * name the same dates: the same text, or ends at most a day apart (the link keeps whole days).
 */
function sameDates(a: string, b: string): boolean {
	if (a === b) return true;
	const parse = (text: string) => text.split(' – ').map((part) => Date.parse(/^\d+ \w+ \d{4}$/.test(part) ? `${part} UTC` : 'x'));
	const [a0, a1] = parse(a);
	const [b0, b1] = parse(b);
	const DAY = 86_400_000;
	return [a0! - b0!, a1! - b1!].every((difference) => Math.abs(difference) <= DAY);
}

test.describe('embed.js', () => {
	test('is small and ignores malformed messages and messages from frames of other origins', async ({ page, request }) => {
		const script = await request.get(`${SITE}/embed.js`);
		expect(script.ok()).toBe(true);
		expect(gzipSync(await script.body(), { level: 9 }).byteLength, 'embed.js gzipped').toBeLessThanOrEqual(2048);

		// The host records every message it gets, to know when embed.js has seen them too.
		const childUrl = host.add(
			`<!doctype html><html><head><meta charset="utf-8"><title>Not the timeline</title></head><body><p>A frame of the host's own origin.</p></body></html>`,
			'child'
		);
		const content =
			embedMarkup() +
			`\n<iframe id="stranger" src="${childUrl}" title="Another frame" width="100%" height="300"></iframe>` +
			`\n<script>window.seen = 0; addEventListener('message', () => window.seen++);</script>`;
		await openHost(page, content);
		const fitted = await expectFitted(page);
		const strangerHeight = await iframeHeight(page, '#stranger');
		const inner = await frameOf(page);
		const stranger = await frameOf(page, '#stranger');
		expect(await stranger.evaluate(() => origin)).toBe(host.origin);

		/** Posts messages to the host from a frame, waits until the host has received them. */
		const post = async (from: Frame, messages: unknown[]) => {
			const seen = await page.evaluate(() => (window as unknown as { seen: number }).seen);
			await from.evaluate((list) => {
				// From the host's own window (no frame) or from a frame to its parent.
				for (const message of list) (parent === window ? window : parent).postMessage(message, '*');
			}, messages);
			await expect.poll(() => page.evaluate(() => (window as unknown as { seen: number }).seen)).toBeGreaterThanOrEqual(seen + messages.length);
		};

		// Wrong shapes, from the embed's own frame (the right source and origin).
		const bad = [
			{ sentinel: 'amp', type: 'embed-size', height: '999' },
			{ sentinel: 'amp', type: 'embed-size', height: -1 },
			{ sentinel: 'amp', type: 'embed-size', height: 0 },
			{ sentinel: 'amp', type: 'embed-size', height: 1e9 },
			{ sentinel: 'amp', type: 'embed-size', height: Number.NaN },
			{ sentinel: 'amp', type: 'embed-size', height: Number.POSITIVE_INFINITY },
			{ sentinel: 'amp', type: 'embed-size', height: [999] },
			{ sentinel: 'amp', type: 'embed-size' },
			{ sentinel: 'pym', type: 'embed-size', height: 999 },
			{ sentinel: 'amp', type: 'embed-resize', height: 999 },
			{ type: 'embed-size', height: 999 },
			'{"sentinel":"amp","type":"embed-size","height":999}',
			null,
			999
		];
		await post(inner, bad);
		expect(await iframeHeight(page), 'malformed messages from the embed change nothing').toBe(fitted);

		// The right shape from the host page itself (no frame) and from a frame of another origin.
		const good = { sentinel: 'amp', type: 'embed-size', height: 999 };
		await post(page.mainFrame(), [good]);
		await post(stranger, [good]);
		expect(await iframeHeight(page), 'the embed keeps its height').toBe(fitted);
		expect(await iframeHeight(page, '#stranger'), "another origin's frame is not resized").toBe(strangerHeight);

		// The check is the message, not a broken listener: the same message from the embed resizes it.
		await post(inner, [good]);
		await expect.poll(() => iframeHeight(page)).toBe(999);
	});
});

test.describe('host-page deep links (embed.js)', () => {
	const hashOf = (page: Page) => page.evaluate(() => location.hash);
	const title = (frame: FrameLocator) => panelIn(frame).locator('h2#details-title');

	test('the event opened in the frame is kept in the host URL, without history entries; that URL opens it; closing clears it', async ({ page, context }) => {
		const frame = await openHost(page, embedMarkup());
		const entries = await page.evaluate(() => history.length);
		await markIn(frame, TREATY.id).click();
		await expect(title(frame)).toHaveText(TREATY.title);
		await expect.poll(() => hashOf(page)).toBe(`#timeline=${TREATY.id}`);
		expect(await page.evaluate(() => history.length), 'replaceState: no history entry').toBe(entries);

		// The host URL as a reader would share it, opened in a new tab: the frame opens the event.
		const shared = await context.newPage();
		await shared.goto(page.url());
		await expect(title(embed(shared))).toHaveText(TREATY.title);
		await expect(markIn(embed(shared), TREATY.id)).toHaveClass(/\bselected\b/);
		await shared.close();

		await panelIn(frame).getByRole('button', { name: /Close/ }).click();
		await expect.poll(() => hashOf(page)).toBe('');
	});

	test('two frames keep their own keys, a sandboxed frame included, and the host’s own fragment is kept', async ({ page, context }) => {
		const second = `<iframe id="second" src="${SITE}/embed" title="The timeline again" width="100%" height="640" sandbox="allow-scripts"></iframe>`;
		const url = host.add(article(embedMarkup() + '\n' + second));
		await page.goto(`${url}#notes`);
		const [first, other] = [embed(page), embed(page, '#second')];
		await expect(marksIn(other).first()).toBeVisible();
		await markIn(first, TREATY.id).click();
		await expect.poll(() => hashOf(page)).toBe(`#notes&timeline=${TREATY.id}`);
		// The first frame grows with its open event (and its plot's lanes can change as its view
		// moves to the event), moving the second: click it once the first is at rest and fitted.
		await settled(await frameOf(page));
		await expectFitted(page);
		const drones = byId('shahed-drones');
		await markIn(other, drones.id).click();
		await expect(title(other), 'the click in the second frame opened its event').toHaveText(drones.title);
		await expect.poll(() => hashOf(page)).toBe(`#notes&timeline=${TREATY.id}&timeline-2=${drones.id}`);

		const shared = await context.newPage();
		await shared.goto(page.url());
		await expect(title(embed(shared))).toHaveText(TREATY.title);
		// The second frame is below the fold: it opens its event without being scrolled to.
		await expect(title(embed(shared, '#second'))).toHaveText(drones.title);
		await shared.close();
	});

	test('data-timeline-links="off" on the script leaves the host URL alone, and ignores a key already in it', async ({ page }) => {
		const markup = embedMarkup('', { script: false }) + `\n<script src="${SITE}/embed.js" data-timeline-links="off" async></script>`;
		const url = host.add(article(markup));
		await page.goto(`${url}#timeline=${TREATY.id}`);
		const frame = embed(page);
		await expect(marksIn(frame).first()).toBeVisible();
		await expectFitted(page);
		await expect(panelIn(frame)).toHaveCount(0);
		const drones = byId('shahed-drones');
		await markIn(frame, drones.id).click();
		await expect(title(frame)).toHaveText(drones.title);
		expect(await hashOf(page)).toBe(`#timeline=${TREATY.id}`);
	});
});

test.describe('the /embed page', () => {
	test('reads its options from the query string and ignores unknown ones', async ({ page }) => {
		await page.goto('/embed?title=0&theme=dark&story=1&event=treaty-signed&themes=diplomacy&bogus=1');
		const plot = page.getByRole('group', { name: /^Events from/ });
		await expect(plot.locator('button[data-event-id]').first()).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
		// title=0: the title takes no room, but still names the frame for a screen reader.
		await expect.poll(async () => (await page.locator('main > header').boundingBox())?.height).toBeLessThanOrEqual(1);
		await expect(page.getByRole('heading', { level: 1, name: TITLE })).toHaveCount(1);
		await expect(page.locator('section.list')).toBeVisible();
		// With a story there is a list to switch to.
		await expect(page.getByRole('button', { name: 'List view' })).toHaveCount(1);
		await expect(page.locator('section.panel :is(h2, h3)#details-title')).toHaveText(TREATY.title);

		const diplomacy = new Set(EVENTS.filter((e) => e.themes.includes('diplomacy')).map((e) => e.id));
		const markIds = await plot.locator('button[data-event-id]').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-event-id')!));
		expect(markIds.length).toBeGreaterThan(0);
		for (const id of markIds) expect(diplomacy, `mark ${id}`).toContain(id);
		const stepIds = await page.locator('section.list [data-step-id]').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-step-id')!));
		expect(new Set(stepIds)).toEqual(diplomacy);
		expect(stepIds).toHaveLength(diplomacy.size);
		// The dark scheme is applied, not only the attribute.
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const [r, g, b] = background.match(/\d+/g)!.map(Number);
		expect(r! + g! + b!, `body background ${background}`).toBeLessThan(200);
	});

	test('without options: a title, no story, no open event, the scheme of the reader', async ({ page }) => {
		await page.goto('/embed?theme=purple&story=maybe&title=2');
		await expect(page.getByRole('group', { name: /^Events from/ }).locator('button[data-event-id]').first()).toBeVisible();
		await expect(page.locator('h1')).toHaveCount(1);
		await expect(page.locator('html')).toHaveAttribute('data-scheme', 'auto');
		await expect(page.locator('section.list')).toHaveCount(0);
		await expect(page.locator('section.panel')).toHaveCount(0);
		// No story, no list: List view would only hide the plot.
		await expect(page.getByRole('button', { name: 'List view' })).toHaveCount(0);
	});

	test('from and to set the visible range: from the start of `from` to the end of `to`', async ({ page }) => {
		// On the time scale, whose arithmetic drawnView reads (spacing.test.ts covers even spacing).
		await page.goto('/embed?from=2024-12-01&to=2025-02-15&spacing=time');
		await expect(page.getByRole('group', { name: /^Events from/ }).locator('button[data-event-id]').first()).toBeVisible();
		await settled(page);
		const shown = await drawnView(page);
		const text = await page.getByTestId('visible-range').innerText();
		// The whole range, to keep the expected view inside: Reset shows it.
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		await settled(page);
		const full = await drawnView(page);
		checkView(shown, showing(Date.UTC(2024, 11, 1), Date.UTC(2025, 1, 16), full), { message: '/embed?from=2024-12-01&to=2025-02-15' });
		const MONTHS = ['Dec 2024', 'Jan 2025', 'Feb 2025'];
		const ends = text.split(' – ').map((part) => part.replace(/^\d{1,2} /, ''));
		expect(ends, `visible range "${text}"`).toHaveLength(2);
		for (const end of ends) expect(MONTHS, `visible range "${text}"`).toContain(end);
	});
});

test.describe('discovery and the example page', () => {
	test('oEmbed: a rich response whose html is the embed, linked from the main page and the embed', async ({ page, request }) => {
		const response = await request.get(`${SITE}/oembed.json`);
		expect(response.ok()).toBe(true);
		expect(response.headers()['content-type']).toMatch(/^application\/json/);
		const oembed = await response.json();
		expect(oembed).toMatchObject({ version: '1.0', type: 'rich' });
		expect(typeof oembed.html).toBe('string');
		expect(oembed.width).toEqual(expect.any(Number));
		expect(oembed.height).toEqual(expect.any(Number));
		const src = (oembed.html as string).match(/<iframe\s[^>]*\bsrc="([^"]+)"/)?.[1];
		expect(src, 'the html is an iframe').toBeTruthy();
		const url = new URL(src!.replace(/&amp;/g, '&'), `${SITE}/oembed.json`);
		expect(url.origin).toBe(SITE);
		expect(url.pathname).toBe('/embed');
		expect(oembed.html).toMatch(/<iframe\s[^>]*\btitle="[^"]+"/);
		expect(oembed.html).toMatch(/<script src="[^"]*\/embed\.js"/);

		for (const path of ['/', '/embed']) {
			await page.goto(path);
			const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
			await expect(link, path).toHaveCount(1);
			const href = new URL((await link.getAttribute('href'))!, page.url());
			expect(href.href, path).toBe(`${SITE}/oembed.json`);
		}
	});

	test('the example page has text around an iframe of /embed, resized by embed.js', async ({ page }) => {
		await page.goto('/embed-example.html');
		const iframe = page.locator('iframe');
		await expect(iframe).toHaveCount(1);
		expect(new URL((await iframe.getAttribute('src'))!, page.url()).pathname).toBe('/embed');
		await expect(page.locator('script[src$="embed.js"]')).toHaveCount(1);
		const order = await page.evaluate(() => {
			const frame = document.querySelector('iframe')!;
			const paragraphs = [...document.querySelectorAll('p')];
			return {
				above: paragraphs.filter((p) => p.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_FOLLOWING).length,
				below: paragraphs.filter((p) => p.compareDocumentPosition(frame) & Node.DOCUMENT_POSITION_PRECEDING).length
			};
		});
		expect(order.above).toBeGreaterThan(0);
		expect(order.below).toBeGreaterThan(0);
		await expect(marksIn(page.frameLocator('iframe')).first()).toBeVisible();
		const height = await expectFitted(page, 'iframe');
		expect(Math.round(height)).not.toBe(640);
	});

	test('no request leaves the site or the host', async ({ page }) => {
		const requests: string[] = [];
		let pending = 0;
		page.on('request', (request) => {
			requests.push(request.url());
			pending++;
		});
		page.on('requestfinished', () => pending--);
		page.on('requestfailed', () => pending--);
		const frame = await openHost(page, embedMarkup('?story=1&event=treaty-signed'));
		await expectFitted(page);
		// Use it: zoom, open events, read the story.
		await frame.getByRole('button', { name: 'Zoom in' }).click();
		await marksIn(frame).first().click();
		await expect(panelIn(frame)).toBeVisible();
		await frame.locator('section.list').scrollIntoViewIfNeeded();
		const scrolled = await page.evaluate(() => scrollY);
		await page.mouse.wheel(0, 1500);
		await expect.poll(() => page.evaluate(() => scrollY), 'the wheel scrolls the host page').toBeGreaterThan(scrolled);
		// Whatever that drew has been drawn (and has asked for what it needs), and every request made has ended.
		const inner = await frameOf(page);
		await settled(inner);
		await expect.poll(() => pending, 'requests still under way').toBe(0);
		const fromEmbed = requests.filter((url) => url.startsWith(`${SITE}/_app/`));
		expect(fromEmbed.length, 'the embed loaded its scripts').toBeGreaterThan(0);
		const elsewhere = requests.filter((url) => !url.startsWith(`${SITE}/`) && !url.startsWith(`${host.origin}/`) && !url.startsWith('data:'));
		expect(elsewhere).toEqual([]);
	});
});
