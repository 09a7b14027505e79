/**
 * Downloads, citations and print: files are real (valid PNG/SVG/CSV/JSON) and say what
 * events.json says.
 */
import { readFileSync } from 'node:fs';
import { data, expect, panel, plot, test } from './fixtures';

test.beforeEach(async ({ page }) => {
	await page.goto('/');
	await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
});

async function download(page: import('@playwright/test').Page, label: RegExp) {
	await page.getByText('Download', { exact: true }).click();
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
	const labels = await plot(page).locator('.mark .label').allInnerTexts();
	const ticks = await plot(page).locator('.tick .label').allInnerTexts();
	const { name, body } = await download(page, /SVG/);
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

test('the PNG download is a PNG image twice the size of the view', async ({ page }) => {
	const { name, body } = await download(page, /PNG/);
	expect(name).toMatch(/\.png$/);
	expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const width = body.readUInt32BE(16);
	const plotWidth = (await plot(page).boundingBox())!.width;
	expect(Math.abs(width - 2 * plotWidth)).toBeLessThanOrEqual(4);
});

test('Cite gives the entry and each of its sources as plain text and BibTeX, unknowns said as such', async ({ page }) => {
	const event = data.events.find((e) => e.id === 'uk-mod-assessment')!;
	await page.getByRole('button', { name: `Show on timeline: ${event.title}` }).click();
	await panel(page).getByText('Cite', { exact: true }).click();
	const entry = panel(page).getByLabel('Citation of this entry (plain text)');
	await expect(entry).toHaveValue(new RegExp(`${event.title}.*\\?event=${event.id}`));
	const sources = [...new Set(event.citations.map((c) => c.source))];
	for (const id of sources) {
		await expect(panel(page).getByLabel(`Citation of source ${id} (BibTeX)`)).toHaveValue(new RegExp(`^@misc\\{source-${id},`));
	}
	// s002's author, title, outlet and date are unknown: written as unknown, not guessed.
	await expect(panel(page).getByLabel('Citation of source s002 (plain text)')).toHaveValue(/Author unknown\. “Title unknown\.” Outlet unknown .*date unknown\. URL unknown\./);
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
