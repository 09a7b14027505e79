/**
 * The view lives in the URL: ?event=…&from=…&to=…&themes=…&sources=…&types=…&context=0&q=….
 * Links open the view they name, changes made in the page are written back, back/forward step
 * through the events opened, and a bad link never breaks the page: its bad part falls back to the
 * default view. Expectations come from events.json, or from what the page showed before.
 */
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { data, expect, markOf, panel, plot, test, visibleRange, type RawEvent } from './fixtures';
import { checkView, drawnView, expectView, settled, showing, zoomedAboutCentre, type Range } from './view';
import { countText, credit, DAY, EVENTS, expectedEvents, parseRange, period, SOURCE_TYPE, SOURCES, STORY_ORDER, THEME_LABEL, TITLE, TOTAL, type Filter } from './expected';


const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// ---- Page helpers ----

const filters = (page: Page) => page.getByRole('search', { name: 'Search and filter events' });
const searchBox = (page: Page) => filters(page).getByPlaceholder('Search events and excerpts');
const count = (page: Page) => page.getByTestId('event-count');
const contextSwitch = (page: Page) => filters(page).getByRole('switch', { name: 'Context events' });
function choices(page: Page, legend: 'Themes' | 'Sources' | 'Source type'): Locator {
	return filters(page).locator('details').filter({ has: page.locator('summary', { hasText: new RegExp(`^${legend}`) }) });
}
// Menus may be closed (<details>): their checkboxes are then hidden but still hold their state.
const themeBox = (page: Page, theme: string) => choices(page, 'Themes').getByRole('checkbox', { name: THEME_LABEL[theme], exact: true, includeHidden: true });
const sourceBox = (page: Page, id: string) => choices(page, 'Sources').getByRole('checkbox', { name: credit(id), exact: true, includeHidden: true });
const typeBox = (page: Page, type: string) =>
	choices(page, 'Source type').getByRole('checkbox', { name: type[0]!.toUpperCase() + type.slice(1), exact: true, includeHidden: true });
const steps = (page: Page) => page.locator('section.list li[data-step-id]');
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

async function ready(page: Page) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(plot(page)).toBeVisible();
}
async function readyWithMarks(page: Page) {
	await ready(page);
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
}

/**
 * The first view's range, as the page shows it without a query. The same for every test here
 * (one build, one viewport), so a worker reads it once, on the first page that asks, rather than
 * loading / again before each of the ~40 links it checks.
 */
let defaultText: string | undefined;
async function defaultRange(page: Page): Promise<string> {
	expect(page.viewportSize(), 'the viewport every test here uses').toEqual({ width: 1280, height: 720 });
	if (defaultText === undefined) {
		await page.goto('/');
		await readyWithMarks(page);
		defaultText = await visibleRange(page);
	}
	return defaultText;
}

