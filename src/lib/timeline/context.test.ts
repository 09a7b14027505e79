import { describe, expect, it } from 'vitest';
import { contextFor, MAX_CONTEXT, sentenceStarts } from './context.js';

const TEXT = 'First sentence here. Second one follows! Third asks why? Fourth ends.';

/** Offsets found by hand (indexOf), not by the code under test. */
const at = (text: string, ...needles: string[]) => needles.map((needle) => text.indexOf(needle));

describe('sentenceStarts', () => {
	it.each([
		{ name: '".", "!" and "?"', text: TEXT, starts: [0, ...at(TEXT, 'Second', 'Third', 'Fourth')] },
		{
			name: 'a closing quote after the stop',
			text: 'He said "stop." Then he left.',
			starts: [0, 16]
		},
		{
			name: 'a curly quote and a bracket',
			text: 'It was “over.” (Really.) Done.',
			starts: [0, 15, 25]
		},
		{ name: 'an ellipsis', text: 'Wait… Then go.', starts: [0, 6] },
		{ name: 'line breaks', text: 'Headline\nBody text\n\nMore', starts: [0, 9, 20] },
		{ name: 'no break', text: 'one sentence without a stop', starts: [0] },
		{ name: 'a decimal point', text: 'It grew 2.5 percent. Then fell.', starts: [0, 21] },
		{ name: 'an empty text', text: '', starts: [0] }
	])('sentenceStarts(text with $name) is $starts', ({ text, starts }) => {
		expect(sentenceStarts(text)).toEqual(starts);
	});
});

describe('contextFor', () => {
	it.each([
		{
			name: 'a whole middle sentence',
			excerpt: 'Third asks why?',
			prefix: 'Second one follows! ',
			suffix: ' Fourth ends.'
		},
		{
			name: 'the first sentence',
			excerpt: 'First sentence here.',
			prefix: '',
			suffix: ' Second one follows!'
		},
		{
			name: 'the last sentence',
			excerpt: 'Fourth ends.',
			prefix: 'Third asks why? ',
			suffix: ''
		},
		{
			name: 'words mid-sentence',
			excerpt: 'one follows',
			prefix: 'First sentence here. Second ',
			suffix: '! Third asks why?'
		},
		{
			name: 'a span across two sentences',
			excerpt: 'follows! Third',
			prefix: 'First sentence here. Second one ',
			suffix: ' asks why? Fourth ends.'
		}
	])('contextFor(text, $name) is the neighbouring sentences', ({ excerpt, prefix, suffix }) => {
		expect(contextFor(TEXT, excerpt)).toEqual({ prefix, suffix });
	});

	it('contextFor(text with paragraphs, excerpt) stops at the line breaks', () => {
		const text = 'Title line\nOpening paragraph ends here.\nThe quoted paragraph.\nClosing paragraph.\nFooter';
		expect(contextFor(text, 'The quoted paragraph.')).toEqual({
			prefix: 'Opening paragraph ends here.\n',
			suffix: '\nClosing paragraph.'
		});
	});

	it.each([
		{ name: 'missing', excerpt: 'Fifth sentence.' },
		{ name: 'empty', excerpt: '' },
		{ name: 'differently spaced', excerpt: 'Third  asks why?' }
	])('contextFor(text, $name excerpt) is null', ({ excerpt }) => {
		expect(contextFor(TEXT, excerpt)).toBeNull();
	});

	it('contextFor(text, excerpt): prefix + excerpt + suffix is a span of text for every excerpt', () => {
		const text =
			'Moscow, 17 January. Russia and Iran signed a treaty! Officials said: "It is a new stage." ' +
			'Is it an alliance? Analysts doubt it…\nA new paragraph starts here. (It ends here.) The end.';
		const words = text.split(' ');
		for (let i = 0; i < words.length; i++) {
			for (let j = i + 1; j <= Math.min(words.length, i + 6); j++) {
				const excerpt = words.slice(i, j).join(' ');
				const context = contextFor(text, excerpt);
				expect(context, excerpt).not.toBeNull();
				expect(text.includes(`${context!.prefix}${excerpt}${context!.suffix}`), excerpt).toBe(true);
			}
		}
	});

	describe('with long sentences', () => {
		const word = (i: number) => `w${String(i).padStart(3, '0')}`;
		const longSentence = (from: number) => `${Array.from({ length: 80 }, (_, i) => word(from + i)).join(' ')}.`;
		// Two sentences of 80 five-character words (~400 characters) around a short excerpt.
		const text = `${longSentence(0)} The excerpt sits here. ${longSentence(100)}`;

		it(`contextFor(text, excerpt) leaves out a neighbouring sentence longer than MAX_CONTEXT (${MAX_CONTEXT}) rather than cut it`, () => {
			// Cut, "Martyanov argues that Putin did not at all sell out …" would read "at all sell out …".
			expect(contextFor(text, 'The excerpt sits here.')).toEqual({ prefix: '', suffix: '' });
		});

		it('contextFor(text, excerpt mid-sentence) cuts the rest of its own long sentence at a word boundary', () => {
			// 70 words (350 characters) of its sentence come before it: more than MAX_CONTEXT.
			const context = contextFor(text, `${word(70)} ${word(71)}`)!;
			expect(context.prefix.length).toBeLessThanOrEqual(MAX_CONTEXT);
			expect(context.prefix.length).toBeGreaterThan(MAX_CONTEXT - 10);
			expect(context.prefix.endsWith(`${word(69)} `)).toBe(true);
			expect(text[text.indexOf(context.prefix) - 1]).toBe(' ');
			// The rest of the sentence is short enough to show whole, with the next short sentence.
			expect(context.suffix).toBe(` ${Array.from({ length: 8 }, (_, i) => word(72 + i)).join(' ')}. The excerpt sits here.`);
			expect(text.includes(`${context.prefix}${word(70)} ${word(71)}${context.suffix}`)).toBe(true);
		});
	});

	it.each([
		['U.S.', 'By abstaining, the U.S. runs the risk. The excerpt.', 'The excerpt.', 'By abstaining, the U.S. runs the risk. '],
		['St.', 'It reaches St. Petersburg in the north. The excerpt.', 'The excerpt.', 'It reaches St. Petersburg in the north. ']
	])('sentenceStarts(text) does not end a sentence at the abbreviation %s', (_abbreviation, text, excerpt, prefix) => {
		expect(contextFor(text, excerpt)!.prefix).toBe(prefix);
	});

	it('contextFor(text whose neighbours have no spaces, excerpt) still keeps them within MAX_CONTEXT', () => {
		// Paragraphs that are one long run without spaces (a URL, say): no word boundary to cut at.
		const run = `https://example.com/${'x'.repeat(400)}`;
		const text = `${run}\nThe excerpt.\n${run}\nEnd.`;
		const context = contextFor(text, 'The excerpt.')!;
		expect(text.includes(`${context.prefix}The excerpt.${context.suffix}`)).toBe(true);
		expect.soft(context.prefix.length, 'prefix').toBeLessThanOrEqual(MAX_CONTEXT);
		expect.soft(context.suffix.length, 'suffix').toBeLessThanOrEqual(MAX_CONTEXT);
	});
});
