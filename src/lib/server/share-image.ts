/**
 * Share images at build time: each card's SVG (timeline/share-card.ts) rendered to PNG by resvg,
 * with the fonts in src/lib/server/fonts (Source Sans 3, SIL Open Font License, read from the
 * repository: no system font decides how a card looks). Each image is named by a hash of what it
 * draws, so a corrected event gets a new URL and social networks' caches fetch it again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import opentype, { type Font } from 'opentype.js';
import { paletteFrom, type Palette } from '../timeline/scene-svg.ts';
import { CARD_HEIGHT, CARD_WIDTH, eventCard, eventCardAlt, timelineCardSvg, type Weight } from '../timeline/share-card.ts';
import type { Timeline, TimelineEvent } from '../timeline/events.ts';
import { eventPagePath } from '../timeline/event-pages.ts';

const FONT_FAMILY = 'Source Sans 3';
const FONT_FILES: Record<Weight, string> = {
	regular: 'src/lib/server/fonts/SourceSans3-Regular.ttf',
	bold: 'src/lib/server/fonts/SourceSans3-Bold.ttf'
};

export interface ShareImage {
	/** The file's name under /share/, e.g. "treaty-signed.3f9a1c2e7b.png". */
	file: string;
	svg: string;
	width: number;
	height: number;
	/** What the image shows, for og:image:alt. */
	alt: string;
}

let fonts: { files: Record<Weight, Buffer>; parsed: Record<Weight, Font>; hash: string } | null = null;

function loadFonts(root = process.cwd()) {
	if (fonts) return fonts;
	const files = { regular: readFileSync(resolve(root, FONT_FILES.regular)), bold: readFileSync(resolve(root, FONT_FILES.bold)) };
	const arrayBuffer = (buffer: Buffer) => buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
	const parsed = { regular: opentype.parse(arrayBuffer(files.regular)), bold: opentype.parse(arrayBuffer(files.bold)) };
	const hash = createHash('sha256').update(files.regular).update(files.bold).digest('hex');
	return (fonts = { files, parsed, hash });
}

/** The light palette as src/app.css declares it (the first colour of each light-dark()). */
export function paletteFromCss(css: string): Palette {
	return paletteFrom((variable) => {
		const match = new RegExp(`${variable}:\\s*(?:light-dark\\(\\s*)?(#[0-9a-fA-F]{3,8})`).exec(css);
		if (!match) throw new Error(`src/app.css: expected ${variable} as a hex colour or light-dark(#…, #…) for the share cards`);
		return match[1]!;
	});
}

/**
 * The width of `text` in ems: each glyph's advance plus the kerning pairs opentype.js reads. resvg
 * shapes with the font's full tables, whose kerning mostly tightens text, so lines measured here
 * come out at most a little wider than drawn and never overflow. (opentype.js's own
 * getAdvanceWidth runs the substitution tables first and stops at one of Source Sans 3's that it
 * does not support.)
 */
function advanceWidth(font: Font, text: string): number {
	let units = 0;
	let previous: ReturnType<Font['charToGlyph']> | null = null;
	for (const char of text) {
		const glyph = font.charToGlyph(char);
		units += glyph.advanceWidth + (previous ? font.getKerningValue(previous, glyph) : 0);
		previous = glyph;
	}
	return units / font.unitsPerEm;
}

/** Characters the card's font cannot draw: a card must not show missing-glyph boxes. */
function missingGlyphs(text: string, font: Font): string[] {
	return [...new Set([...text].filter((char) => !/\s/.test(char) && font.charToGlyphIndex(char) === 0))];
}

const cache = new WeakMap<Timeline, { key: string; images: Map<string | null, ShareImage> }>();

/**
 * The share image of every event with a page (by id) and of the timeline (key null), made once
 * per build. A card whose text has characters the font cannot draw is made without them, and
 * the build log names the event and the characters.
 */
export function shareImages(timeline: Timeline, site: string, eventIds: readonly string[]): Map<string | null, ShareImage> {
	const { parsed, hash: fontHash } = loadFonts();
	const css = readFileSync(resolve(process.cwd(), 'src/app.css'), 'utf8');
	// Made again when anything a card draws from changes (in `vite dev`: the colours too).
	const key = JSON.stringify([site, eventIds, createHash('sha256').update(css).digest('hex')]);
	const known = cache.get(timeline);
	if (known?.key === key) return known.images;
	const palette = paletteFromCss(css);
	const measure = (text: string, size: number, weight: Weight) => advanceWidth(parsed[weight], text) * size;
	const host = site.replace(/^https?:\/\//, '');
	const images = new Map<string | null, ShareImage>();
	const add = (id: string | null, name: string, svg: string, alt: string) => {
		// The card is still made (the page and its link work); the log says what it cannot show.
		// (A quote the font cannot draw is chosen only when the event has no other.)
		const missing = missingGlyphs(svg.replace(/<[^>]*>/g, ' '), parsed.regular);
		if (missing.length) console.warn(`share image for ${id ?? 'the timeline'}: the card's font (${FONT_FAMILY}) has no glyph for ${missing.slice(0, 12).map((c) => JSON.stringify(c)).join(', ')}; the image cannot show them`);
		const hash = createHash('sha256').update(fontHash).update(svg).digest('hex').slice(0, 10);
		images.set(id, { file: `${name}.${hash}.png`, svg, width: CARD_WIDTH, height: CARD_HEIGHT, alt });
	};
	const base = { measure, font: FONT_FAMILY, palette, drawable: (text: string) => missingGlyphs(text, parsed.regular).length === 0 };
	add(null, 'timeline', timelineCardSvg(timeline, { ...base, link: host }), `${timeline.title}: the timeline's ${timeline.events.length} events on one axis, with its title and description`);
	const byId = new Map(timeline.events.map((event) => [event.id, event]));
	for (const id of eventIds) {
		const event = byId.get(id) as TimelineEvent;
		const { svg, citation } = eventCard(timeline, event, { ...base, link: `${host}/${eventPagePath(id)}` });
		add(id, id, svg, eventCardAlt(event, citation));
	}
	cache.set(timeline, { key, images });
	return images;
}

/** The PNG of a card. */
export function renderPng(image: ShareImage): Buffer {
	const root = process.cwd();
	const resvg = new Resvg(image.svg, {
		fitTo: { mode: 'width', value: image.width },
		font: { fontFiles: [resolve(root, FONT_FILES.regular), resolve(root, FONT_FILES.bold)], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
		background: 'white'
	});
	return resvg.render().asPng();
}
