import { describe, expect, it } from 'vitest';
import {
	DEFAULT_EMBED_OPTIONS,
	embedEventMessage,
	embedOptionsToParams,
	embedSizeMessage,
	isEmbedOpenMessage,
	isEmbedSizeMessage,
	parseEmbedOptions,
	type ColourScheme,
	type EmbedOptions
} from './embed.ts';
import { deepFreeze } from './test-helpers.ts';

const params = (query: string) => new URLSearchParams(query);

describe('parseEmbedOptions', () => {
	it('parseEmbedOptions(empty) is the defaults: no story, auto colours, a title', () => {
		expect(parseEmbedOptions(params(''))).toEqual({ story: false, colourScheme: 'auto', title: true });
		expect(parseEmbedOptions(params(''))).toEqual(DEFAULT_EMBED_OPTIONS);
	});

	it.each([
		{ query: 'story=1', expected: true },
		{ query: 'story=true', expected: true },
		{ query: 'story=on', expected: true },
		{ query: 'story=0', expected: false },
		{ query: 'story=false', expected: false },
		{ query: 'story=off', expected: false }
	])('parseEmbedOptions("$query").story is $expected', ({ query, expected }) => {
		expect(parseEmbedOptions(params(query)).story).toBe(expected);
	});

	it.each([
		{ query: 'title=1', expected: true },
		{ query: 'title=true', expected: true },
		{ query: 'title=on', expected: true },
		{ query: 'title=0', expected: false },
		{ query: 'title=false', expected: false },
		{ query: 'title=off', expected: false }
	])('parseEmbedOptions("$query").title is $expected', ({ query, expected }) => {
		expect(parseEmbedOptions(params(query)).title).toBe(expected);
	});

	it.each(['auto', 'light', 'dark'] as const)('parseEmbedOptions("theme=%s").colourScheme is %s', (theme) => {
		expect(parseEmbedOptions(params(`theme=${theme}`)).colourScheme).toBe(theme);
	});

	// Bad and hostile values never reach the page: each falls back to the default.
	const badValues = [
		{ name: 'empty', value: '' },
		{ name: 'upper case', value: 'TRUE' },
		{ name: 'padded', value: ' 1' },
		{ name: 'a number other than 0/1', value: '2' },
		{ name: 'yes', value: 'yes' },
		{ name: '__proto__', value: '__proto__' },
		{ name: 'constructor', value: 'constructor' },
		{ name: 'markup', value: '<script>alert(1)</script>' },
		{ name: 'a javascript: url', value: 'javascript:alert(1)' },
		{ name: 'CSS injection', value: 'dark;background:url(x)' },
		{ name: 'a NUL byte', value: '1\u0000' },
		{ name: 'a very long value', value: 'dark'.repeat(10_000) }
	];

	it.each(badValues)('parseEmbedOptions(story=<$name>).story is the default', ({ value }) => {
		const query = new URLSearchParams([['story', value]]);
		expect(parseEmbedOptions(query).story).toBe(DEFAULT_EMBED_OPTIONS.story);
	});

	it.each(badValues)('parseEmbedOptions(title=<$name>).title is the default', ({ value }) => {
		const query = new URLSearchParams([['title', value]]);
		expect(parseEmbedOptions(query).title).toBe(DEFAULT_EMBED_OPTIONS.title);
	});

	it.each([...badValues, { name: 'Dark', value: 'Dark' }, { name: 'system', value: 'system' }])(
		'parseEmbedOptions(theme=<$name>).colourScheme is the default',
		({ value }) => {
			const query = new URLSearchParams([['theme', value]]);
			expect(parseEmbedOptions(query).colourScheme).toBe(DEFAULT_EMBED_OPTIONS.colourScheme);
		}
	);

	it('parseEmbedOptions(params) ignores unknown keys, including prototype names', () => {
		const query = params(
			'from=1990&to=2000&event=treaty&colourScheme=dark&Story=1&__proto__=x&constructor=y&toString=z'
		);
		const options = parseEmbedOptions(query);
		expect(options).toEqual(DEFAULT_EMBED_OPTIONS);
		expect(Object.keys(options).sort()).toEqual(['colourScheme', 'story', 'title']);
		expect(Object.getPrototypeOf(options)).toBe(Object.prototype);
	});

	it('parseEmbedOptions(params) reads the first of repeated keys', () => {
		expect(parseEmbedOptions(params('story=1&story=0&theme=dark&theme=light'))).toEqual({
			story: true,
			colourScheme: 'dark',
			title: true
		});
	});

	it('parseEmbedOptions(params) does not change the params or the defaults', () => {
		const query = params('story=1&theme=dark&title=0&other=x');
		const before = query.toString();
		const defaults = structuredClone(DEFAULT_EMBED_OPTIONS);
		parseEmbedOptions(query).story = false;
		expect(query.toString()).toBe(before);
		expect(DEFAULT_EMBED_OPTIONS).toEqual(defaults);
	});
});

