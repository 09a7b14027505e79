/**
 * Downloads, citations and print: files are real (valid PNG/SVG/CSV/JSON) and say what
 * events.json says.
 */
import { readFileSync } from 'node:fs';
import { data, expect, panel, plot, test } from './fixtures';
import { SOURCES } from './expected';
import { settled } from './view';

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
});

/** Opens the Download menu, runs `withMenuOpen` (to read the page as the file is made), and downloads. */
async function download(page: import('@playwright/test').Page, label: RegExp, withMenuOpen?: () => Promise<void>) {
	await page.getByText('Download', { exact: true }).click();
	await withMenuOpen?.();
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
	return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

/** A small RFC 4180 reader: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(cell), (cell = '');
		else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
		else cell += c;
	}
	return rows;
}

test('the CSV download has one row per citation, each excerpt exactly as in events.json', async ({ page }) => {
	const { name, body } = await download(page, /CSV/);
	expect(name).toMatch(/\.csv$/);
	const [header, ...rows] = parseCsv(body.toString('utf8'));
	expect(header).toContain('excerpt');
	const excerptAt = header!.indexOf('excerpt');
	const idAt = header!.indexOf('event_id');
	const expected = data.events.flatMap((e) => e.citations.map((c) => [e.id, c.excerpt]));
	expect(rows.map((r) => [r[idAt], r[excerptAt]]).sort()).toEqual(expected.sort());
});

test('the JSON download lists the shown events with their citations as in events.json', async ({ page }) => {
	const { body } = await download(page, /JSON/);
	const json = JSON.parse(body.toString('utf8'));
	const byId = new Map(data.events.map((e) => [e.id, e]));
	expect(json.events).toHaveLength(data.events.length);
	for (const event of json.events) {
		const original = byId.get(event.id)!;
		expect(event.title).toBe(original.title);
		expect(event.citations.map((c: { excerpt: string }) => c.excerpt)).toEqual(original.citations.map((c) => c.excerpt));
	}
});

test('after a search, the downloads hold only the events shown', async ({ page }) => {
	await page.getByPlaceholder('Search events and excerpts').fill('Bushehr');
	await expect(page.getByTestId('event-count')).not.toHaveText(/^\d+ events$/);
	const shown = await page.locator('section.list li[data-step-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-step-id')));
	const { body } = await download(page, /JSON/);
	expect(JSON.parse(body.toString('utf8')).events.map((e: { id: string }) => e.id)).toEqual(shown);
});

test('the SVG download is an SVG document with the title, the tick labels, the labels shown and a source line', async ({ page }) => {
	// No zoom animation: the labels read below are the ones drawn when the SVG is made.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.getByRole('button', { name: /^Show on timeline: Putin and Pezeshkian sign/ }).click();
	await expect(page.getByTestId('visible-range')).toContainText('2025');
	// Read with the menu open: reaching it scrolls the page to its top, where the plot spans the
	// page's width (the first view), and the download draws the plot as it is then.
	let labels: string[] = [];
	let ticks: string[] = [];
	const { name, body } = await download(page, /SVG/, async () => {
		await settled(page);
		labels = await plot(page).locator('.mark .label').allInnerTexts();
		ticks = await plot(page).locator('.tick .label').allInnerTexts();
	});
	expect(name).toMatch(/\.svg$/);
	const svg = body.toString('utf8');
	expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
	// The browser's own XML parser accepts it.
	const parsedOk = await page.evaluate((text) => !new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror'), svg);
	expect(parsedOk).toBe(true);
	expect(svg).toContain('Russia and Iran, 1991–2025');
	expect(svg).toMatch(/Sources: .*exported \d{1,2} \w+ \d{4}/);
	for (const label of [...labels, ...ticks]) expect(svg).toContain(label.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
});

test('the PNG download is a PNG image twice the size of the view and its 16 px margins', async ({ page }) => {
	const { name, body } = await download(page, /PNG/);
	expect(name).toMatch(/\.png$/);
	expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const width = body.readUInt32BE(16);
	const plotWidth = await plot(page).evaluate((node) => node.clientWidth);
	expect(Math.abs(width - 2 * (plotWidth + 32))).toBeLessThanOrEqual(4);
});

/** Where the page draws each mark, bar and tick (px from the plot's left), and the text it shows. */
async function drawnOnPage(page: import('@playwright/test').Page) {
	return plot(page).evaluate((node) => {
		const left = node.getBoundingClientRect().left + node.clientLeft;
		const x = (el: Element) => el.getBoundingClientRect().left - left;
		return {
			marks: [...node.querySelectorAll('.mark')].map((m) => ({
				id: m.getAttribute('data-event-id'),
				x: x(m.querySelector('.glyph')!) + m.querySelector('.glyph')!.getBoundingClientRect().width / 2,
				label: m.querySelector('.label')?.textContent ?? ''
			})),
			spans: [...node.querySelectorAll('.span')].map((s) => ({ id: s.getAttribute('data-event-id'), x: x(s), label: s.textContent!.trim() })),
			ticks: [...node.querySelectorAll('.tick')].map((t) => ({ time: t.getAttribute('data-time'), x: x(t), label: t.textContent!.trim() })),
			clusters: [...node.querySelectorAll('.cluster')].map((c) => c.textContent!.trim())
		};
	});
}

/** The same read from the SVG download, which draws the scene itself (scene-svg.ts). */
async function drawnInSvg(page: import('@playwright/test').Page, svg: string) {
	return page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const translateX = (el: Element) => Number(/translate\(([-\d.]+)/.exec(el.getAttribute('transform')!)![1]);
		return {
			marks: [...doc.querySelectorAll('g.mark')].map((g) => ({
				id: g.getAttribute('data-event-id'),
				x: translateX(g.querySelector('path')!) + 8,
				label: g.querySelector('text')?.textContent ?? ''
			})),
			spans: [...doc.querySelectorAll('g.span')].map((g) => ({ id: g.getAttribute('data-event-id'), x: Number(g.querySelector('rect')!.getAttribute('x')), label: g.querySelector('text')!.textContent! })),
			ticks: [...doc.querySelectorAll('g.tick')].map((g) => ({ time: g.getAttribute('data-time'), x: Number(g.querySelector('line')!.getAttribute('x1')), label: g.querySelector('text')!.textContent! })),
			clusters: [...doc.querySelectorAll('g.cluster')].map((g) => g.querySelector('text')!.textContent!),
			background: doc.querySelector('svg > rect')!.getAttribute('fill')
		};
	}, svg);
}

