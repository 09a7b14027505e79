/**
 * The share cards: what a link to an event (or to the timeline) shows when it is pasted into a
 * chat or a social network. A 1200×630 SVG, rendered to PNG at build time (server/share-image.ts):
 * the event's date and title, one attributed excerpt, the event marked on its stretch of the
 * axis (the plot's own scene, drawn by scene-svg.ts), and the line saying where it comes from.
 *
 * Pure: text is wrapped with the width function it is given (the build measures with the font
 * files it renders with), and the colours come in as a palette.
 */
import { eventDateText, sourceCredit, type Citation, type Timeline, type TimelineEvent } from './events.ts';
import { plotGeometry } from './geometry.ts';
import { escapeXml } from './export.ts';
import { buildScene, sceneData, type Scene } from './scene.ts';
import { roundedNumber as n, scenePlotMarkup, type Palette } from './scene-svg.ts';
import { SOURCE_TYPE_LABEL } from './source-types.ts';
import { createBaseScale, DEFAULT_SPACING } from './spacing.ts';
import { MARK_HEIGHT } from './scene.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN = 48;
const INNER = CARD_WIDTH - 2 * MARGIN;
/** The plot's strip: where it ends (the footer line sits below) and the most it may take. */
const STRIP_BOTTOM = 582;
const STRIP_MAX = 150;
const YEAR = 365.25 * 24 * 3600 * 1000;
/** The quote's indent from the rule that sets it off (px). */
const QUOTE_INDENT = 24;

export type Weight = 'regular' | 'bold';

export interface CardOptions {
	/** The rendered width (px) of `text` at `size` px in the card's font. */
	measure: (text: string, size: number, weight: Weight) => number;
	/** The font family the SVG names (the build renders with its files). */
	font: string;
	palette: Palette;
	/** Where the card's link leads, as the footer shows it (e.g. "timeline.example.org/events/x"). */
	link: string;
	/** Whether the card's font has every character of `text` (default: yes). */
	drawable?: (text: string) => boolean;
}

/** A line of the card: text laid out at a baseline. */
interface Line {
	text: string;
	/** Where the line starts (px); the card's margin unless indented. */
	x?: number;
	y: number;
	size: number;
	weight: Weight;
	fill: string;
}

/**
 * `text` in at most `maxLines` lines of at most `width` px, broken between words. What does not
 * fit ends the last line with "…" (`truncated`): the card shows the start of a quote and says so,
 * never different words.
 */
export function wrapText(text: string, width: number, measure: (line: string) => number, maxLines: number): { lines: string[]; truncated: boolean } {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (; used < words.length; used++) {
		const word = words[used]!;
		const candidate = line ? `${line} ${word}` : word;
		if (measure(candidate) <= width || !line) {
			line = candidate;
			continue;
		}
		lines.push(line);
		line = word;
		if (lines.length === maxLines) break;
	}
	if (lines.length < maxLines && line) {
		lines.push(line);
		line = '';
		used = words.length;
	}
	// A word wider than a whole line (a long URL) ends the text there, cut by characters below.
	const tooWide = lines.findIndex((candidate) => measure(candidate) > width);
	if (tooWide >= 0) lines.splice(tooWide + 1);
	const truncated = used < words.length || line !== '' || tooWide >= 0;
	if (!truncated) return { lines, truncated };
	// Shorten the last line until it holds its ellipsis; a single word too long is cut by characters.
	let last = lines[lines.length - 1] ?? '';
	while (last.includes(' ') && measure(`${last}…`) > width) last = last.slice(0, last.lastIndexOf(' '));
	if (measure(`${last}…`) > width) {
		// One word wider than the line: the longest start that fits, found by halving (a hostile
		// 10,000-character word would take as many measurements one character at a time).
		let [fits, tooLong] = [1, last.length];
		while (tooLong - fits > 1) {
			const middle = (fits + tooLong) >> 1;
			if (measure(`${last.slice(0, middle)}…`) <= width) fits = middle;
			else tooLong = middle;
		}
		last = last.slice(0, fits);
	}
	lines[lines.length - 1] = `${last.replace(/[\s,;:]+$/, '')}…`;
	return { lines, truncated };
}

/**
 * Who the excerpt belongs to: its source (outlet or author), then the person whose words it
 * quotes. The source comes first because the excerpt is its text: a speaker is named only for the
 * words of theirs it quotes, never for the outlet's narration around them.
 */
export function attribution(citation: Citation): string {
	const credit = sourceCredit(citation.source);
	const label = SOURCE_TYPE_LABEL[citation.source.type];
	return `${citation.speaker ? `${credit}, quoting ${citation.speaker}` : credit} · ${label}`;
}

/**
 * Whether an excerpt says something on its own: bylines ("23 October 2025, by …"), lead-ins
 * ending in a colon and fragments of a few words make a poor card.
 */
export function isSubstantial(excerpt: string): boolean {
	const words = excerpt.trim().split(/\s+/).length;
	return words >= 8 && !/:\s*$/.test(excerpt) && !/^\d{1,2} \w+ \d{4}, by /.test(excerpt);
}

