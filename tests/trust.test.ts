/**
 * Who said what, and where every fact comes from, as a reader sees it on the built pages: a
 * reproduced publication shown with its container and filtered as a source of its own, a claim
 * quoted with its claimant, speakers only on their own words, "Not in these sources" labels,
 * an ongoing span that ends at its newest source, corrections on the event and in the page's log,
 * retired ids that still open their event, and no internal id or file number anywhere a reader looks.
 * Every expectation is computed here from events.json.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { countText, credit, EVENTS, SOURCES, TOTAL, type FullEvent } from './expected';
import { expect, panel, plot, test } from './fixtures';

interface Citation {
	source: string;
	excerpt: string;
	speaker?: string;
}
type TrustEvent = Omit<FullEvent, 'citations'> & {
	citations: Citation[];
	ongoing?: boolean;
	approximate?: boolean;
	dateBasis: string;
	formerIds?: string[];
};
const events = EVENTS as unknown as TrustEvent[];
const data = JSON.parse(readFileSync('events.json', 'utf8'));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2025" / "October 2025" / "23 October 2025", written here from the partial date's parts. */
function dateText(partial: string): string {
	const [y, m, d] = partial.split('-');
	if (d) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
	if (m) return `${MONTHS[Number(m) - 1]} ${y}`;
	return y!;
}

const first = <T>(items: T[], what: string): T => {
	if (!items[0]) throw new Error(`events.json has no ${what}`);
	return items[0];
};

async function open(page: Page, event: TrustEvent, path = '/') {
	await page.goto(`${path}?event=${event.id}`);
	await expect(panel(page).getByRole('heading', { name: event.title, exact: true })).toBeVisible();
}

/** The citation figure in the panel whose highlighted quote is `excerpt`. */
const citationFigure = (page: Page, excerpt: string) =>
	panel(page).locator('figure.citation').filter({ has: page.locator('mark.quote', { hasText: excerpt.slice(0, 60) }) });

test('a reproduced publication is shown with its container and typed as itself', async ({ page }) => {
	const contained = SOURCES.filter((source) => source.within);
	expect(contained.length).toBeGreaterThan(0);
	for (const source of contained) {
		const event = first(events.filter((e) => e.citations.some((c) => c.source === source.id)), `event citing ${source.id}`);
		const citation = event.citations.find((c) => c.source === source.id)!;
		await open(page, event);
		const figure = citationFigure(page, citation.excerpt).first();
		const container = SOURCES.find((s) => s.id === source.within)!;
		await expect(figure.locator('cite')).toHaveText(`${source.name}, reproduced in ${container.name}`);
		// Its own type, not its container's (Borna News is analysis; Zuesse's post is opinion).
		await expect(figure.locator('.type')).toHaveText(new RegExp(`^${source.type}$`, 'i'));
	}
});

test('the source and type filters treat a reproduced publication as a source of its own', async ({ page }) => {
	const typeOf = (id: string) => SOURCES.find((s) => s.id === id)!.type;
	const citing = (id: string) => events.filter((e) => e.citations.some((c) => c.source === id));
	const ofType = (type: string) => events.filter((e) => e.citations.some((c) => typeOf(c.source) === type));
	// A reproduced publication some of whose events cite no source of its container's type: filtering
	// by the container's type must leave those out (Borna News's events are not Zuesse's opinion).
	const source = first(
		SOURCES.filter((s) => s.within && citing(s.id).some((e) => !ofType(typeOf(s.within!)).includes(e))),
		'reproduced publication with events of its own type only'
	);
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	const filters = page.getByRole('search', { name: 'Search and filter events' });
	const menu = filters.locator('details').filter({ has: page.locator('summary', { hasText: /^Sources/ }) });
	await menu.locator('summary').click();
	await menu.getByRole('checkbox', { name: credit(source.id), exact: true }).check();
	await expect(page.getByTestId('event-count')).toHaveText(countText(citing(source.id).length));
	await filters.getByRole('button', { name: 'Clear filters' }).click();

	const containerType = typeOf(source.within!);
	const typeMenu = filters.locator('details').filter({ has: page.locator('summary', { hasText: /^Source type/ }) });
	await typeMenu.locator('summary').click();
	await typeMenu.getByRole('checkbox', { name: containerType[0]!.toUpperCase() + containerType.slice(1), exact: true }).check();
	expect(ofType(containerType).length).toBeLessThan(TOTAL);
	await expect(page.getByTestId('event-count')).toHaveText(countText(ofType(containerType).length));
});

test('a claim is quoted with its claimant, so it never reads as fact', async ({ page }) => {
	const claims = events.flatMap((event) =>
		event.citations.filter((c) => /\b(argues|alleges|allegations|claims)\b/.test(c.excerpt)).map((citation) => ({ event, citation }))
	);
	expect(claims.length).toBeGreaterThan(0);
	for (const { event, citation } of claims) {
		await open(page, event);
		const quote = citationFigure(page, citation.excerpt).first().locator('mark.quote');
		await expect(quote).toHaveText(citation.excerpt);
		// The claimant is inside the highlighted words, before the verb of claiming.
		const [before] = citation.excerpt.split(/\b(?:argues|alleges|allegations|claims)\b/);
		expect(before!.trim().length, `${event.id}: the excerpt names who claims`).toBeGreaterThan(0);
	}
});

test('a speaker is named only on their own quoted words; narration is the outlet’s', async ({ page }) => {
	const event = first(
		events.filter((e) => e.citations.some((c) => c.speaker) && e.citations.some((c) => !c.speaker)),
		'event with both quoted speakers and narration'
	);
	await open(page, event);
	for (const citation of event.citations) {
		const figure = citationFigure(page, citation.excerpt).first();
		if (citation.speaker) await expect(figure.locator('.speaker')).toHaveText(`, quoting ${citation.speaker}`);
		else await expect(figure.locator('.speaker')).toHaveCount(0);
		await expect(figure.locator('cite')).toHaveText(credit(citation.source));
	}
});