for (const view of ['the first view', 'January 2025', 'a filtered view', 'the first view on the time scale'] as const) {
	test(`what the page draws is the scene the SVG download draws: ${view}`, async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		if (view === 'the first view on the time scale') await page.goto('/?spacing=time');
		if (view === 'January 2025') await page.goto('/?from=2025-01-01&to=2025-02-01');
		if (view === 'a filtered view') await page.goto('/?themes=military-security');
		await expect(plot(page)).toHaveAttribute('data-settled', 'true');
		const onPage = await drawnOnPage(page);
		const inSvg = await drawnInSvg(page, (await download(page, /SVG/)).body.toString('utf8'));
		expect(onPage.marks.length, 'the view draws marks').toBeGreaterThan(0);
		// Positions agree to a pixel (the SVG rounds to tenths; the page to device pixels).
		const near = (a: number, b: number) => Math.abs(a - b) <= 1;
		expect(inSvg.marks.map((m) => [m.id, m.label])).toEqual(onPage.marks.map((m) => [m.id, m.label]));
		onPage.marks.forEach((m, i) => expect(near(m.x, inSvg.marks[i]!.x), `${m.id} at ${m.x} vs ${inSvg.marks[i]!.x}`).toBe(true));
		expect(inSvg.spans.map((s) => [s.id, s.label])).toEqual(onPage.spans.map((s) => [s.id, s.label]));
		onPage.spans.forEach((s, i) => expect(near(s.x, inSvg.spans[i]!.x), `${s.id}`).toBe(true));
		expect(inSvg.ticks.map((t) => [t.time, t.label])).toEqual(onPage.ticks.map((t) => [t.time, t.label]));
		onPage.ticks.forEach((t, i) => expect(near(t.x, inSvg.ticks[i]!.x), `tick ${t.label}`).toBe(true));
		expect(inSvg.clusters).toEqual(onPage.clusters);
	});
}