/**
 * The excerpt the card quotes: the first substantial one that fits whole, else the first that
 * fits, else the shortest (its start shown, with "…").
 */
export function cardCitation(event: TimelineEvent, fitsWhole: (citation: Citation) => boolean, drawable: (text: string) => boolean = () => true): Citation {
	const fitting = event.citations.filter(fitsWhole);
	const chosen = fitting.find((citation) => isSubstantial(citation.excerpt)) ?? fitting[0];
	if (chosen) return chosen;
	const candidates = event.citations.filter((citation) => drawable(citation.excerpt));
	return (candidates.length ? candidates : event.citations).reduce((best, citation) => (citation.excerpt.length < best.excerpt.length ? citation : best));
}

/**
 * The excerpt as the card shows it: its words unchanged, with "…" where it starts or stops inside
 * a sentence, so a fragment never reads as a whole statement.
 */
export function quotedText(excerpt: string): string {
	const text = excerpt.trim();
	const startsInside = /^[\p{Ll}]/u.test(text);
	const endsInside = !/[.!?…]["”’)]*$/u.test(text);
	return `${startsInside ? '…' : ''}${text}${endsInside ? '…' : ''}`;
}


function textLines(lines: readonly Line[]): string[] {
	return lines.map(
		(line) => `<text x="${n(line.x ?? MARGIN)}" y="${n(line.y)}" font-size="${line.size}" font-weight="${line.weight === 'bold' ? 700 : 400}" fill="${line.fill}">${escapeXml(line.text)}</text>`
	);
}

/** The plot's strip for `range`, with `selectedId` open, in the card's width and at most STRIP_MAX tall. */
function stripScene(timeline: Timeline, range: [Date, Date], selectedId: string | null, measure: (text: string) => number): Scene {
	const [from, to] = range.map((date) => date.getTime());
	const events = timeline.events.filter((event) => (event.endTime ?? event.time) >= from! && event.time <= to!);
	// Rows and lanes for what the strip shows, not the whole data: a short strip keeps its marks.
	// Only the open event, if it is a span, is drawn as a bar; other spans are points at their start,
	// so the strip stays one row of bars at most and leaves the quote its room.
	const data = sceneData({ ...timeline, events });
	const selected = events.find((event) => event.id === selectedId);
	const spanRows = new Map<string, number>(selected?.endTime !== undefined ? [[selected.id, 0]] : []);
	const geometry = plotGeometry(INNER, spanRows.size, data.densestDay, STRIP_MAX);
	return buildScene({
		events,
		eventsById: new Map(events.map((event) => [event.id, event])),
		eras: timeline.eras,
		base: createBaseScale(DEFAULT_SPACING, range, events.map((event) => event.time), INNER),
		transform: { k: 1, x: 0 },
		width: INNER,
		geometry,
		spanRows,
		measure,
		selectedId
	});
}

/** The strip placed on the card, with the open event ringed so it reads at thumbnail size. */
function stripMarkup(scene: Scene, palette: Palette, selectedId: string | null): string[] {
	const top = STRIP_BOTTOM - scene.height;
	const ring: string[] = [];
	const mark = scene.marks.find((candidate) => candidate.id === selectedId);
	// Just outside the 16 px mark and inside its label's 4 px gap, so the label stays whole.
	if (mark) ring.push(`<circle cx="${n(mark.x)}" cy="${n(mark.y + MARK_HEIGHT / 2)}" r="10.5" fill="none" stroke="${palette.focus}" stroke-width="2.5"/>`);
	const span = scene.spans.find((candidate) => candidate.id === selectedId);
	if (span) ring.push(`<rect x="${n(span.x - 3)}" y="${n(span.y - 3)}" width="${n(span.width + 6)}" height="26" rx="5" fill="none" stroke="${palette.focus}" stroke-width="3"/>`);
	return [
		`<svg x="${MARGIN}" y="${n(top)}" width="${INNER}" height="${n(scene.height)}" overflow="hidden">`,
		...scenePlotMarkup(scene, palette),
		...ring,
		`</svg>`
	];
}

function card(options: CardOptions, body: string[]): string {
	const { palette: p, font, link } = options;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${escapeXml(font)}">`,
		`<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${p.bg}"/>`,
		`<rect width="${CARD_WIDTH}" height="8" fill="${p.focus}"/>`,
		...body,
		...textLines([{ text: link, y: 614, size: 20, weight: 'regular', fill: p.fgMuted }]),
		`</svg>`
	].join('\n');
}

