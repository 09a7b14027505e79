/**
 * Search and filters: the search box reads titles, summaries, notes and excerpts; themes, sources,
 * source types and the context switch narrow the events; all combine with AND. The count, the
 * story's steps and the timeline's marks always agree. Expectations are computed from events.json.
 */
import type { Page } from '@playwright/test';
import { expect, panel, plot, test } from './fixtures';
import {
	countText,
	credit,
	EVENTS,
	expectedEvents,
	fold,
	haystack,
	searchWords,
	SOURCE_TYPE,
	SOURCES,
	STORY_ORDER,
	THEME_LABEL,
	TOTAL,
	type Filter,
	type FullEvent
} from './expected';

const editorial = (e: FullEvent) => fold([e.title, e.summary, ...(e.notes ?? []).map((n) => n.text), ...(e.corrections ?? []).map((c) => c.text)].join('\n'));

/**
 * A phrase of 2–3 words that stands in one citation excerpt, occurs in no title, summary or note,
 * and whose words together find only that event. Preferred: three words, none of them in the
 * event's own title, summary or note either, so every hit is inside an excerpt.
 */
function excerptOnlyPhrase(): { event: FullEvent; phrase: string } {
	const candidates: { event: FullEvent; phrase: string; strict: boolean; words: number }[] = [];
	for (const event of STORY_ORDER) {
		for (const { excerpt } of event.citations) {
			const words = excerpt.split(/\s+/);
			for (const n of [3, 2]) {
				for (let i = 0; i + n <= words.length; i++) {
					const phrase = words.slice(i, i + n).join(' ');
					// Whole plain words only, each long enough to be a search word.
					if (!/^[A-Za-z]{3,}( [A-Za-z]{3,}){1,2}$/.test(phrase)) continue;
					if (EVENTS.some((e) => editorial(e).includes(fold(phrase)))) continue;
					const tokens = searchWords(phrase);
					const found = EVENTS.filter((e) => tokens.every((t) => haystack(e).includes(t)));
					if (found.length !== 1 || found[0] !== event) continue;
					candidates.push({ event, phrase, strict: tokens.every((t) => !editorial(event).includes(t)), words: n });
				}
			}
		}
	}
	const pick = candidates.find((c) => c.strict && c.words === 3) ?? candidates.find((c) => c.strict) ?? candidates[0];
	if (!pick) throw new Error('events.json has no excerpt-only phrase');
	return pick;
}

// ---- Page helpers ----

const filters = (page: Page) => page.getByRole('search', { name: 'Search and filter events' });
const searchBox = (page: Page) => filters(page).getByPlaceholder('Search events and excerpts');
const count = (page: Page) => page.getByTestId('event-count');
const steps = (page: Page) => page.locator('section.list li[data-step-id]');
const contextSwitch = (page: Page) => filters(page).getByRole('switch', { name: 'Context events' });

/** Opens a filter menu (a <details>) and returns it. */
async function openMenu(page: Page, legend: 'Themes' | 'Sources' | 'Source type') {
	const menu = filters(page).locator('details').filter({ has: page.locator('summary', { hasText: new RegExp(`^${legend}`) }) });
	if (!(await menu.evaluate((d: HTMLDetailsElement) => d.open))) await menu.locator('summary').click();
	return menu;
}

/**
 * The count, the story and the timeline agree with the expected events: the count text, the
 * steps in order, the overview's ticks, and every event either a mark/span or inside a cluster.
 */
async function expectShown(page: Page, events: FullEvent[]) {
	await expect(count(page)).toHaveText(countText(events.length));
	await expect(steps(page)).toHaveCount(events.length);
	expect(await steps(page).evaluateAll((items) => items.map((li) => li.getAttribute('data-step-id')))).toEqual(events.map((e) => e.id));
	await expect(page.getByTestId('overview').locator('canvas.ticks')).toHaveAttribute('data-ticks', String(events.length));
	const ids = events.map((e) => e.id);
	await expect
		.poll(async () => {
			const drawn = await plot(page).locator('button[data-event-id]').evaluateAll((b) => b.map((x) => x.getAttribute('data-event-id')!));
			const clustered = await plot(page)
				.locator('button.cluster')
				.evaluateAll((b) => b.reduce((sum, x) => sum + Number(/^(\d+) more/.exec(x.getAttribute('aria-label') ?? '')?.[1] ?? 0), 0));
			return { strays: drawn.filter((id) => !ids.includes(id)), total: drawn.length + clustered };
		})
		.toEqual({ strays: [], total: events.length });
}

