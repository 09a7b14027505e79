/**
 * Shared e2e helpers: the real events.json, and a page fixture that fails any test whose page logs
 * a console error or warning, or throws.
 */
import { expect, test as base, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { settled } from './view';

export interface RawCitation {
	source: string;
	excerpt: string;
}
export interface RawEvent {
	id: string;
	date: string;
	title: string;
	citations: RawCitation[];
}

export const data: { events: RawEvent[]; sources: { id: string }[] } = JSON.parse(readFileSync('events.json', 'utf8'));

export const test = base.extend<{ consoleProblems: string[] }>({
	consoleProblems: [
		async ({ page }, use) => {
			const problems: string[] = [];
			page.on('console', (message) => {
				if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
			});
			page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
			await use(problems);
			expect(problems, 'console errors or warnings').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** The plot: the group that holds the marks. */
export function plot(page: Page): Locator {
	return page.getByRole('group', { name: /^Events from/ });
}

export function visibleRange(page: Page): Promise<string> {
	return page.getByTestId('visible-range').innerText();
}

/** The axis labels currently drawn. */
export function tickLabels(page: Page): Promise<string[]> {
	return plot(page).locator('.tick .label').allInnerTexts();
}

/**
 * The visible range once the view has settled: no zoom gesture or animation under way, and none
 * about to start from input or a story step just reached (tests/view.ts `settled`).
 */
export async function settledRange(page: Page): Promise<string> {
	await settled(page);
	return visibleRange(page);
}

/** Uses the list's "Show on timeline" to zoom to an event (and open it). */
export async function showOnTimeline(page: Page, event: RawEvent) {
	const button = page.getByRole('button', { name: `Show on timeline: ${event.title}`, exact: true });
	// Scrolled to as a reader would, and the axis left to follow the story there first: a click
	// made while the follow is still under way would race it for the last word on the axis.
	await button.scrollIntoViewIfNeeded();
	await settledRange(page);
	await button.click();
}

/** The mark of an event in the plot. */
export function markOf(page: Page, event: RawEvent): Locator {
	return plot(page).locator(`button[data-event-id="${event.id}"]`);
}

/**
 * The open event's details (a region named by its title, #details-title): the details panel, or,
 * where the story has its own column beside the plot, the event's step, opened in place.
 */
export function panel(page: Page): Locator {
	return page.locator('section.panel');
}

/** Matches text containing `text` literally. */
export function containing(text: string): RegExp {
	return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/**
 * On phones (below 600 px) the search and filters fold behind "Search & filter", and the tools
 * (List view, Embed, Download, Keyboard shortcuts) behind "More tools". Opens the one that holds
 * `what` when it is folded, as a reader would; on wide screens, where neither button is there, does
 * nothing. The page's layout is final once its marks are drawn, so visibility is read at once.
 */
export async function unfold(page: Page, what: 'filters' | 'tools') {
	const toggle =
		what === 'filters' ? page.getByRole('button', { name: /^Search & filter/ }) : page.getByRole('button', { name: 'More tools', exact: true });
	if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}