test('facts from outside the sources are labelled as such, on the date and in the notes', async ({ page }) => {
	const event = first(
		events.filter((e) => e.dateBasis === 'outside' && (e.notes ?? []).some((n) => n.kind === 'not in these sources')),
		'event dated from outside the sources'
	);
	await open(page, event);
	await expect(panel(page).locator('.basis-tag')).toHaveText('Date not in these sources');
	const outside = event.notes!.filter((n) => n.kind === 'not in these sources');
	for (const note of outside) {
		await expect(panel(page).locator('li.note').filter({ hasText: note.text.slice(0, 50) })).toHaveText(`Not in these sources: ${note.text}`);
	}
	// An event dated by its own citations carries no such label.
	const dated = first(events.filter((e) => e.dateBasis === 'sources'), 'event dated by its citations');
	await open(page, dated);
	await expect(panel(page).locator('.basis-tag')).toHaveCount(0);
});

test('an ongoing span ends at its newest source and says so', async ({ page }) => {
	const ongoing = events.filter((e) => e.ongoing);
	expect(ongoing.length).toBeGreaterThan(0);
	for (const event of ongoing) {
		// The newest citing source's date: its publication date, or the latest date its text establishes.
		const dates = [...new Set(event.citations.map((c) => c.source))].map((id) => {
			const source = data.sources.find((s: { id: string }) => s.id === id);
			return (source.published ?? source.notBefore) as string;
		});
		const newest = dates.sort((a, b) => (a.padEnd(10, '-00') < b.padEnd(10, '-00') ? -1 : 1)).at(-1)!;
		expect(event.end, `${event.id} ends at its newest source`).toBe(newest);
		await open(page, event);
		const expected = `${event.approximate ? 'approx. ' : ''}${dateText(event.date)} – ongoing as of ${dateText(newest)}`;
		await expect(panel(page).locator('p.date time')).toHaveText(expected);
	}
});

test('corrections show on the event, in the embed and in the page’s log with the last update', async ({ page }) => {
	const corrected = events.filter((e) => (e.corrections ?? []).length > 0);
	expect(corrected.length).toBeGreaterThan(0);
	const event = corrected[0]!;
	for (const path of ['/', '/embed']) {
		await open(page, event, path);
		const items = panel(page).locator('.corrections li');
		await expect(items).toHaveText(event.corrections!.map((c) => `Corrected ${dateText(c.date)}: ${c.text}`));
	}
	await page.goto('/');
	const log = page.locator('ul.corrections li');
	const total = corrected.reduce((sum, e) => sum + e.corrections!.length, 0);
	await expect(log).toHaveCount(total);
	await expect(page.getByText(`Last updated ${dateText(data.updated)}.`)).toBeVisible();
	// Each entry links to its event's entry in the story.
	await expect(log.first().getByRole('link')).toHaveAttribute('href', /^#event-[a-z0-9-]+$/);
});

const RETIRED = events.flatMap((event) => (event.formerIds ?? []).map((former) => ({ former, event })));

test('events.json has retired ids to check', () => {
	expect(RETIRED.length).toBeGreaterThan(0);
});

// One test per retired id (each loads two pages), so they run side by side.
for (const { former, event } of RETIRED)
test(`a retired id (${former}) still opens the event that replaced it, on the page and in the embed`, async ({ page }) => {
	for (const path of ['/', '/embed']) {
		await page.goto(`${path}?event=${former}`);
		await expect(panel(page).getByRole('heading', { name: event.title, exact: true }), `${path}?event=${former}`).toBeVisible();
	}
});

test('no internal id or file number is shown to readers', async ({ page }) => {
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
	// Open every disclosure (filters, "where this information comes from") so their text counts too.
	await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
	const text = await page.evaluate(() => document.body.innerText);
	const ids = data.sources.map((s: { id: string }) => s.id);
	const files = data.sources.filter((s: { file?: string }) => s.file).map((s: { file: string }) => s.file);
	for (const word of [...ids, ...files, ...files.map((f: string) => f.slice(0, 3))]) {
		expect(text, `the page shows "${word}"`).not.toMatch(new RegExp(`(?<![\\w,.-])${word.replace('.', '\\.')}(?![\\w-])`));
	}
});

test('the method section names every source and says where each known value came from', async ({ page }) => {
	await page.goto('/');
	const list = page.locator('#sources + ul.sources > li');
	await expect(list).toHaveCount(data.sources.length);
	const LABEL: Record<string, string> = { title: 'Title', outlet: 'Outlet', author: 'Author', published: 'Published', url: 'Address' };
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	for (const [i, source] of (data.sources as any[]).entries()) {
		const item = list.nth(i);
		await expect(item.locator('strong').first()).toHaveText(credit(source.id));
		// Unknown metadata is said to be unknown, never guessed.
		if (source.author === null) await expect(item).toContainText('author unknown');
		if (source.published === null) await expect(item).toContainText('date unknown');
		const notes = Object.entries(source.provenance ?? {}).map(([field, text]) => `${LABEL[field]}: ${text}`);
		if (source.about) notes.push(`${{ 'sources disagree': 'Sources disagree', 'not in these sources': 'Not in these sources', editorial: 'Editors’ note' }[source.about.kind as string]}: ${source.about.text}`);
		await expect(item.locator('ul.provenance > li')).toHaveText(notes);
	}
});
