/**
 * A page per event, its share card and oEmbed, read as real consumers read them: unfurl.js and
 * @extractus/oembed-extractor (what CMSs and chat apps use) fetch the built pages from the test
 * server and find the oEmbed through each page's discovery link, with no provider list. What they
 * should find is computed here from events.json, not through the app's code.
 */
import { inflateSync } from 'node:zlib';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { extract } from '@extractus/oembed-extractor';
import { unfurl } from 'unfurl.js';
import { EVENTS, SOURCES, TOTAL } from './expected';
import { viteBuild } from './fixture-build';
import { plot } from './fixtures';

/** The site's address the build was made with (npm run build:local): the test server's. */
const SITE = `http://127.0.0.1:${process.env.TEST_PORT ?? 4173}`;
const pageUrl = (id: string) => `${SITE}/events/${id}`;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The width and height a PNG declares (its IHDR chunk), after checking its signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** How many distinct colours a PNG's first rows use (8-bit RGB/RGBA, unfiltered or not): a blank image has one. */
function distinctColoursNearTop(bytes: Buffer): number {
	const chunks: Buffer[] = [];
	for (let at = 8; at < bytes.length; ) {
		const length = bytes.readUInt32BE(at);
		if (bytes.subarray(at + 4, at + 8).toString('latin1') === 'IDAT') chunks.push(bytes.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(chunks));
	const { width } = pngSize(bytes);
	const channels = bytes[25] === 6 ? 4 : 3;
	const stride = 1 + width * channels;
	// Filters make bytes differ from colours; distinct filtered rows are still a fair "not blank" sign.
	return new Set(Array.from({ length: 200 }, (_, row) => raw.subarray(row * stride, (row + 1) * stride).toString('base64'))).size;
}

async function meta(request: APIRequestContext, path: string) {
	const response = await request.get(path);
	expect(response.status(), path).toBe(200);
	const html = await response.text();
	const read = (attribute: 'property' | 'name', key: string) => {
		const tag = html.match(new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`));
		return tag ? decode(tag[1]!) : null;
	};
	return { html, read };
}

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

test.describe('a page per event', () => {
	test('every event has a prerendered page whose Open Graph and Twitter tags match events.json', async ({ request }) => {
		const images = new Set<string>();
		for (const event of EVENTS) {
			const { html, read } = await meta(request, `/events/${event.id}`);
			expect(read('property', 'og:title'), event.id).toContain(event.title);
			expect(read('property', 'og:description'), event.id).toBe(event.summary);
			expect(read('property', 'og:url')).toBe(pageUrl(event.id));
			expect(read('property', 'og:type')).toBe('article');
			expect(read('name', 'twitter:card')).toBe('summary_large_image');
			expect(read('name', 'twitter:title')).toBe(read('property', 'og:title'));
			expect(html).toContain(`<link rel="canonical" href="${pageUrl(event.id)}"`);
			expect(html).toContain(`<link rel="alternate" type="application/json+oembed" href="${SITE}/oembed/${event.id}.json"`);
			const image = read('property', 'og:image')!;
			expect(read('name', 'twitter:image')).toBe(image);
			// Absolute on the site, named by a hash of what it draws, one per event.
			expect(image).toMatch(new RegExp(`^${literally(SITE)}/share/${event.id}\\.[0-9a-f]{10}\\.png$`));
			images.add(image);
			expect([read('property', 'og:image:width'), read('property', 'og:image:height')]).toEqual(['1200', '630']);
		}
		expect(images.size).toBe(TOTAL);
	});

	test('each share image is a 1200×630 PNG with something drawn on it', async ({ request }) => {
		for (const event of [EVENTS[0]!, EVENTS[Math.floor(TOTAL / 2)]!, EVENTS.at(-1)!]) {
			const { read } = await meta(request, `/events/${event.id}`);
			const response = await request.get(read('property', 'og:image')!.replace(SITE, ''));
			expect(response.headers()['content-type']).toBe('image/png');
			const bytes = await response.body();
			expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });
			expect(distinctColoursNearTop(bytes)).toBeGreaterThan(20);
		}
	});

	test('without JavaScript the page reads whole: date, title, summary, notes, corrections, every excerpt and its source', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		// The event with the most excerpts, and one with corrections if any has them.
		const busiest = [...EVENTS].sort((a, b) => b.citations.length - a.citations.length)[0]!;
		const corrected = EVENTS.find((event) => (event.corrections?.length ?? 0) > 0);
		for (const event of corrected && corrected !== busiest ? [busiest, corrected] : [busiest]) {
			await page.goto(`/events/${event.id}`);
			await expect(page.locator('h1')).toHaveText(event.title);
			const text = squash((await page.locator('article').textContent()) ?? '');
			expect(text).toContain(squash(event.summary));
			for (const note of event.notes ?? []) expect(text).toContain(squash(note.text));
			for (const correction of event.corrections ?? []) expect(text).toContain(squash(correction.text));
			const quotes = page.locator('article mark.quote');
			await expect(quotes).toHaveCount(event.citations.length);
			const shown = (await quotes.allTextContents()).map(squash);
			for (const citation of event.citations) expect(shown).toContain(squash(citation.excerpt));
			const names = new Set((await page.locator('article cite.source-name').allTextContents()).map(squash));
			for (const citation of event.citations) {
				const source = SOURCES.find((candidate) => candidate.id === citation.source)!;
				expect([...names].some((name) => name.startsWith(source.name)), source.name).toBe(true);
			}
			// No control that needs a script, and no timeline box waiting for one.
			await expect(page.locator('.timeline')).toHaveCount(0);
			expect(await page.locator('.live-timeline').evaluate((box) => box.getBoundingClientRect().height)).toBe(0);
		}
		await context.close();
	});

	test("the page carries its event, not the whole dataset; the timeline's data is one shared file", async ({ request }) => {
		const event = EVENTS[Math.floor(TOTAL / 2)]!;
		const { html } = await meta(request, `/events/${event.id}`);
		// An event two or more places away (the page links its neighbours by title) is nowhere in it.
		for (const [index, other] of EVENTS.entries()) {
			if (Math.abs(index - EVENTS.indexOf(event)) < 2) continue;
			expect(html.includes(other.summary), other.id).toBe(false);
		}
		const index = await (await request.get('/')).text();
		expect(html.length).toBeLessThan(index.length / 2);
		const shared = await (await request.get('/timeline.json')).json();
		expect(shared.events.map((e: { id: string }) => e.id)).toEqual(EVENTS.map((e) => e.id));
	});

	test('with JavaScript the timeline opens at the event above it, and a mark leads to its own page', async ({ page }) => {
		const event = EVENTS.find((candidate) => !candidate.end) ?? EVENTS[0]!;
		await page.goto(`/events/${event.id}`);
		const selected = plot(page).locator('button.selected');
		await expect(selected).toHaveAttribute('data-event-id', event.id);
		// Above the article.
		const plotBox = (await plot(page).boundingBox())!;
		const titleBox = (await page.locator('h1').boundingBox())!;
		expect(plotBox.y + plotBox.height).toBeLessThanOrEqual(titleBox.y);
		// Another drawn mark opens that event's page; the page's text follows, the timeline stays.
		const other = plot(page).locator('button[data-event-id]:not(.selected)').first();
		const otherId = (await other.getAttribute('data-event-id'))!;
		const otherEvent = EVENTS.find((candidate) => candidate.id === otherId)!;
		await other.click();
		await expect(page).toHaveURL(pageUrl(otherId));
		await expect(page.locator('h1')).toHaveText(otherEvent.title);
		await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', pageUrl(otherId));
		await expect(plot(page).locator('button.selected')).toHaveAttribute('data-event-id', otherId);
		await page.goBack();
		await expect(page.locator('h1')).toHaveText(event.title);
		await expect(plot(page).locator('button.selected')).toHaveAttribute('data-event-id', event.id);
		await page.goForward();
		await expect(page.locator('h1')).toHaveText(otherEvent.title);
		await expect(plot(page).locator('button.selected')).toHaveAttribute('data-event-id', otherId);
		// The page is the details: no panel repeats them, and no List view with no list to show.
		await expect(page.locator('section.panel')).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'List view' })).toHaveCount(0);
		// "Open full timeline" opens the full page at this event.
		await expect(page.getByRole('link', { name: 'Open full timeline' })).toHaveAttribute('href', `${SITE}/?event=${otherId}`);
	});
});

test.describe('real consumers', () => {
	test('unfurl.js reads each sampled page as its event: card, image and oEmbed found through discovery', async () => {
		for (const event of [EVENTS[0]!, EVENTS[Math.floor(TOTAL / 2)]!, EVENTS.at(-1)!]) {
			const result = await unfurl(pageUrl(event.id), { oembed: true });
			expect(result.open_graph.title).toContain(event.title);
			expect(result.open_graph.description).toBe(event.summary);
			expect(result.open_graph.url).toBe(pageUrl(event.id));
			const image = result.open_graph.images?.[0];
			expect(image?.url).toMatch(new RegExp(`^${literally(SITE)}/share/`));
			expect(result.twitter_card.card).toBe('summary_large_image');
			// unfurl.js gathers the thumbnail's url, width and height under `thumbnails`.
			const oembed = result.oEmbed as { type: string; title: string; html: string; thumbnails?: { url: string; width: number; height: number }[] } | undefined;
			expect(oembed?.type).toBe('rich');
			expect(oembed?.title).toContain(event.title);
			expect(oembed?.thumbnails?.[0]).toEqual({ url: image?.url, width: 1200, height: 630 });
			const src = oembed!.html.match(/<iframe src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
			expect(new URL(src).origin).toBe(SITE);
			expect(new URL(src).pathname).toBe('/embed');
			expect(new URL(src).searchParams.get('event')).toBe(event.id);
		}
	});

	test('oembed-extractor finds each event’s embed by discovery, and that embed opens the event', async ({ page }) => {
		const event = EVENTS[Math.floor(TOTAL / 2)]!;
		const result = (await extract(pageUrl(event.id))) as Record<string, unknown>;
		expect(result.method).toBe('auto-discovery');
		expect(result.title).toContain(event.title);
		expect(result.provider_url).toBe(`${SITE}/`);
		expect([result.width, result.height, result.thumbnail_width, result.thumbnail_height]).toEqual([800, 640, 1200, 630]);
		const html = String(result.html);
		const src = html.match(/<iframe src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
		expect(html).toContain(`<script src="${SITE}/embed.js" async>`);
		// The embed an editor's CMS pastes: absolute on the site, the event open in it.
		await page.goto(src);
		await expect(page.locator('#details-title')).toHaveText(event.title);

		// The timeline's own URL gets the timeline's card and embed.
		const timeline = (await extract(`${SITE}/`)) as Record<string, unknown>;
		expect(String(timeline.html)).toContain(`<iframe src="${SITE}/embed"`);
		expect(String(timeline.thumbnail_url)).toMatch(new RegExp(`^${literally(SITE)}/share/timeline\\.[0-9a-f]{10}\\.png$`));
	});
});

test('a production build without TIMELINE_SITE_URL stops, naming it', async () => {
	test.setTimeout(120_000);
	const outcome = await viteBuild({ eventsFile: 'events.json', sourcesDir: 'sources', siteUrl: null });
	expect(outcome.status).not.toBe(0);
	expect(outcome.output).toContain('TIMELINE_SITE_URL is not set');
	const relative = await viteBuild({ eventsFile: 'events.json', sourcesDir: 'sources', siteUrl: '/timeline' });
	expect(relative.status).not.toBe(0);
	expect(relative.output).toContain('TIMELINE_SITE_URL="/timeline": expected an absolute http(s) URL');
});
