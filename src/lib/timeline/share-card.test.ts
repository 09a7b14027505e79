import { describe, expect, it } from 'vitest';
import { dataPaths, loadTimeline } from '../server/data.ts';
import { attribution, CARD_HEIGHT, CARD_WIDTH, cardCitation, eventCardSvg, timelineCardSvg, wrapText } from './share-card.ts';
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

	it('quote an excerpt verbatim (whole, or its start with an ellipsis) and credit it as the excerpt is credited', () => {
		const svg = eventCardSvg(timeline, treaty, options);
		expect(svg).toContain(`width="${CARD_WIDTH}" height="${CARD_HEIGHT}"`);
		const lines = texts(svg);
		const quoteStart = lines.findIndex((line) => line.startsWith('“'));
		const creditLine = lines.findIndex((line) => line.startsWith('— '));
		expect(quoteStart).toBeGreaterThan(0);
		const quoted = lines.slice(quoteStart, creditLine).join(' ').slice(1).replace(/”$/, '');
		const citation = treaty.citations.find((candidate) => lines[creditLine] === `— ${attribution(candidate)}` && candidate.excerpt.replace(/\s+/g, ' ').startsWith(quoted.replace(/…$/, '')));
		expect(citation, `a citation whose words start "${quoted.slice(0, 40)}"`).toBeDefined();
		// The title, whole, and the date.
		expect(lines.join(' ')).toContain(treaty.title);
	});

	it('prefer the first excerpt that fits whole, else the shortest', () => {
		expect(cardCitation(treaty, () => true)).toBe(treaty.citations[0]);
		const shortest = Math.min(...treaty.citations.map((citation) => citation.excerpt.length));
		expect(cardCitation(treaty, () => false).excerpt.length).toBe(shortest);
	});

	it('name a speaker only with the source that quotes them', () => {
		const quotedSpeaker = timeline.events.flatMap((event) => event.citations).find((citation) => citation.speaker);
		expect(quotedSpeaker).toBeDefined();
		expect(attribution(quotedSpeaker!)).toMatch(new RegExp(`^${quotedSpeaker!.speaker}, quoted by ${quotedSpeaker!.source.name}`));
	});

	it('mark the event on its stretch of the axis, and draw the timeline card from the whole range', () => {
		const svg = eventCardSvg(timeline, treaty, options);
		expect(svg).toMatch(new RegExp(`<g class="(mark|span)" data-event-id="${treaty.id}"`));
		// Ringed in the focus colour, a circle round a mark or a box round a bar.
		expect(svg).toMatch(/<(circle|rect)[^>]*stroke="#abcdef" stroke-width="3"/);
		const whole = timelineCardSvg(timeline, options);
		expect(texts(whole).join(' ')).toContain(timeline.title);
		expect((whole.match(/class="(mark|span|cluster)"/g) ?? []).length).toBeGreaterThan(3);
	});
});
