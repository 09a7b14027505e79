import { describe, expect, it } from 'vitest';
import { asRunningText, excerptInContext, safeHttpUrl, textFragmentUrl } from './quotes.ts';

const URL_A = 'https://example.com/news/treaty';

describe('textFragmentUrl', () => {
	it.each([
		{ name: 'null', url: null },
		{ name: 'an empty url', url: '' },
		{ name: 'a javascript: url', url: 'javascript:alert(1)' },
		{ name: 'a data: url', url: 'data:text/html,<b>hi</b>' },
		{ name: 'an ftp: url', url: 'ftp://example.com/a.txt' },
		{ name: 'a relative url', url: '/news/treaty' }
	])('textFragmentUrl($name, excerpt) is null', ({ url }) => {
		expect(textFragmentUrl(url, 'Russia and Iran signed a treaty')).toBeNull();
	});

	it.each([
		{
			name: 'a short excerpt',
			url: URL_A,
			excerpt: 'Russia and Iran signed a treaty',
			expected: `${URL_A}#:~:text=Russia%20and%20Iran%20signed%20a%20treaty`
		},
		{
			name: 'an excerpt with "-" and ","',
			url: URL_A,
			excerpt: 'a 20-year pact, signed in Moscow',
			expected: `${URL_A}#:~:text=a%2020%2Dyear%20pact%2C%20signed%20in%20Moscow`
		},
		{
			name: 'an excerpt with "&"',
			url: URL_A,
			excerpt: 'trade & energy',
			expected: `${URL_A}#:~:text=trade%20%26%20energy`
		},
		{
			name: 'an excerpt with line breaks and runs of spaces',
			url: URL_A,
			excerpt: '  Russia\nand   Iran\n\n',
			expected: `${URL_A}#:~:text=Russia%20and%20Iran`
		},
		{
			name: 'exactly ten words',
			url: URL_A,
			excerpt: 'one two three four five six seven eight nine ten',
			expected: `${URL_A}#:~:text=one%20two%20three%20four%20five%20six%20seven%20eight%20nine%20ten`
		},
		{
			name: 'eleven words (start,end of five each)',
			url: URL_A,
			excerpt: 'one two three four five six seven eight nine ten eleven',
			expected: `${URL_A}#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven`
		},
		{
			name: 'a long excerpt with "-" in its last words',
			url: URL_A,
			excerpt:
				'Putin and Pezeshkian signed the treaty at the Kremlin on Friday, calling it a long-term, strategic step',
			expected: `${URL_A}#:~:text=Putin%20and%20Pezeshkian%20signed%20the,it%20a%20long%2Dterm%2C%20strategic%20step`
		},
		{
			name: 'a url with a #hash',
			url: `${URL_A}#comments`,
			excerpt: 'signed a treaty',
			expected: `${URL_A}#:~:text=signed%20a%20treaty`
		},
		{
			name: 'a url with a query',
			url: 'http://example.com/a?id=3&lang=en',
			excerpt: 'signed',
			expected: 'http://example.com/a?id=3&lang=en#:~:text=signed'
		},
		{
			name: 'an upper-case HTTPS url',
			url: 'HTTPS://EXAMPLE.COM/a',
			excerpt: 'signed',
			expected: 'HTTPS://EXAMPLE.COM/a#:~:text=signed'
		}
	])('textFragmentUrl(url, $name) is the text fragment link', ({ url, excerpt, expected }) => {
		expect(textFragmentUrl(url, excerpt)).toBe(expected);
	});

	it('textFragmentUrl(url, excerpt) leaves no reserved "-", "," or "&" unencoded in a directive', () => {
		const link = textFragmentUrl(URL_A, 'Iran-Russia ties, trade & arms: a 20-year, wide-ranging pact on everything')!;
		const directive = link.split('#:~:text=')[1]!;
		const parts = directive.split(',');
		expect(parts).toHaveLength(2);
		for (const part of parts) expect(part).not.toMatch(/[-,&]/);
		expect(parts.map(decodeURIComponent)).toEqual(['Iran-Russia ties, trade & arms:', '20-year, wide-ranging pact on everything']);
	});
});

describe('excerptInContext', () => {
	it.each([
		{
			name: 'plain sentences',
			citation: { prefix: 'Before it. ', excerpt: 'The quote.', suffix: ' After it.' },
			expected: { before: 'Before it. ', quote: 'The quote.', after: ' After it.' }
		},
		{
			name: 'line breaks between paragraphs',
			citation: { prefix: 'First paragraph.\n\n', excerpt: 'The\nquote', suffix: '.\nNext paragraph.\n' },
			expected: { before: 'First paragraph. ', quote: 'The quote', after: '. Next paragraph.' }
		},
		{
			name: 'leading and trailing space in the context',
			citation: { prefix: '\n  Start ', excerpt: 'mid', suffix: ' end  \n' },
			expected: { before: 'Start ', quote: 'mid', after: ' end' }
		},
		{
			name: 'no context',
			citation: { prefix: '', excerpt: 'Only the quote.', suffix: '' },
			expected: { before: '', quote: 'Only the quote.', after: '' }
		}
	])('excerptInContext($name) collapses line breaks into running text', ({ citation, expected }) => {
		expect(excerptInContext(citation)).toEqual(expected);
	});

	it('excerptInContext(citation) does not mutate the citation', () => {
		const citation = Object.freeze({ prefix: 'A.\n', excerpt: 'B\nC', suffix: '\nD.' });
		excerptInContext(citation);
		expect(citation).toEqual({ prefix: 'A.\n', excerpt: 'B\nC', suffix: '\nD.' });
	});
});

describe('asRunningText', () => {
	it.each([
		{ text: 'one\ntwo', expected: 'one two' },
		{ text: 'one\r\n\r\ntwo', expected: 'one two' },
		{ text: 'one \t two', expected: 'one two' },
		{ text: 'unchanged text', expected: 'unchanged text' }
	])('asRunningText($text) is $expected', ({ text, expected }) => {
		expect(asRunningText(text)).toBe(expected);
	});
});

describe('safeHttpUrl', () => {
	it.each([
		{ url: 'https://example.com/a', expected: 'https://example.com/a' },
		{ url: 'http://example.com/a', expected: 'http://example.com/a' },
		{ url: 'javascript:alert(1)', expected: null },
		{ url: ' javascript:alert(1)', expected: null },
		{ url: 'data:text/html,hi', expected: null },
		{ url: '//example.com/a', expected: null },
		{ url: '', expected: null },
		{ url: null, expected: null },
		{ url: undefined, expected: null }
	])('safeHttpUrl($url) is $expected', ({ url, expected }) => {
		expect(safeHttpUrl(url)).toBe(expected);
	});
});
