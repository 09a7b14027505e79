import { data, expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('without JavaScript the page lists every event in order with its date, title, summary and excerpts', async ({ page }) => {
	await page.goto('/');
	const articles = page.locator('section.list article');
	await expect(articles).toHaveCount(data.events.length);
	const titles = await page.locator('section.list article h3').allInnerTexts();
	expect(new Set(titles)).toEqual(new Set(data.events.map((e) => e.title)));
	const quoted = await page.locator('section.list blockquote mark.quote').allInnerTexts();
	expect(quoted.sort()).toEqual(data.events.flatMap((e) => e.citations.map((c) => c.excerpt)).sort());
	// In time order: a period ("2023") sits at its middle, so no period starts after the next one ends.
	const dates = await page.locator('section.list article time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
	const period = (text: string) => {
		const [y, m, d] = text.split('-').map(Number);
		const start = Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
		const end = d ? Date.UTC(y!, m! - 1, d + 1) : m ? Date.UTC(y!, m, 1) : Date.UTC(y! + 1, 0, 1);
		return { start, end };
	};
	for (let i = 1; i < dates.length; i++) {
		expect(period(dates[i - 1]!).start, `${dates[i - 1]} before ${dates[i]}`).toBeLessThan(period(dates[i]!).end);
	}
});