/** A page in its own context, failing on console errors like the `page` fixture. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
	return { page, problems };
}
async function freshPage(browser: Browser) {
	const context = await browser.newContext({ reducedMotion: 'reduce' });
	return { context, ...(await watchedPage(context)) };
}

test.use({ reducedMotion: 'reduce' });

// ---- Links open the view they name ----

test.describe('a link opens the view it names', () => {
	// An event that is not a context event, dated to the day, with more than one theme.
	const X = STORY_ORDER.find((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date) && !e.context && e.themes.length > 1)!;
	const [xStart] = period(X.date);
	const FROM = isoDay(xStart - 10 * DAY);
	const TO = isoDay(xStart + 10 * DAY);
	const SOURCE = X.citations[0]!.source;
	const TYPE = SOURCE_TYPE.get(SOURCE)!;
	const WORD = X.title.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0]!;
	const OTHER_THEME = Object.keys(THEME_LABEL).find((t) => !X.themes.includes(t))!;

	test('the chosen event exists', () => {
		expect(X).toBeDefined();
		expect(WORD.length).toBeGreaterThanOrEqual(4);
	});

	test('?event= opens the event and shows it on the axis', async ({ page }) => {
		const first = await defaultRange(page);
		await page.goto(`/?event=${encodeURIComponent(X.id)}`);
		await readyWithMarks(page);
		await expect(page.locator('#details-title')).toHaveText(X.title);
		await expect(markOf(page, X)).toBeVisible();
		const range = await visibleRange(page);
		expect(range).not.toBe(first);
		const [from, to] = parseRange(range);
		expect(from).toBeLessThanOrEqual(xStart);
		expect(to).toBeGreaterThan(xStart);
	});

	test('?from=&to= shows that range: from the start of `from` to the end of `to`', async ({ page }) => {
		// On the time scale, whose arithmetic drawnView reads (spacing.test.ts covers even spacing).
		await page.goto(`/?from=${FROM}&to=${TO}&spacing=time`);
		await readyWithMarks(page);
		await expect(panel(page)).toHaveCount(0);
		await settled(page);
		const shown = await drawnView(page);
		// The whole range, to keep the expected view inside: Reset shows it.
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		await settled(page);
		const full = await drawnView(page);
		const expected = showing(period(FROM)[0], period(TO)[1], full);
		expect(expected.to - expected.from, 'three weeks: neither widened to a week nor clamped').toBe(21 * DAY);
		checkView(shown, expected, { message: `?from=${FROM}&to=${TO}` });
	});

	const filterCases: { name: string; query: string; filter: Filter; check: (page: Page) => Promise<void> }[] = [
		{
			name: 'themes',
			query: `themes=${X.themes[0]},${OTHER_THEME}`,
			filter: { themes: [X.themes[0]!, OTHER_THEME] },
			check: async (page) => {
				await expect(themeBox(page, X.themes[0]!)).toBeChecked();
				await expect(themeBox(page, OTHER_THEME)).toBeChecked();
				const others = Object.keys(THEME_LABEL).filter((t) => t !== X.themes[0] && t !== OTHER_THEME);
				for (const theme of others) await expect(themeBox(page, theme)).not.toBeChecked();
			}
		},
		{
			name: 'sources',
			query: `sources=${SOURCE}`,
			filter: { sources: [SOURCE] },
			check: async (page) => {
				await expect(sourceBox(page, SOURCE)).toBeChecked();
				for (const source of SOURCES.filter((s) => s.id !== SOURCE)) await expect(sourceBox(page, source.id)).not.toBeChecked();
			}
		},
		{
			name: 'types',
			query: `types=${encodeURIComponent(TYPE)}`,
			filter: { types: [TYPE] },
			check: async (page) => {
				await expect(typeBox(page, TYPE)).toBeChecked();
			}
		},
		{
			name: 'context',
			query: 'context=0',
			filter: { context: false },
			check: async (page) => {
				await expect(contextSwitch(page)).not.toBeChecked();
			}
		},
		{
			name: 'q',
			query: `q=${encodeURIComponent(WORD)}`,
			filter: { q: WORD },
			check: async (page) => {
				await expect(searchBox(page)).toHaveValue(WORD);
			}
		}
	];

	for (const { name, query, filter, check } of filterCases) {
		test(`?${name}= sets its control and filters the events`, async ({ page }) => {
			const expected = expectedEvents(filter);
			expect(expected.length).toBeGreaterThan(0);
			expect(expected.length).toBeLessThan(TOTAL);
			await page.goto(`/?${query}`);
			await readyWithMarks(page);
			await check(page);
			await expect(count(page)).toHaveText(countText(expected.length));
			await expect(steps(page)).toHaveCount(expected.length);
			const shown = await steps(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-step-id')));
			expect(shown).toEqual(expected.map((e) => e.id));
		});
	}

	test('every parameter at once: event, range, themes, sources, types, context, search and spacing', async ({ page, browser }) => {
		const filter: Filter = { themes: [X.themes[0]!, OTHER_THEME], sources: [SOURCE], types: [TYPE], context: false, q: WORD };
		const expected = expectedEvents(filter);
		expect(expected.map((e) => e.id)).toContain(X.id);
		const query =
			`?event=${encodeURIComponent(X.id)}&from=${FROM}&to=${TO}&themes=${X.themes[0]},${OTHER_THEME}` +
			`&sources=${SOURCE}&types=${encodeURIComponent(TYPE)}&context=0&q=${encodeURIComponent(WORD)}&spacing=time`;
		// The page's clock is Playwright's, so the URL's settle delay can be run through below.
		await page.clock.install();
		await page.goto(`/${query}`);
		await readyWithMarks(page);

		await expect(page.locator('#details-title')).toHaveText(X.title);
		// The link's range wins over the event's: three weeks from FROM to the end of TO, well inside the data.
		await settled(page);
		const shown = await drawnView(page);
		checkView(shown, { from: period(FROM)[0], to: period(TO)[1] }, { message: 'the link’s range' });
		await expect(themeBox(page, X.themes[0]!)).toBeChecked();
		await expect(themeBox(page, OTHER_THEME)).toBeChecked();
		await expect(sourceBox(page, SOURCE)).toBeChecked();
		await expect(typeBox(page, TYPE)).toBeChecked();
		await expect(contextSwitch(page)).not.toBeChecked();
		await expect(searchBox(page)).toHaveValue(WORD);
		await expect(count(page)).toHaveText(countText(expected.length));
		await expect(steps(page)).toHaveCount(expected.length);
		await expect(markOf(page, X)).toBeVisible();

		// The page keeps the link's state in its URL once it settles: run the page's clock past the
		// delay after which it rewrites the URL (zooming and typing settle first), so a rewrite that
		// would drop or change a parameter has happened, then read the URL.
		await page.clock.runFor(2_000);
		await settled(page);
		const url = new URL(page.url());
		expect(url.searchParams.get('event')).toBe(X.id);
		expect(url.searchParams.get('themes')?.split(',').sort()).toEqual([X.themes[0], OTHER_THEME].sort());
		expect(url.searchParams.get('sources')).toBe(SOURCE);
		expect(url.searchParams.get('types')).toBe(TYPE);
		expect(url.searchParams.get('context')).toBe('0');
		expect(url.searchParams.get('q')).toBe(WORD);
		const [urlFrom, urlTo] = [url.searchParams.get('from')!, url.searchParams.get('to')!];
		expect(Math.abs(period(urlFrom)[0] - period(FROM)[0])).toBeLessThanOrEqual(DAY);
		expect(Math.abs(period(urlTo)[0] - period(TO)[0])).toBeLessThanOrEqual(DAY);

		// And that URL, opened afresh, shows the same view: the state round-trips.
		const range = await visibleRange(page);
		const other = await freshPage(browser);
		await other.page.goto(page.url());
		await readyWithMarks(other.page);
		await expect(other.page.locator('#details-title')).toHaveText(X.title);
		await expect(other.page.getByTestId('visible-range')).toHaveText(range);
		await expect(count(other.page)).toHaveText(countText(expected.length));
		await expect(searchBox(other.page)).toHaveValue(WORD);
		await expect(contextSwitch(other.page)).not.toBeChecked();
		expect(other.problems).toEqual([]);
		await other.context.close();
	});
});

// ---- Changes made in the page are written to the URL ----

test.describe('changing the view writes the URL', () => {
	test.beforeEach(async ({ page }) => {
		// The time scale: the zoom test reads the view with its arithmetic.
		await page.goto('/?spacing=time');
		await readyWithMarks(page);
	});

	test('opening an event adds ?event= as a new history entry', async ({ page }) => {
		const id = (await plot(page).locator('button.mark[data-event-id]').first().getAttribute('data-event-id'))!;
		const length = await page.evaluate(() => history.length);
		await plot(page).locator(`button[data-event-id="${id}"]`).click();
		await expect.poll(() => param(page, 'event')).toBe(id);
		expect(await page.evaluate(() => history.length)).toBe(length + 1);
	});

	test('zooming writes from/to (replacing the entry), and they name the visible range’s days', async ({ page, browser }) => {
		await settled(page);
		const full = await drawnView(page);
		const length = await page.evaluate(() => history.length);
		const zoomIn = page.getByRole('button', { name: 'Zoom in' });
		for (let i = 0; i < 3; i++) await zoomIn.click();
		let expected: Range = full;
		for (let i = 0; i < 3; i++) expected = zoomedAboutCentre(expected, 2, full.width, full);
		const view = await expectView(page, expected, { message: '3 × Zoom in' });
		// Once zooming settles the URL is rewritten (a click's write may land before the next click):
		// from becomes the day of the first instant shown, to the day of the last (the range's end
		// is exclusive), each within a pixel of the drawn end.
		const px = view.msPerPx;
		await expect(async () => {
			const [from, to] = [param(page, 'from'), param(page, 'to')];
			expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			const [fromStart, fromEnd] = period(from!);
			const [toStart, toEnd] = period(to!);
			expect(fromStart, `from ${from} starts within a pixel of the view's start, ${isoDay(view.from)}`).toBeLessThanOrEqual(view.from + px);
			expect(fromEnd, `from ${from} ends after the view's start, ${isoDay(view.from)}`).toBeGreaterThan(view.from - px);
			expect(toStart, `to ${to} starts before the view's end, ${isoDay(view.to)}`).toBeLessThan(view.to + px);
			expect(toEnd, `to ${to} ends within a pixel of the view's end, ${isoDay(view.to)}`).toBeGreaterThanOrEqual(view.to - px);
		}).toPass();
		expect(await page.evaluate(() => history.length)).toBe(length);
		const range = await visibleRange(page);

		// Opened afresh, the link shows those whole days.
		const other = await freshPage(browser);
		await other.page.goto(page.url());
		await readyWithMarks(other.page);
		await expectView(other.page, showing(period(param(page, 'from')!)[0], period(param(page, 'to')!)[1], full), { message: 'the link opened afresh' });
		await expect(other.page.getByTestId('visible-range')).toHaveText(range);
		expect(other.problems).toEqual([]);
		await other.context.close();

		// Reset takes them out again.
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		await expect.poll(() => param(page, 'from')).toBeNull();
		await expect.poll(() => param(page, 'to')).toBeNull();
	});

	test('ticking a theme writes themes=', async ({ page }) => {
		const theme = EVENTS[0]!.themes[0]!;
		const length = await page.evaluate(() => history.length);
		await choices(page, 'Themes').locator('summary').click();
		await themeBox(page, theme).check();
		await expect.poll(() => param(page, 'themes')).toBe(theme);
		await expect(count(page)).toHaveText(countText(expectedEvents({ themes: [theme] }).length));
		expect(await page.evaluate(() => history.length)).toBe(length);
		await themeBox(page, theme).uncheck();
		await expect.poll(() => param(page, 'themes')).toBeNull();
	});

	test('ticking a source and a source type writes sources= and types=', async ({ page }) => {
		const source = SOURCES[1]!;
		await choices(page, 'Sources').locator('summary').click();
		await sourceBox(page, source.id).check();
		await expect.poll(() => param(page, 'sources')).toBe(source.id);
		await choices(page, 'Sources').locator('summary').click();
		await choices(page, 'Source type').locator('summary').click();
		await typeBox(page, source.type).check();
		await expect.poll(() => param(page, 'types')).toBe(source.type);
		await expect(count(page)).toHaveText(countText(expectedEvents({ sources: [source.id], types: [source.type] }).length));
	});

	test('turning off context events writes context=0', async ({ page }) => {
		await contextSwitch(page).uncheck();
		await expect.poll(() => param(page, 'context')).toBe('0');
		await expect(count(page)).toHaveText(countText(expectedEvents({ context: false }).length));
		await contextSwitch(page).check();
		await expect.poll(() => param(page, 'context')).toBeNull();
	});

	test('typing a search writes q= once typing settles', async ({ page }) => {
		const word = EVENTS[0]!.title.split(/[^\p{L}]+/u).find((w) => w.length >= 5)!;
		const length = await page.evaluate(() => history.length);
		await searchBox(page).pressSequentially(word, { delay: 20 });
		await expect.poll(() => param(page, 'q')).toBe(word);
		expect(await page.evaluate(() => history.length)).toBe(length);
		await expect(count(page)).toHaveText(countText(expectedEvents({ q: word }).length));
	});
});

// ---- Back and forward ----

test('back and forward step through the events opened', async ({ page }) => {
	await page.goto('/');
	await readyWithMarks(page);
	const [a, b] = [STORY_ORDER[3]!, STORY_ORDER[STORY_ORDER.length - 3]!];
	const title = page.locator('#details-title');
	const show = (event: RawEvent) => page.getByRole('button', { name: `Show on timeline: ${event.title}`, exact: true }).click();

	await show(a);
	await expect(title).toHaveText(a.title);
	await expect.poll(() => param(page, 'event')).toBe(a.id);
	await show(b);
	await expect(title).toHaveText(b.title);
	await expect.poll(() => param(page, 'event')).toBe(b.id);

	await page.goBack();
	await expect(title).toHaveText(a.title);
	expect(param(page, 'event')).toBe(a.id);
	await page.goBack();
	await expect(panel(page)).toHaveCount(0);
	expect(param(page, 'event')).toBeNull();
	await page.goForward();
	await expect(title).toHaveText(a.title);
	expect(param(page, 'event')).toBe(a.id);
	await page.goForward();
	await expect(title).toHaveText(b.title);
});

test('back restores the filters of the entry it returns to', async ({ page }) => {
	const theme = EVENTS[0]!.themes[0]!;
	await page.goto(`/?themes=${theme}`);
	await readyWithMarks(page);
	await expect(count(page)).toHaveText(countText(expectedEvents({ themes: [theme] }).length));
	const id = (await plot(page).locator('button.mark[data-event-id]').first().getAttribute('data-event-id'))!;
	await plot(page).locator(`button[data-event-id="${id}"]`).click();
	await expect.poll(() => param(page, 'event')).toBe(id);
	expect(param(page, 'themes')).toBe(theme);
	await page.goBack();
	await expect(panel(page)).toHaveCount(0);
	await expect(themeBox(page, theme)).toBeChecked();
	await expect(count(page)).toHaveText(countText(expectedEvents({ themes: [theme] }).length));
});

// ---- Bad links ----

const A_ID = STORY_ORDER[0]!.id;
const LONG = 'x'.repeat(5000);
const QUERY_WORD = 'Iran';
/** 300 characters of a real word, repeated. */
const LONG_QUERY = `${QUERY_WORD} `.repeat(60);

