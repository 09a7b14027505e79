/**
 * How an excerpt is shown and linked: the quoted span with its neighbouring text, and a Text
 * Fragment link (`#:~:text=`) that opens the original article scrolled to the passage.
 */
import type { Citation } from './events.ts';

/** Collapses line breaks and runs of spaces: the source's paragraphs read as running text here. */
export function asRunningText(text: string): string {
	return text.replace(/\s+/g, ' ');
}

export interface ExcerptInContext {
	before: string;
	quote: string;
	after: string;
}

/** The excerpt with the text around it, for display with the quote highlighted. */
export function excerptInContext(citation: Pick<Citation, 'prefix' | 'excerpt' | 'suffix'>): ExcerptInContext {
	return {
		before: asRunningText(citation.prefix).trimStart(),
		quote: asRunningText(citation.excerpt),
		after: asRunningText(citation.suffix).trimEnd()
	};
}

/** Text Fragment syntax reserves "-", "," and "&"; encodeURIComponent leaves "-" alone. */
function encodeFragmentText(text: string): string {
	return encodeURIComponent(text).replace(/-/g, '%2D');
}

const WORDS_PER_END = 5;

/**
 * The source URL with a text fragment that highlights `excerpt`. Long excerpts use
 * `textStart,textEnd` (their first and last words) so small differences in the middle of the
 * live page still match. Only http(s) URLs are linked; anything else gives null.
 */
export function textFragmentUrl(url: string | null, excerpt: string): string | null {
	if (!url || !/^https?:\/\//i.test(url)) return null;
	const base = url.split('#')[0];
	const words = asRunningText(excerpt).trim().split(' ');
	const directive =
		words.length <= WORDS_PER_END * 2
			? encodeFragmentText(words.join(' '))
			: `${encodeFragmentText(words.slice(0, WORDS_PER_END).join(' '))},${encodeFragmentText(words.slice(-WORDS_PER_END).join(' '))}`;
	return `${base}#:~:text=${directive}`;
}

/** Only http(s) URLs become links; javascript:, data: and the rest stay text. */
export function safeHttpUrl(url: string | null | undefined): string | null {
	return url && /^https?:\/\//i.test(url) ? url : null;
}
