// Plain JavaScript (typed by JSDoc) so that scripts/add-context.mjs can run it under Node 20
// without a TypeScript loader; context.test.ts tests it like the other modules.

/** Where sentences start: after ., !, ? or … (and any closing quote or bracket) plus space, or a line break. */
const SENTENCE_BREAK = /[.!?…]["”’)\]]*\s+|\n+/g;
/** Longest prefix or suffix kept (characters). */
export const MAX_CONTEXT = 320;
/** A full stop that ends an abbreviation, not a sentence: "U.S. runs", "St. Petersburg". */
const ABBREVIATION = /(?:^|[^\p{L}])(?:(?:\p{Lu}\.)+\p{Lu}|St|Mr|Mrs|Ms|Dr|Prof|No|vs)$/u;

/**
 * Start offsets of every sentence in `text` (always including 0).
 * @param {string} text
 * @returns {number[]}
 */
export function sentenceStarts(text) {
	const starts = [0];
	for (const match of text.matchAll(SENTENCE_BREAK)) {
		if (match[0][0] === '.' && ABBREVIATION.test(text.slice(Math.max(0, match.index - 12), match.index))) continue;
		starts.push(match.index + match[0].length);
	}
	return starts;
}

/**
 * Where a reproduced text lies in its container (Borna News's article inside Zuesse's post): the
 * offsets [start, end) from its first words to the end of its last words, or null when they are not
 * there in that order.
 * @param {string} text
 * @param {unknown} extent `{ start, end }`: the reproduced text's first and last words, verbatim
 * @returns {[number, number] | null}
 */
export function extentIn(text, extent) {
	const { start, end } = /** @type {{ start?: unknown, end?: unknown }} */ (extent && typeof extent === 'object' ? extent : {});
	if (typeof start !== 'string' || typeof end !== 'string') return null;
	const from = text.indexOf(start);
	const last = from < 0 ? -1 : text.indexOf(end, from);
	return last < 0 ? null : [from, last + end.length];
}

/**
 * The sentence before an excerpt and the sentence after it, as verbatim neighbours in `text`:
 * `prefix + excerpt + suffix` is always a contiguous span of `text`. Where the excerpt starts or
 * ends mid-sentence, the rest of that sentence is included too. Returns null when the excerpt is
 * not in the text. `region` keeps the context inside one publication's words: a reproduced
 * article's context never runs into the post around it, and the post's never into the article.
 * @param {string} text
 * @param {string} excerpt
 * @param {[number, number]} [region] [start, end) offsets the context may not leave
 * @returns {{ prefix: string, suffix: string } | null}
 */
export function contextFor(text, excerpt, region = [0, text.length]) {
	const start = text.indexOf(excerpt);
	if (start < 0 || excerpt.length === 0) return null;
	const end = start + excerpt.length;
	const starts = sentenceStarts(text);

	// The start of the sentence holding the excerpt's first character, then the one before it.
	const current = starts.filter((offset) => offset <= start).pop() ?? 0;
	const previous = starts.filter((offset) => offset < current).pop() ?? current;
	// The start of the sentence after the excerpt's last character, then the one after that.
	const next = starts.find((offset) => offset > end) ?? text.length;
	const afterNext = starts.find((offset) => offset > next) ?? text.length;

	// A neighbouring sentence is shown whole or not at all: cut, it could lose its subject (a
	// claimant: "Martyanov argues that …") and read as something else. Only the rest of the
	// excerpt's own sentence is ever cut, at a word boundary.
	const from = Math.max(start - previous <= MAX_CONTEXT ? previous : current, region[0]);
	const to = Math.min(afterNext - end <= MAX_CONTEXT ? afterNext : next, region[1]);
	let prefix = text.slice(from, start).trimStart();
	let suffix = text.slice(end, to).trimEnd();
	// Cut long context at a word boundary, or hard at the limit when there is no space to cut at.
	if (prefix.length > MAX_CONTEXT) {
		const space = prefix.indexOf(' ', prefix.length - MAX_CONTEXT);
		prefix = prefix.slice(space < 0 ? prefix.length - MAX_CONTEXT : space + 1);
	}
	if (suffix.length > MAX_CONTEXT) {
		const space = suffix.lastIndexOf(' ', MAX_CONTEXT);
		suffix = suffix.slice(0, space <= 0 ? MAX_CONTEXT : space);
	}
	return { prefix, suffix };
}
