import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '../server/data.ts';
import { attribution, CARD_HEIGHT, CARD_WIDTH, cardCitation, cardRange, eventCard, isSubstantial, quotedText, timelineCardSvg, wrapText } from './share-card.ts';
import { paletteFrom } from './scene-svg.ts';

const perChar = (line: string) => line.length * 10;
const timeline = loadTimeline(dataPaths(), () => {});
const palette = paletteFrom((variable) => (variable.startsWith('--theme') ? '#123456' : '#abcdef'));
const options = { measure: (text: string, size: number) => text.length * size * 0.5, font: 'Test Sans', palette, link: 'example.org/events/x' };
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'"));

describe('wrapText', () => {
	it('breaks between words, every line within the width, all words kept when they fit', () => {
		const text = 'the quick brown fox jumps over the lazy dog again and again';
		const { lines, truncated } = wrapText(text, 150, perChar, 10);
		expect(truncated).toBe(false);
		expect(lines.join(' ')).toBe(text);
		for (const line of lines) expect(perChar(line)).toBeLessThanOrEqual(150);
	});
	it('ends the last line with an ellipsis when the text needs more lines, and keeps its start verbatim', () => {
		const text = 'one two three four five six seven eight nine ten eleven twelve';
		const { lines, truncated } = wrapText(text, 100, perChar, 2);
		expect(truncated).toBe(true);
		expect(lines).toHaveLength(2);
		expect(lines[1]!.endsWith('…')).toBe(true);
		for (const line of lines) expect(perChar(line)).toBeLessThanOrEqual(100);
		expect(text.startsWith(lines.join(' ').slice(0, -1))).toBe(true);
	});
	it('cuts a single word longer than the line by characters', () => {
		const { lines, truncated } = wrapText('x'.repeat(40), 100, perChar, 1);
		expect(truncated).toBe(true);
		expect(perChar(lines[0]!)).toBeLessThanOrEqual(100);
	});
});

describe('the cards', () => {
	const treaty = timeline.events.find((event) => event.citations.length > 3)!;

	it('quote an excerpt verbatim (whole, or its start with "…") and credit it as the excerpt is credited', () => {
		for (const event of timeline.events) {
			const { svg, citation } = eventCard(timeline, event, options);
			expect(svg).toContain(`width="${CARD_WIDTH}" height="${CARD_HEIGHT}"`);
			// The card's own lines (the strip, a nested <svg>, has its labels after them).
			const head = svg.slice(0, svg.indexOf('<svg x='));
			const lines = texts(head);
			// The quote and its credit are indented past the rule that sets them off.
			const indented = [...head.matchAll(/<text x="(\d+)"/g)].map((match) => Number(match[1]));
			const quoteLines = lines.filter((_, i) => indented[i]! > 48);
			expect(quoteLines.at(-1), event.id).toBe(`— ${attribution(citation)}`);
			const shown = quoteLines.slice(0, -1).join(' ').replace(/^…/, '').replace(/…$/, '');
			expect(citation.excerpt.replace(/\s+/g, ' ').startsWith(shown), `${event.id}: "${shown.slice(0, 50)}"`).toBe(true);
			expect(lines.join(' '), event.id).toContain(event.title);
		}
	});

	it('prefer the first substantial excerpt that fits whole, then any that fits, else the shortest', () => {
		const substantial = treaty.citations.find((citation) => isSubstantial(citation.excerpt))!;
		expect(cardCitation(treaty, () => true)).toBe(substantial);
		expect(isSubstantial('23 October 2025, by Eric Zuesse.')).toBe(false);
		expect(isSubstantial('Here is the report from Iran’s Borna News on October 23rd:')).toBe(false);
		const shortest = Math.min(...treaty.citations.map((citation) => citation.excerpt.length));
		expect(cardCitation(treaty, () => false).excerpt.length).toBe(shortest);
	});

	it('mark where an excerpt starts or stops inside a sentence, adding nothing else', () => {
		expect(quotedText('including the construction of a plant')).toBe('…including the construction of a plant…');
		expect(quotedText('Putin called it “truly ground-breaking.”')).toBe('Putin called it “truly ground-breaking.”');
	});

	it('show the event beside its neighbours, not the decades a neighbouring war runs', () => {
		for (const event of timeline.events) {
			const [from, to] = cardRange(timeline, event).map((date) => date.getTime());
			expect(from!, event.id).toBeLessThanOrEqual(event.time);
			expect(to!, event.id).toBeGreaterThanOrEqual(event.time);
		}
		const short = timeline.events.find((event) => event.date.precision === 'day' && event.date.start.getUTCFullYear() === 2025)!;
		const [from, to] = cardRange(timeline, short);
		expect(to.getTime() - from.getTime()).toBeLessThan(3 * 365 * 86_400_000);
	});

	it('credit the source first, and a speaker only as the one it quotes', () => {
		const quotedSpeaker = timeline.events.flatMap((event) => event.citations).find((citation) => citation.speaker);
		expect(quotedSpeaker).toBeDefined();
		expect(attribution(quotedSpeaker!).startsWith(`${quotedSpeaker!.source.name}, quoting ${quotedSpeaker!.speaker} · `)).toBe(true);
	});

	it('mark the event on its stretch of the axis, and draw the timeline card from the whole range', () => {
		const { svg } = eventCard(timeline, treaty, options);
		expect(svg).toMatch(new RegExp(`<g class="(mark|span)" data-event-id="${treaty.id}"`));
		// Ringed in the focus colour, a circle round a mark or a box round a bar.
		expect(svg).toMatch(/<(circle|rect)[^>]*stroke="#abcdef" stroke-width="3"/);
		const whole = timelineCardSvg(timeline, options);
		expect(texts(whole).join(' ')).toContain(timeline.title);
		expect((whole.match(/class="(mark|span|cluster)"/g) ?? []).length).toBeGreaterThan(3);
	});
});