test.use({ reducedMotion: 'reduce' });

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
});

test('with no search or filter, all events are shown and agree', async ({ page }) => {
	await expectShown(page, STORY_ORDER);
	await expect(filters(page).getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
});

test('a phrase found only in an excerpt finds exactly its event, marked in the story and the panel', async ({ page }) => {
	const { event, phrase } = excerptOnlyPhrase();
	const tokens = searchWords(phrase);
	await searchBox(page).fill(phrase);
	await expect(count(page)).toHaveText(countText(1));
	await expectShown(page, [event]);
	await expect(plot(page).locator('button[data-event-id]')).toHaveCount(1);

	// The story's step marks the words inside the excerpt.
	const step = steps(page).first();
	await expect(step.locator('h3')).toHaveText(event.title);
	const storyHits = await step.locator('mark.quote mark.hit').allInnerTexts();
	expect(storyHits.length).toBeGreaterThanOrEqual(tokens.length);
	for (const token of tokens) expect(storyHits.map(fold), `"${token}" is marked in the excerpt`).toContain(token);

	await page.getByRole('button', { name: `Show on timeline: ${event.title}`, exact: true }).click();
	await expect(panel(page).locator(':is(h2, h3)#details-title')).toHaveText(event.title);
	const mark = plot(page).locator(`button[data-event-id="${event.id}"]`);
	await expect(mark).toBeVisible();
	const panelHits = await panel(page).locator('mark.quote mark.hit').allInnerTexts();
	for (const token of tokens) expect(panelHits.map(fold), `"${token}" is marked in the panel's excerpt`).toContain(token);
	// The excerpt holding the phrase is shown whole, with the phrase's words marked in place.
	const quotes = await panel(page).locator('mark.quote').allInnerTexts();
	expect(quotes.some((quote) => quote.includes(phrase))).toBe(true);
});

test('search ignores case', async ({ page }) => {
	const { event, phrase } = excerptOnlyPhrase();
	await searchBox(page).fill(phrase.toUpperCase());
	await expectShown(page, [event]);
});

test('a theme and a search combine: the events that match both', async ({ page }) => {
	// A title word and a theme whose intersection is smaller than either, but not empty.
	const words = [...new Set(EVENTS.flatMap((e) => e.title.split(/[^\p{L}]+/u)).filter((w) => w.length >= 5))];
	let pick: { word: string; theme: string } | undefined;
	for (const word of words) {
		for (const theme of Object.keys(THEME_LABEL)) {
			const both = expectedEvents({ q: word, themes: [theme] }).length;
			if (both > 0 && both < expectedEvents({ q: word }).length && both < expectedEvents({ themes: [theme] }).length) pick ??= { word, theme };
		}
	}
	expect(pick, 'a word and a theme that overlap in part').toBeDefined();
	const { word, theme } = pick!;

	await searchBox(page).fill(word);
	await expectShown(page, expectedEvents({ q: word }));
	const menu = await openMenu(page, 'Themes');
	await menu.getByRole('checkbox', { name: THEME_LABEL[theme], exact: true }).check();
	await expectShown(page, expectedEvents({ q: word, themes: [theme] }));
	// The theme alone, once the search is emptied.
	await searchBox(page).fill('');
	await expectShown(page, expectedEvents({ themes: [theme] }));
});

test('two themes widen the selection (any of them)', async ({ page }) => {
	const [a, b] = Object.keys(THEME_LABEL).sort((x, y) => expectedEvents({ themes: [x] }).length - expectedEvents({ themes: [y] }).length);
	const menu = await openMenu(page, 'Themes');
	await menu.getByRole('checkbox', { name: THEME_LABEL[a!], exact: true }).check();
	await expectShown(page, expectedEvents({ themes: [a!] }));
	await menu.getByRole('checkbox', { name: THEME_LABEL[b!], exact: true }).check();
	await expectShown(page, expectedEvents({ themes: [a!, b!] }));
	expect(expectedEvents({ themes: [a!, b!] }).length).toBeGreaterThan(expectedEvents({ themes: [a!] }).length);
});

test('the source filter keeps the events citing that source', async ({ page }) => {
	// The source cited by the fewest events, so the filter visibly narrows.
	const source = [...SOURCES].sort((x, y) => expectedEvents({ sources: [x.id] }).length - expectedEvents({ sources: [y.id] }).length)[0]!;
	const menu = await openMenu(page, 'Sources');
	await menu.getByRole('checkbox', { name: credit(source.id), exact: true }).check();
	const events = expectedEvents({ sources: [source.id] });
	expect(events.length).toBeLessThan(TOTAL);
	await expectShown(page, events);
	await expect(filters(page).getByRole('button', { name: 'Clear filters' })).toBeVisible();
	await filters(page).getByRole('button', { name: 'Clear filters' }).click();
	await expectShown(page, STORY_ORDER);
	await expect(menu.getByRole('checkbox', { name: credit(source.id), exact: true })).not.toBeChecked();
});

test('the source type filter keeps the events citing a source of that type', async ({ page }) => {
	const types = [...new Set(SOURCES.map((s) => s.type))];
	const type = types.sort((x, y) => expectedEvents({ types: [x] }).length - expectedEvents({ types: [y] }).length)[0]!;
	const menu = await openMenu(page, 'Source type');
	await menu.getByRole('checkbox', { name: type[0]!.toUpperCase() + type.slice(1), exact: true }).check();
	const events = expectedEvents({ types: [type] });
	expect(events.length).toBeLessThan(TOTAL);
	await expectShown(page, events);
});

test('the context switch hides the context events', async ({ page }) => {
	const context = EVENTS.filter((e) => e.context);
	expect(context.length).toBeGreaterThan(0);
	await expect(contextSwitch(page)).toBeChecked();
	await expect(page.locator('section.list .context-tag')).toHaveCount(context.length);
	await contextSwitch(page).uncheck();
	await expectShown(page, expectedEvents({ context: false }));
	await expect(page.locator('section.list .context-tag')).toHaveCount(0);
	for (const event of context) await expect(page.locator(`li[data-step-id="${event.id}"]`)).toHaveCount(0);
	await contextSwitch(page).check();
	await expectShown(page, STORY_ORDER);
});

test('a search with no match says so, and its button restores every event', async ({ page }) => {
	const nonsense = 'zqxjv wvkq';
	expect(expectedEvents({ q: nonsense })).toHaveLength(0);
	// A filter too, so the button must clear both.
	const menu = await openMenu(page, 'Themes');
	await menu.getByRole('checkbox', { name: THEME_LABEL[EVENTS[0]!.themes[0]!], exact: true }).check();
	await menu.locator('summary').click();
	await searchBox(page).fill(nonsense);
	const status = page.getByRole('status').filter({ hasText: 'No events match' });
	await expect(status).toBeVisible();
	await expect(status).toContainText(nonsense);
	await expect(count(page)).toHaveText(countText(0));
	await expect(steps(page)).toHaveCount(0);
	await expect(plot(page).locator('button[data-event-id], button.cluster')).toHaveCount(0);

	await status.getByRole('button', { name: 'Clear search and filters' }).click();
	await expect(status).toHaveCount(0);
	await expect(searchBox(page)).toHaveValue('');
	await expect(filters(page).locator('details input[type=checkbox]:checked')).toHaveCount(0);
	await expectShown(page, STORY_ORDER);
});

test('every filter at once: theme, source, type, context and search agree with events.json', async ({ page }) => {
	// A non-context event and its own theme, first source, that source's type and a word of its title.
	const event = STORY_ORDER.find((e) => !e.context && e.themes.length > 1)!;
	const source = event.citations[0]!.source;
	const filter: Filter = {
		themes: [event.themes[0]!],
		sources: [source],
		types: [SOURCE_TYPE.get(source)!],
		context: false,
		q: event.title.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0]
	};
	const events = expectedEvents(filter);
	expect(events.map((e) => e.id)).toContain(event.id);
	await searchBox(page).fill(filter.q!);
	await (await openMenu(page, 'Themes')).getByRole('checkbox', { name: THEME_LABEL[filter.themes![0]!], exact: true }).check();
	await (await openMenu(page, 'Sources')).getByRole('checkbox', { name: credit(source), exact: true }).check();
	const type = filter.types![0]!;
	await (await openMenu(page, 'Source type')).getByRole('checkbox', { name: type[0]!.toUpperCase() + type.slice(1), exact: true }).check();
	await contextSwitch(page).uncheck();
	await expectShown(page, events);
});