/** The card of one event, and the citation it quotes (for its alt text). */
export function eventCard(timeline: Timeline, event: TimelineEvent, options: CardOptions): { svg: string; citation: Citation } {
	const { measure, palette: p } = options;
	const lines: Line[] = [];
	lines.push({ text: wrapText(timeline.title, INNER, (line) => measure(line, 22, 'regular'), 1).lines[0] ?? '', y: 58, size: 22, weight: 'regular', fill: p.fgMuted });
	lines.push({ text: eventDateText(event), y: 100, size: 28, weight: 'bold', fill: p.themes[event.themes[0]!] });

	// The title in two lines at 46 px, or three at 38 px when it needs them.
	let titleSize = 46;
	let title = wrapText(event.title, INNER, (line) => measure(line, titleSize, 'bold'), 2);
	if (title.truncated) {
		titleSize = 38;
		title = wrapText(event.title, INNER, (line) => measure(line, titleSize, 'bold'), 3);
	}
	let y = 100 + titleSize * 1.35;
	for (const text of title.lines) {
		lines.push({ text, y, size: titleSize, weight: 'bold', fill: p.fg });
		y += titleSize * 1.18;
	}

	const strip = stripScene(timeline, cardRange(timeline, event), event.id, (text) => measure(text, 13, 'regular'));

	// The quote fills what is left above the strip, less its credit line (36 px) and a gap. It is
	// set off by a rule, as the page sets off its excerpts, not by quote marks of the card's own:
	// an excerpt that ends in a quote would close with two.
	const quoteSize = 26;
	const quoteLead = 34;
	const quoteTop = y + 20;
	const quoteLines = Math.max(1, Math.floor((STRIP_BOTTOM - strip.height - 24 - 36 - quoteTop) / quoteLead) + 1);
	const quoted = (citation: Citation) => wrapText(quotedText(citation.excerpt), INNER - QUOTE_INDENT, (line) => measure(line, quoteSize, 'regular'), quoteLines);
	// A quote the font cannot draw whole is not shown in part: another is chosen (cardCitation).
	const drawable = options.drawable ?? (() => true);
	const citation = cardCitation(event, (candidate) => drawable(candidate.excerpt) && !quoted(candidate).truncated, drawable);
	const quote = quoted(citation);
	y = quoteTop;
	for (const text of quote.lines) {
		lines.push({ text, x: MARGIN + QUOTE_INDENT, y, size: quoteSize, weight: 'regular', fill: p.fg });
		y += quoteLead;
	}
	const rule = `<rect x="${MARGIN}" y="${n(quoteTop - quoteSize + 2)}" width="4" height="${n((quote.lines.length - 1) * quoteLead + quoteSize + 4)}" fill="${p.lineStrong}"/>`;
	const credit = wrapText(`— ${attribution(citation)}`, INNER - QUOTE_INDENT, (line) => measure(line, 20, 'regular'), 1);
	lines.push({ text: credit.lines[0]!, x: MARGIN + QUOTE_INDENT, y: y + 2, size: 20, weight: 'regular', fill: p.fgMuted });
	return { svg: card(options, [...textLines(lines), rule, ...stripMarkup(strip, p, event.id)]), citation };
}

/** What an event's card shows, in words: its alt text. */
export function eventCardAlt(event: TimelineEvent, citation: Citation): string {
	return `${eventDateText(event)}: ${event.title}. Quote: ${quotedText(citation.excerpt)} (${attribution(citation)}). The event is marked on its stretch of the timeline.`;
}

/** The card of the whole timeline: its title, description and the plot's default view. */
export function timelineCardSvg(timeline: Timeline, options: CardOptions): string {
	const { measure, palette: p } = options;
	const lines: Line[] = [];
	let y = 110;
	for (const text of wrapText(timeline.title, INNER, (line) => measure(line, 56, 'bold'), 2).lines) {
		lines.push({ text, y, size: 56, weight: 'bold', fill: p.fg });
		y += 64;
	}
	y += 8;
	for (const text of wrapText(timeline.description, INNER, (line) => measure(line, 28, 'regular'), 4).lines) {
		lines.push({ text, y, size: 28, weight: 'regular', fill: p.fgMuted });
		y += 38;
	}
	const strip = stripScene(timeline, domainOf(timeline), null, (text) => measure(text, 13, 'regular'));
	return card(options, [...textLines(lines), ...stripMarkup(strip, p, null)]);
}

/**
 * The stretch of the axis a card shows: the event's own period and where its three neighbours
 * each side sit, padded, at least half a year. Neighbours count by their place, not their whole
 * period: a war that runs for years beside the event would otherwise widen every card to decades.
 */
export function cardRange(timeline: Timeline, event: TimelineEvent): [Date, Date] {
	const index = timeline.events.indexOf(event);
	const neighbours = timeline.events.slice(Math.max(0, index - 3), index + 4);
	let from = Math.min(event.date.start.getTime(), ...neighbours.map((other) => other.time));
	let to = Math.max((event.end ?? event.date).end.getTime(), ...neighbours.map((other) => other.time));
	const pad = Math.max((to - from) * 0.15, (YEAR / 2 - (to - from)) / 2, 0);
	from -= pad;
	to += pad;
	const [start, end] = domainOf(timeline);
	return [new Date(Math.max(from, start.getTime())), new Date(Math.min(to, end.getTime()))];
}

const domains = new WeakMap<Timeline, [Date, Date]>();

/**
 * The whole data's time range, as the plot's domain: worked out once per data, not for each card
 * (sceneData walks every event, and a build makes a card per event).
 */
function domainOf(timeline: Timeline): [Date, Date] {
	let domain = domains.get(timeline);
	if (!domain) domains.set(timeline, (domain = sceneData(timeline).domain as [Date, Date]));
	return domain;
}
