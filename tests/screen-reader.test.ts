/**
 * What a screen reader says, on the built pages: @guidepup/virtual-screen-reader runs in the page
 * itself (served from the page's origin, so the site's CSP applies unchanged) over the live DOM,
 * and the tests assert its spoken phrases, with the expected names taken from events.json. The
 * same names are checked in Chromium's own accessibility tree, since the virtual reader simulates
 * one over the DOM. Landmarks are reachable and named; a mark says its date, title and number of
 * sources; opening an event says its headline, not the whole panel; closing returns to the mark
 * and says it; a zoom or a search says the new range or count once, politely; the list view reads
 * in time order.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EVENTS, STORY_ORDER, TITLE, TOTAL, type FullEvent } from './expected';
import { bringToReadingLine, settled } from './view';

/** The reader's browser build: one self-contained module. */
const require = createRequire(import.meta.url);
const READER = readFileSync(join(dirname(require.resolve('@guidepup/virtual-screen-reader/package.json')), 'lib/esm/index.browser.js'), 'utf8');
const BOOT = "import { virtual } from './__reader.js'; window.__reader = virtual;";

const TREATY = EVENTS.find((event) => event.id === 'treaty-signed')!;

/** "17 January 2025: Title, 5 sources", from events.json on its own (a full date, not a context event). */
function markName(event: FullEvent): string {
	const date = new Date(`${event.date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
	const sources = new Set(event.citations.map((citation) => citation.source)).size;
	return `${date}: ${event.title}, ${sources} source${sources === 1 ? '' : 's'}`;
}

type Command = 'moveToNextLandmark' | 'moveToNextHeading' | 'next';

/** Opens `path`, waits for the live plot at rest, and starts the reader on the whole document. */
async function openWithReader(page: Page, path: string): Promise<void> {
	await page.route('**/__reader.js', (route) => route.fulfill({ contentType: 'text/javascript', body: READER }));
	await page.route('**/__reader-boot.js', (route) => route.fulfill({ contentType: 'text/javascript', body: BOOT }));
	await page.goto(path);
	await expect(page.locator('.timeline.live')).toHaveCount(1);
	await settled(page);
	await page.addScriptTag({ url: '/__reader-boot.js', type: 'module' });
	await page.waitForFunction(() => '__reader' in window);
	await page.evaluate(() => (window as unknown as { __reader: { start(options: object): Promise<void> } }).__reader.start({ container: document.body }));
}

/** Everything the reader has said so far (each phrase once, in order). */
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __reader: { spokenPhraseLog(): Promise<string[]> } }).__reader.spokenPhraseLog());

/** Runs a reader command `times` times; returns what it said after each (a walk past the end wraps round). */
async function perform(page: Page, command: Command, times: number): Promise<string[]> {
	return page.evaluate(
		async ([name, count]) => {
			const reader = (window as unknown as { __reader: { perform(c: unknown): Promise<void>; commands: Record<string, unknown>; next(): Promise<void>; lastSpokenPhrase(): Promise<string> } }).__reader;
			const said: string[] = [];
			for (let i = 0; i < count; i++) {
				if (name === 'next') await reader.next();
				else await reader.perform(reader.commands[name]);
				said.push(await reader.lastSpokenPhrase());
			}
			return said;
		},
		[command, times] as const
	);
}

/** What the reader said while `act` ran and the view settled after it. */
async function saidDuring(page: Page, act: () => Promise<unknown>): Promise<string[]> {
	const before = (await spoken(page)).length;
	await act();
	await settled(page);
	return (await spoken(page)).slice(before);
}

test.describe('landmarks', () => {
	test('/ with an event open: main, the timeline, search, the story, the event’s details and the footer, each named', async ({ page }) => {
		await openWithReader(page, `/?event=${TREATY.id}`);
		const walk = await perform(page, 'moveToNextLandmark', 200);
		const landmarks = [...new Set(walk.filter((phrase) => phrase !== 'figure'))];
		for (const expected of ['main', 'region, Timeline', 'search, Search and filter events', `region, The story, in ${TOTAL} events`, `region, ${TREATY.title}`, 'contentinfo']) {
			expect(landmarks, `the landmark walk reaches "${expected}"`).toContain(expected);
		}
		// The same in Chromium's accessibility tree.
		await expect(page.getByRole('main')).toHaveCount(1);
		await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toHaveCount(1);
		await expect(page.getByRole('search', { name: 'Search and filter events' })).toHaveCount(1);
		await expect(page.getByRole('region', { name: TREATY.title, exact: true })).toHaveCount(1);
		// And as an aria snapshot: the details region holds the headline, a level-3 heading in its step.
		await expect(page.getByRole('region', { name: TREATY.title, exact: true })).toMatchAriaSnapshot(`
			- region "${TREATY.title}":
			  - heading "${TREATY.title}" [level=3]
		`);
		await expect(page.getByRole('contentinfo')).toHaveCount(1);
	});

	test('/embed: its main is named by the timeline’s title, then the timeline and the open event’s details', async ({ page }) => {
		await openWithReader(page, `/embed?event=${TREATY.id}`);
		const walk = await perform(page, 'moveToNextLandmark', 3);
		expect(walk).toEqual([`main, ${TITLE}`, 'region, Timeline', `region, ${TREATY.title}`]);
		await expect(page.getByRole('main', { name: TITLE })).toHaveCount(1);
	});
});

test.describe('events', () => {
	test('a mark says its date, title and number of sources; opening says the headline, not the panel; closing returns to the mark and says it', async ({ page }) => {
		await openWithReader(page, '/embed');
		const mark = page.locator(`.plot button[data-event-id="${TREATY.id}"]`);
		await expect(mark).toHaveAccessibleName(markName(TREATY));
		// The same name in the aria snapshot (quoted as YAML, the name holding a colon).
		await expect(mark).toMatchAriaSnapshot(`- 'button "${markName(TREATY)}"'`);

		const onMark = await saidDuring(page, () => mark.focus());
		expect(onMark.at(-1)).toBe(`button, ${markName(TREATY)}`);

		const opening = await saidDuring(page, () => page.keyboard.press('Enter'));
		expect(opening.at(-1), 'focus moves to the headline').toBe(`heading, ${TREATY.title}, level 2`);
		const summary = TREATY.summary.slice(0, 40);
		expect(opening.filter((phrase) => phrase.includes(summary)), 'the summary is not read out on opening').toEqual([]);
		expect(opening.filter((phrase) => TREATY.citations.some((citation) => phrase.includes(citation.excerpt.slice(0, 40)))), 'nor the excerpts').toEqual([]);

		const closing = await saidDuring(page, () => page.keyboard.press('Escape'));
		await expect(mark).toBeFocused();
		expect(closing.at(-1), 'back on the mark, which says so').toBe(`button, ${markName(TREATY)}`);
	});
});

test.describe('live announcements', () => {
	test('a zoom says the new range once, politely; a search says the count once', async ({ page }) => {
		// Opened by a link to an event: the view the link chose is not announced, the reader's zoom is.
		await openWithReader(page, `/?event=${TREATY.id}`);
		const live = page.locator('.controls [aria-live="polite"]');
		await saidDuring(page, async () => {
			await page.getByRole('button', { name: 'Zoom in' }).click();
			await expect(live).toHaveText(/^Showing /);
		});
		const range = (await page.getByTestId('visible-range').innerText()).replace(/\s+/g, ' ');
		const all = await spoken(page);
		const ranges = all.filter((phrase) => phrase.includes('Showing'));
		expect(ranges, `one polite announcement of the range, in ${JSON.stringify(all)}`).toEqual([`polite: Showing ${range}`]);

		const query = TREATY.title.split(' ').slice(0, 3).join(' ');
		const search = await saidDuring(page, async () => {
			await page.getByRole('searchbox').fill(query);
			await expect(page.getByTestId('event-count')).toHaveText(/ of /);
		});
		const count = await page.getByTestId('event-count').innerText();
		expect(search.filter((phrase) => phrase.includes(count)), 'the count, once').toHaveLength(1);
		expect(search.find((phrase) => phrase.includes(count))).toMatch(/^polite:/);
	});

	test('the story’s camera moving the axis says nothing', async ({ page }) => {
		await openWithReader(page, '/');
		const before = await page.getByTestId('visible-range').innerText();
		const step = STORY_ORDER[Math.floor(STORY_ORDER.length / 2)]!;
		const said = await saidDuring(page, async () => {
			await bringToReadingLine(page, step.id);
			await expect(page.getByTestId('visible-range'), 'the camera moved the axis to the step').not.toHaveText(before);
			await settled(page);
			// An absence needs a window: twice the 400 ms ZoomControls waits before it announces a range.
			await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 800)));
		});
		expect(said.filter((phrase) => phrase.includes('Showing'))).toEqual([]);
	});
});

test.describe('list view', () => {
	test('reads the events in time order', async ({ page }) => {
		await openWithReader(page, '/');
		await page.getByRole('button', { name: 'List view' }).click();
		await expect(page.getByRole('button', { name: 'List view' })).toHaveAttribute('aria-pressed', 'true');
		const headings = await perform(page, 'moveToNextHeading', TOTAL * 4);
		const titles = headings
			.map((phrase) => /^heading, (.*), level 3$/.exec(phrase)?.[1])
			.filter((title): title is string => title !== undefined && EVENTS.some((event) => event.title === title));
		expect([...new Set(titles)]).toEqual(STORY_ORDER.map((event) => event.title));
	});
});