interface BadCase {
	name: string;
	query: string;
	/** Expected search box value (default ''). */
	q?: string;
}
const BAD: BadCase[] = [
	{ name: 'unknown event', query: 'event=nope' },
	{ name: 'empty event', query: 'event=' },
	{ name: 'from is not a date', query: 'from=banana&to=2025-01-31' },
	{ name: 'month 13', query: 'from=2025-13-01&to=2025-12-31' },
	{ name: '30 February', query: 'from=2025-02-30&to=2025-03-10' },
	{ name: 'to before from', query: 'to=2024&from=2025' },
	{ name: 'from without to', query: 'from=2024-01-01' },
	{ name: 'a timestamp instead of a date', query: 'from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z' },
	{ name: '5,000-character event', query: `event=${LONG}` },
	{ name: '5,000-character dates', query: `from=${'1'.repeat(5000)}&to=${'2'.repeat(5000)}` },
	{ name: '5,000-character search', query: `q=${LONG}` },
	{ name: '5,000-character themes', query: `themes=${'diplomacy,'.repeat(500)}` },
	{ name: 'script tag as event', query: `event=${encodeURIComponent('<script>alert(1)</script>')}` },
	{ name: 'script tag as theme', query: `themes=${encodeURIComponent('<script>alert(1)</script>')}` },
	{ name: 'broken percent-encoding in event', query: 'event=%E0%A4%A' },
	{ name: 'broken percent-encoding in dates', query: 'from=%E0%A4%A&to=%E0%A4%A' },
	{ name: 'javascript: URL as event', query: 'event=javascript:alert(1)' },
	{ name: 'javascript: URL as from', query: 'from=javascript:alert(1)&to=2025' },
	{ name: 'empty list of themes', query: 'themes=,,,' },
	{ name: 'unknown sources', query: 'sources=,,s999,,' },
	{ name: 'unknown source type', query: 'types=gossip,,' },
	{ name: 'unknown keys', query: 'foo=bar&utm_source=newsletter&%ZZ=1' },
	{ name: 'right-to-left override in event', query: `event=%E2%80%AE${encodeURIComponent(A_ID)}` },
	{ name: 'emoji event and theme', query: `event=${encodeURIComponent('😀')}&themes=${encodeURIComponent('🕊️')}` },
	{ name: 'null byte in event', query: `event=${encodeURIComponent(A_ID)}%00` },
	{ name: 'context=maybe', query: 'context=maybe' },
	{ name: 'years 0000 to 9999', query: 'from=0000-01-01&to=9999-12-31' },
	{ name: 'only whitespace search', query: 'q=%20%20%09%20' },
	{ name: 'hash-like junk', query: 'event=%23%23%23&from=%2F%2F&to=..%2F..' }
];
/** Cases whose search text is valid but unusual: it is read as typed, cleaned, and never run. */
const ODD_SEARCHES: BadCase[] = [
	{ name: 'script tag as search', query: `q=${encodeURIComponent('<script>alert(1)</script>')}`, q: '<script>alert(1)</script>' },
	{ name: 'broken percent-encoding in search', query: 'q=%E0%A4%A', q: new URLSearchParams('q=%E0%A4%A').get('q')! },
	{ name: 'right-to-left override in search', query: `q=%E2%80%AE${QUERY_WORD}`, q: QUERY_WORD },
	{ name: 'emoji search', query: `q=${encodeURIComponent('😀')}`, q: '😀' },
	{ name: 'null byte in search', query: `q=Russia%00${QUERY_WORD}`, q: `Russia ${QUERY_WORD}` },
	{ name: '300-character search', query: `q=${encodeURIComponent(LONG_QUERY)}`, q: LONG_QUERY.slice(0, 200).trim() },
	{ name: 'javascript: URL as search', query: `q=${encodeURIComponent('javascript:alert(1)')}`, q: 'javascript:alert(1)' }
];

