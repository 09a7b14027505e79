/**
 * The first view tells the story: at 1280×800, with no interaction, the key events (events.json's
 * `key`, at least the six of the brief) and at least half of all events are named by a readable
 * label, measured from what the page draws: the label is the event's full title or its short
 * label (not cut), lies inside the plot, overlaps no other label or mark, is at least 12 px, and
 * has text contrast (4.5:1) against what it is drawn on.
 */
import type { Page } from '@playwright/test';
import { expect, plot, test } from './fixtures';
import { EVENTS } from './expected';
import { settled } from './view';

const BRIEF = ['post-soviet-relationship', 'bushehr-nuclear-plant', 'shahed-drones', 'iran-joins-brics', 'treaty-signed'];

interface DrawnLabel {
	id: string;
	text: string;
	box: { left: number; right: number; top: number; bottom: number };
	fontSize: number;
	colour: string;
	/** The colour the label is drawn on: the bar's fill for a bar, the era band's for a mark. */
	ground: string;
}

/** Every label the plot draws, with its box, type size and colours, and every glyph's box. */
async function drawnLabels(page: Page) {
	return page.evaluate(() => {
		const plotElement = document.querySelector<HTMLElement>('.plot')!;
		const rect = (element: Element) => {
			const { left, right, top, bottom } = element.getBoundingClientRect();
			return { left, right, top, bottom };
		};
		const eraUnder = (x: number) =>
			[...plotElement.querySelectorAll<HTMLElement>('.era')].find((era) => {
				const box = era.getBoundingClientRect();
				return box.left <= x && x <= box.right;
			});
		const labels = [...plotElement.querySelectorAll<HTMLElement>('[data-event-id] .label, [data-event-id] .span-label')]
			.filter((label) => label.textContent!.trim() !== '')
			.map((label) => {
				const owner = label.closest<HTMLElement>('[data-event-id]')!;
				const box = rect(label);
				const groundElement = label.classList.contains('span-label') ? owner : (eraUnder((box.left + box.right) / 2) ?? plotElement);
				return {
					id: owner.dataset.eventId!,
					text: label.textContent!,
					box,
					fontSize: parseFloat(getComputedStyle(label).fontSize),
					colour: getComputedStyle(label).color,
					ground: getComputedStyle(groundElement).backgroundColor
				};
			});
		const glyphs = [...plotElement.querySelectorAll<HTMLElement>('[data-event-id] .glyph')].map((glyph) => ({
			id: glyph.closest<HTMLElement>('[data-event-id]')!.dataset.eventId!,
			box: rect(glyph)
		}));
		return { plot: rect(plotElement), labels, glyphs };
	});
}

/** sRGB channels in 0–1 from "rgb(…)", "rgba(…)" or "color(srgb …)", as getComputedStyle writes them. */
function channels(colour: string): [number, number, number] {
	const srgb = colour.match(/color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/);
	if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3])];
	const rgb = colour.match(/rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/);
	if (!rgb) throw new Error(`unreadable colour ${colour}`);
	return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255];
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
	const luminance = (colour: string) => {
		const [r, g, bl] = channels(colour).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

const overlaps = (a: DrawnLabel['box'], b: DrawnLabel['box']) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

for (const path of ['/', '/embed']) {
	for (const scheme of ['light', 'dark'] as const) {
		test(`the first view of ${path} (${scheme}) names every key event and half of all events, readably`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			await page.setViewportSize({ width: 1280, height: 800 });
			await page.goto(path);
			await expect(plot(page).locator('button[data-event-id]').first()).toBeVisible();
			await settled(page);
			const { plot: box, labels, glyphs } = await drawnLabels(page);
			const byId = new Map(EVENTS.map((event) => [event.id, event]));

			const readable = labels.filter((label) => {
				const event = byId.get(label.id)!;
				const whole = label.text === event.title || label.text === (event as { label?: string }).label;
				const inside = label.box.left >= box.left && label.box.right <= box.right && label.box.top >= box.top && label.box.bottom <= box.bottom;
				const clear =
					labels.every((other) => other === label || !overlaps(label.box, other.box)) &&
					glyphs.every((glyph) => glyph.id === label.id || !overlaps(label.box, glyph.box));
				return whole && inside && clear && label.fontSize >= 12 && contrast(label.colour, label.ground) >= 4.5;
			});
			const named = new Set(readable.map((label) => label.id));
			const keys = EVENTS.filter((event) => (event as { key?: boolean }).key).map((event) => event.id);
			for (const id of new Set([...BRIEF, ...keys])) expect(named.has(id), `${id} is named in the first view`).toBe(true);
			// The October 2025 statements: at least one event of October 2025 is named.
			expect(EVENTS.some((event) => event.date.startsWith('2025-10') && named.has(event.id)), 'an October 2025 statement is named').toBe(true);
			expect(named.size, `named: ${[...named].join(', ')}`).toBeGreaterThanOrEqual(EVENTS.length / 2);
		});
	}
}
