/**
 * Options of the /embed page, read from its query string in the browser (the page is
 * prerendered once, so the server never sees them). The state shared with the full page
 * (event, from, to, themes, …) is read by url-state.ts; these are the embed's own options.
 * Unknown options and bad values are ignored: the embed falls back to its defaults.
 */
export type ColourScheme = 'auto' | 'light' | 'dark';

export interface EmbedOptions {
	/** Show the compact story (the events as a list) under the timeline. */
	story: boolean;
	colourScheme: ColourScheme;
	/** Show the timeline's title above it. */
	title: boolean;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { story: false, colourScheme: 'auto', title: true };

function maybeBoolean(value: string | null, fallback: boolean): boolean {
	if (value === '1' || value === 'true' || value === 'on') return true;
	if (value === '0' || value === 'false' || value === 'off') return false;
	return fallback;
}

function maybeScheme(value: string | null): ColourScheme {
	return value === 'light' || value === 'dark' || value === 'auto' ? value : DEFAULT_EMBED_OPTIONS.colourScheme;
}

export function parseEmbedOptions(params: URLSearchParams): EmbedOptions {
	return {
		story: maybeBoolean(params.get('story'), DEFAULT_EMBED_OPTIONS.story),
		colourScheme: maybeScheme(params.get('theme')),
		title: maybeBoolean(params.get('title'), DEFAULT_EMBED_OPTIONS.title)
	};
}

/** The embed's own options as query parameters, defaults omitted. */
export function embedOptionsToParams(options: EmbedOptions): [string, string][] {
	const params: [string, string][] = [];
	if (options.story !== DEFAULT_EMBED_OPTIONS.story) params.push(['story', options.story ? '1' : '0']);
	if (options.colourScheme !== DEFAULT_EMBED_OPTIONS.colourScheme) params.push(['theme', options.colourScheme]);
	if (options.title !== DEFAULT_EMBED_OPTIONS.title) params.push(['title', options.title ? '1' : '0']);
	return params;
}

/** The embed's height in the snippet until embed.js sizes the frame to its content (px). */
export const EMBED_HEIGHT = 640;

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The embed code: an iframe of `src` and the script that sizes it (embed.js), both absolute URLs,
 * as the Embed dialog shows it and oEmbed responses give it to CMSs.
 */
export function embedHtml({ src, script, title }: { src: string; script: string; title: string }): string {
	return (
		`<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" height="${EMBED_HEIGHT}" style="width:100%;border:0" loading="lazy"></iframe>\n` +
		`<script src="${escapeAttribute(script)}" async></` +
		`script>`
	);
}

/**
 * The height message hosts already understand: AMP's `embed-size`, as sent by amp-iframe
 * children and by @newswire/frames (the Pym.js successor). static/embed.js listens for it.
 */
export interface EmbedSizeMessage {
	sentinel: 'amp';
	type: 'embed-size';
	height: number;
}

export function embedSizeMessage(height: number): EmbedSizeMessage {
	return { sentinel: 'amp', type: 'embed-size', height: Math.ceil(height) };
}

/** Whether a message is a well-formed height message (what embed.js accepts). */
export function isEmbedSizeMessage(data: unknown): data is EmbedSizeMessage {
	if (!data || typeof data !== 'object') return false;
	const message = data as Record<string, unknown>;
	return (
		message.sentinel === 'amp' &&
		message.type === 'embed-size' &&
		typeof message.height === 'number' &&
		Number.isFinite(message.height) &&
		message.height > 0 &&
		message.height < 100_000
	);
}

/**
 * Host-page deep links (static/embed.js): the embed tells its host which event is open, so the
 * host's URL can carry it, and the host asks the embed to open the event its URL carries.
 */
export interface EmbedEventMessage {
	sentinel: 'timeline';
	type: 'event';
	/** The open event's id, or null when none is open. */
	event: string | null;
}

export interface EmbedOpenMessage {
	sentinel: 'timeline';
	type: 'open';
	event: string;
}

/** Longest event id a message may carry (ids are short slugs; this only bounds what is read). */
const MAX_ID_LENGTH = 200;

/** The embed's first word to its host: it can now be asked to open an event. */
export const embedReadyMessage = () => ({ sentinel: 'timeline', type: 'ready' }) as const;

export function embedEventMessage(event: string | null): EmbedEventMessage {
	return { sentinel: 'timeline', type: 'event', event };
}

/** Whether a message from the host asks to open an event (the id is checked against the data by the caller). */
export function isEmbedOpenMessage(data: unknown): data is EmbedOpenMessage {
	if (!data || typeof data !== 'object') return false;
	const message = data as Record<string, unknown>;
	return message.sentinel === 'timeline' && message.type === 'open' && typeof message.event === 'string' && message.event.length <= MAX_ID_LENGTH;
}