for (const scheme of ['light', 'dark'] as const) {
	test(`the SVG download is drawn in the colours the reader sees: ${scheme}`, async ({ page }) => {
		await page.emulateMedia({ colorScheme: scheme });
		await page.reload();
		await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
		const pageBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		const { background } = await drawnInSvg(page, (await download(page, /SVG/)).body.toString('utf8'));
		expect(background).toBe(pageBackground);
		// Relative luminance of the background, from its rgb() channels.
		const [r, g, b] = background!.match(/\d+/g)!.map((c) => Number(c) / 255);
		const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
		if (scheme === 'dark') expect(luminance).toBeLessThan(0.2);
		else expect(luminance).toBeGreaterThan(0.8);
	});
}

test('Cite gives the entry and each of its sources as plain text and BibTeX, unknowns said as such', async ({ page }) => {
	const event = data.events.find((e) => e.id === 'uk-mod-assessment')!;
	await page.getByRole('button', { name: `Show on timeline: ${event.title}` }).click();
	await panel(page).getByText('Cite', { exact: true }).click();
	const entry = panel(page).getByLabel('Citation of this entry (plain text)');
	// Its link is the event's own page.
	await expect(entry).toHaveValue(new RegExp(`${event.title}.*/events/${event.id}\\. Accessed`));
	const sources = [...new Set(event.citations.map((c) => c.source))];
	// Each source named as readers know it (its name; a reproduced one with where it appeared), never by its id.
	const credit = (id: string) => {
		const source = SOURCES.find((s) => s.id === id)!;
		const within = source.within ? SOURCES.find((s) => s.id === source.within) : undefined;
		return within ? `${source.name}, reproduced in ${within.name}` : source.name;
	};
	for (const id of sources) {
		await expect(panel(page).getByLabel(`Citation of ${credit(id)} (BibTeX)`)).toHaveValue(new RegExp(`^@misc\\{source-${id},`));
	}
	await expect(panel(page).locator('.cite')).not.toContainText(/\bs00\d/);
	// s002's author, title, outlet and date are unknown: written as unknown, not guessed.
	await expect(panel(page).getByLabel(`Citation of ${credit('s002')} (plain text)`)).toHaveValue(/Author unknown\. “Title unknown\.” Outlet unknown .*date unknown\. URL unknown\./);
});

test('printing shows every event with every excerpt and hides the controls', async ({ page }) => {
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('section.list article:visible')).toHaveCount(data.events.length);
	await expect(page.locator('section.list mark.quote:visible')).toHaveCount(data.events.reduce((n, e) => n + e.citations.length, 0));
	await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
	await expect(plot(page)).toBeHidden();
	// Source URLs are printed after their links.
	const after = await page.locator('section.list a[data-source-url]').first().evaluate((a) => getComputedStyle(a, '::after').content);
	expect(after).toContain('http');
});

test('printing with an event open in its step (beside the plot) still shows every event with every excerpt', async ({ page }) => {
	await page.goto('/?event=treaty-signed');
	await expect(page.locator('li.open[data-step-id="treaty-signed"] section.panel')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('section.list article:visible')).toHaveCount(data.events.length);
	await expect(page.locator('section.list mark.quote:visible')).toHaveCount(data.events.reduce((n, e) => n + e.citations.length, 0));
	await expect(page.getByRole('button', { name: 'Close details' })).toBeHidden();
	// The story starts at the top of the printed page: no room is kept for the plot.
	expect(await page.locator('section.list').evaluate((list) => list.getBoundingClientRect().top)).toBeLessThan(400);
});