test.describe('a bad link falls back to the default view for its bad part', () => {
	for (const { name, query } of BAD) {
		test(`${name}: ?${query.slice(0, 60)}`, async ({ page }) => {
			const first = await defaultRange(page);
			const dialogs: string[] = [];
			page.on('dialog', (dialog) => {
				dialogs.push(dialog.message());
				void dialog.dismiss();
			});
			const response = await page.goto(`/?${query}`);
			expect(response?.status()).toBe(200);
			await readyWithMarks(page);
			await expect(page.getByTestId('visible-range')).toHaveText(first);
			await expect(panel(page)).toHaveCount(0);
			await expect(count(page)).toHaveText(countText(TOTAL));
			await expect(searchBox(page)).toHaveValue('');
			await expect(contextSwitch(page)).toBeChecked();
			await expect(filters(page).locator('details input[type=checkbox]:checked')).toHaveCount(0);
			await expect(steps(page)).toHaveCount(TOTAL);
			// Still alive: a click opens an event.
			await plot(page).locator('button.mark[data-event-id]').first().click();
			await expect(panel(page)).toBeVisible();
			expect(dialogs).toEqual([]);
		});
	}

	for (const { name, query, q } of ODD_SEARCHES) {
		test(`${name}: ?${query.slice(0, 60)}`, async ({ page }) => {
			const first = await defaultRange(page);
			const dialogs: string[] = [];
			page.on('dialog', (dialog) => {
				dialogs.push(dialog.message());
				void dialog.dismiss();
			});
			const response = await page.goto(`/?${query}`);
			expect(response?.status()).toBe(200);
			await ready(page);
			await expect(searchBox(page)).toHaveValue(q!);
			// No control or bidi-override characters reach the search box.
			expect(await searchBox(page).inputValue()).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
			const expected = expectedEvents({ q });
			await expect(count(page)).toHaveText(countText(expected.length));
			await expect(steps(page)).toHaveCount(expected.length);
			await expect(page.getByTestId('visible-range')).toHaveText(first);
			await expect(panel(page)).toHaveCount(0);
			if (expected.length > 0) await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
			else await expect(page.getByRole('status').filter({ hasText: 'No events match' })).toContainText(q!);
			// Text stays text: nothing from the link became an element.
			expect(await page.locator('script:not([src]):not([type])').evaluateAll((s) => s.filter((e) => e.textContent?.includes('alert(1)')).length)).toBe(0);
			expect(dialogs).toEqual([]);
		});
	}

	test('the bad-link table is big enough', () => {
		expect(BAD.length + ODD_SEARCHES.length).toBeGreaterThanOrEqual(20);
		expect(expectedEvents({ q: QUERY_WORD }).length).toBeGreaterThan(0);
	});
});

// ---- Copy link ----

test.describe('Copy link', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test("copies the URL of the event's own page, which opens with the event on the timeline", async ({ page, context }) => {
		await page.goto('/');
		await readyWithMarks(page);
		const event = STORY_ORDER[Math.floor(STORY_ORDER.length / 2)]!;
		await page.getByRole('button', { name: `Show on timeline: ${event.title}`, exact: true }).click();
		await expect(page.locator('#details-title')).toHaveText(event.title);
		await panel(page).getByRole('button', { name: 'Copy link' }).click();
		await expect(panel(page).getByRole('status')).toHaveText('Link copied');
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toBe(`${new URL(page.url()).origin}/events/${event.id}`);

		const other = await watchedPage(context);
		await other.page.goto(link);
		await expect(other.page.locator('h1')).toHaveText(event.title);
		await expect(markOf(other.page, event)).toBeVisible();
		await expect(markOf(other.page, event)).toHaveClass(/selected/);
		expect(other.problems).toEqual([]);
		await other.page.close();
	});
});