describe('embedOptionsToParams', () => {
	it('embedOptionsToParams(defaults) is empty: defaults are omitted', () => {
		expect(embedOptionsToParams(DEFAULT_EMBED_OPTIONS)).toEqual([]);
	});

	it.each([
		{ options: { story: true, colourScheme: 'auto', title: true }, expected: [['story', '1']] },
		{ options: { story: false, colourScheme: 'dark', title: true }, expected: [['theme', 'dark']] },
		{ options: { story: false, colourScheme: 'auto', title: false }, expected: [['title', '0']] },
		{
			options: { story: true, colourScheme: 'light', title: false },
			expected: [['story', '1'], ['theme', 'light'], ['title', '0']]
		}
	] as { options: EmbedOptions; expected: [string, string][] }[])(
		'embedOptionsToParams($options) is $expected',
		({ options, expected }) => {
			expect(embedOptionsToParams(options)).toEqual(expected);
		}
	);

	const schemes: ColourScheme[] = ['auto', 'light', 'dark'];
	const allOptions: EmbedOptions[] = [true, false].flatMap((story) =>
		schemes.flatMap((colourScheme) => [true, false].map((title) => ({ story, colourScheme, title })))
	);

	it.each(allOptions)(
		'parseEmbedOptions(new URLSearchParams(embedOptionsToParams($story, $colourScheme, $title))) round-trips',
		(options) => {
			const query = new URLSearchParams(embedOptionsToParams(deepFreeze({ ...options })));
			expect(parseEmbedOptions(query)).toEqual(options);
			// And through the text of a real query string.
			expect(parseEmbedOptions(new URLSearchParams(query.toString()))).toEqual(options);
		}
	);
});

describe('embedSizeMessage', () => {
	it.each([
		{ height: 480, expected: 480 },
		{ height: 480.01, expected: 481 },
		{ height: 480.5, expected: 481 },
		{ height: 480.99, expected: 481 },
		{ height: 0.2, expected: 1 }
	])('embedSizeMessage($height) rounds up to $expected', ({ height, expected }) => {
		expect(embedSizeMessage(height)).toEqual({ sentinel: 'amp', type: 'embed-size', height: expected });
	});

	it('isEmbedSizeMessage(embedSizeMessage(h)) is true', () => {
		for (const height of [1, 300.4, 1234.5, 99_999]) {
			expect(isEmbedSizeMessage(embedSizeMessage(height)), String(height)).toBe(true);
		}
	});
});

describe('isEmbedSizeMessage', () => {
	const good = { sentinel: 'amp', type: 'embed-size', height: 480 };

	it.each([
		{ name: 'a well-formed message', data: good, expected: true },
		{ name: 'a fractional height', data: { ...good, height: 480.5 }, expected: true },
		{ name: 'a height of 1', data: { ...good, height: 1 }, expected: true },
		{ name: 'extra fields', data: { ...good, width: 300, extra: 'x' }, expected: true },
		{ name: 'a wrong sentinel', data: { ...good, sentinel: 'pym' }, expected: false },
		{ name: 'no sentinel', data: { type: 'embed-size', height: 480 }, expected: false },
		{ name: 'a wrong type', data: { ...good, type: 'height' }, expected: false },
		{ name: 'no type', data: { sentinel: 'amp', height: 480 }, expected: false },
		{ name: 'no height', data: { sentinel: 'amp', type: 'embed-size' }, expected: false },
		{ name: 'a height as a string', data: { ...good, height: '480' }, expected: false },
		{ name: 'a height as a boxed number', data: { ...good, height: Object(480) }, expected: false },
		{ name: 'a NaN height', data: { ...good, height: Number.NaN }, expected: false },
		{ name: 'an Infinity height', data: { ...good, height: Infinity }, expected: false },
		{ name: 'a -Infinity height', data: { ...good, height: -Infinity }, expected: false },
		{ name: 'a height of 0', data: { ...good, height: 0 }, expected: false },
		{ name: 'a negative height', data: { ...good, height: -480 }, expected: false },
		{ name: 'a height of 1e9', data: { ...good, height: 1e9 }, expected: false },
		{ name: 'null', data: null, expected: false },
		{ name: 'undefined', data: undefined, expected: false },
		{ name: 'an empty array', data: [], expected: false },
		{ name: 'an array of the fields', data: ['amp', 'embed-size', 480], expected: false },
		{ name: 'a string', data: 'embed-size', expected: false },
		{ name: 'a JSON string of a good message', data: JSON.stringify(good), expected: false },
		{ name: 'a number', data: 480, expected: false },
		{ name: 'true', data: true, expected: false }
	])('isEmbedSizeMessage(<$name>) is $expected', ({ data, expected }) => {
		expect(isEmbedSizeMessage(data)).toBe(expected);
	});

	it('isEmbedSizeMessage(message) does not change the message', () => {
		const message = deepFreeze({ ...good });
		expect(() => isEmbedSizeMessage(message)).not.toThrow();
		expect(message).toEqual(good);
	});
});

describe('host-page deep link messages', () => {
	it('embedEventMessage says which event is open, or null', () => {
		expect(embedEventMessage('treaty-signed')).toEqual({ sentinel: 'timeline', type: 'event', event: 'treaty-signed' });
		expect(embedEventMessage(null)).toEqual({ sentinel: 'timeline', type: 'event', event: null });
	});
	it('isEmbedOpenMessage accepts only an open request with a string id of bounded length', () => {
		expect(isEmbedOpenMessage({ sentinel: 'timeline', type: 'open', event: 'treaty-signed' })).toBe(true);
		for (const bad of [
			null,
			'open',
			{ sentinel: 'timeline', type: 'open' },
			{ sentinel: 'timeline', type: 'open', event: 7 },
			{ sentinel: 'timeline', type: 'event', event: 'treaty-signed' },
			{ sentinel: 'amp', type: 'open', event: 'treaty-signed' },
			{ sentinel: 'timeline', type: 'open', event: 'x'.repeat(201) }
		])
			expect(isEmbedOpenMessage(bad), JSON.stringify(bad)).toBe(false);
	});
});
