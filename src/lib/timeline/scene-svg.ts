/**
 * The scene as a standalone SVG document: the image downloads and the golden files both draw it,
 * so a download shows exactly what the plot shows, in the palette the reader sees (dark included).
 * Pure: the colours come in as a palette, resolved from the page's CSS by the caller.
 */
import { escapeXml } from './export.ts';
import { CLUSTER_HEIGHT, MARK_HEIGHT, MARK_SIZE, SPAN_HEIGHT, type Scene } from './scene.ts';
import { SHAPE_PATHS, THEME_IDS, type ThemeId } from './themes.ts';

/** The page's colour variables a drawing of the plot needs (app.css). */
export const PALETTE_VARIABLES = {
	bg: '--bg',
	bgRaised: '--bg-raised',
	fg: '--fg',
	fgMuted: '--fg-muted',
	line: '--line',
	lineStrong: '--line-strong',
	focus: '--focus',
	markHighlight: '--mark-highlight',
	eraA: '--era-a',
	eraB: '--era-b'
} as const;

export type Palette = Record<keyof typeof PALETTE_VARIABLES, string> & { themes: Record<ThemeId, string> };

/** A palette from a function that resolves one CSS variable to a colour. */
export function paletteFrom(resolve: (variable: string) => string): Palette {
	const entries = Object.entries(PALETTE_VARIABLES).map(([key, variable]) => [key, resolve(variable)]);
	const themes = Object.fromEntries(THEME_IDS.map((id) => [id, resolve(`--theme-${id}`)])) as Record<ThemeId, string>;
	return { ...(Object.fromEntries(entries) as Record<keyof typeof PALETTE_VARIABLES, string>), themes };
}

export interface SvgOptions {
	title: string;
	/** The source line under the plot. */
	footer: string;
	palette: Palette;
	font: string;
	/** The label's width (px), to size cluster pills as the page does. */
	measure: (text: string) => number;
}

const HEADER = 44;
const FOOTER = 34;
/** Margin around the whole image (px). */
const MARGIN = 16;
/** A coordinate to a tenth of a pixel, as SVG text. */
export const roundedNumber = (value: number) => String(Math.round(value * 10) / 10);
const n = roundedNumber;
const attr = (value: string) => escapeXml(value);
const text = (x: number, y: number, content: string, attrs = '') => `<text x="${n(x)}" y="${n(y)}"${attrs}>${escapeXml(content)}</text>`;

export function sceneToSvg(scene: Scene, { title, footer, palette: p, font }: SvgOptions): string {
	const { width, height } = scene;
	const parts = scenePlotMarkup(scene, p);
	const total = height + HEADER + FOOTER;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width + 2 * MARGIN}" height="${total + 2 * MARGIN}" viewBox="${-MARGIN} ${-MARGIN} ${width + 2 * MARGIN} ${total + 2 * MARGIN}" font-family="${attr(font)}">`,
		`<rect x="${-MARGIN}" y="${-MARGIN}" width="100%" height="100%" fill="${p.bg}"/>`,
		text(0, 28, title, ` font-size="20" font-weight="700" fill="${p.fg}"`),
		`<g transform="translate(0 ${HEADER})">`,
		`<rect width="${width}" height="${height}" fill="none" stroke="${p.line}"/>`,
		`<svg width="${width}" height="${height}" overflow="hidden">`,
		...parts,
		`</svg>`,
		`</g>`,
		text(0, height + HEADER + 22, footer, ` font-size="11" fill="${p.fgMuted}"`),
		`</svg>`
	].join('\n');
}

/**
 * The plot itself (eras, bars, marks, clusters, axis, ticks) as SVG elements in the scene's own
 * coordinates, for a document to place: the image downloads and the share cards both draw it.
 */
export function scenePlotMarkup(scene: Scene, p: Palette): string[] {
	const { width, geometry } = scene;
	const parts: string[] = [];
	// Each era's name is clipped to its band, as the page's overflow does, whatever the font's widths.
	scene.eras.forEach((era, i) => {
		const box = `x="${n(era.x)}" y="0" width="${n(era.width)}" height="${n(era.height)}"`;
		parts.push(`<rect class="era" ${box} fill="${p[era.shade === 'a' ? 'eraA' : 'eraB']}"/>`);
		if (!era.label) return;
		parts.push(`<clipPath id="era-${i}"><rect ${box}/></clipPath>`);
		parts.push(text(era.x + 6, 16, era.label, ` font-size="12" font-weight="600" fill="${p.fgMuted}" clip-path="url(#era-${i})"`));
	});
	for (const span of scene.spans) {
		const colour = p.themes[span.theme];
		parts.push(
			`<g class="span" data-event-id="${attr(span.id)}"><rect x="${n(span.x)}" y="${n(span.y)}" width="${n(span.width)}" height="${SPAN_HEIGHT}" rx="3" fill="${colour}" fill-opacity="0.18" stroke="${colour}"${span.hollow ? ' stroke-dasharray="4 3"' : ''}/>`,
			text(span.x + 8, span.y + 14, span.label, ` font-size="12" font-weight="500" fill="${p.fg}"`) + '</g>'
		);
	}
	for (const mark of scene.marks) {
		const colour = p.themes[mark.theme];
		const top = mark.y + (MARK_HEIGHT - MARK_SIZE) / 2;
		parts.push(
			`<g class="mark" data-event-id="${attr(mark.id)}">` +
				`<path transform="translate(${n(mark.x - MARK_SIZE / 2)} ${n(top)}) scale(${MARK_SIZE / 14})" d="${SHAPE_PATHS[mark.shape]}" fill="${mark.hollow ? p.bg : colour}" stroke="${colour}" stroke-width="${mark.hollow ? 1.8 : 1}"/>` +
				(mark.label
					? mark.labelSide === 'left'
						? text(mark.x - MARK_SIZE / 2 - 4, top + 12, mark.label, ` font-size="13" font-weight="500" text-anchor="end" fill="${p.fg}"`)
						: text(mark.x + MARK_SIZE / 2 + 4, top + 12, mark.label, ` font-size="13" font-weight="500" fill="${p.fg}"`)
					: '') +
				'</g>'
		);
	}
	for (const cluster of scene.clusters) {
		const pill = cluster.width;
		parts.push(
			`<g class="cluster"><rect x="${n(cluster.x)}" y="${n(cluster.y)}" width="${n(pill)}" height="${CLUSTER_HEIGHT}" rx="12" fill="${p.bgRaised}" stroke="${p.lineStrong}"/>`,
			text(cluster.x + pill / 2, cluster.y + 16, cluster.text, ` font-size="12" font-weight="600" text-anchor="middle" fill="${p.fg}"`) + '</g>'
		);
	}
	const axis = geometry.axisTop;
	parts.push(`<line x1="0" x2="${width}" y1="${axis}" y2="${axis}" stroke="${p.lineStrong}"/>`);
	if (scene.period) parts.push(`<rect x="${n(scene.period.x)}" y="${axis - 3}" width="${n(scene.period.width)}" height="5" rx="2" fill="${p.focus}"/>`);
	for (const { x } of scene.breaks) {
		// As on the page: a gap in the axis line between two slanted strokes.
		parts.push(
			`<g class="break"><rect x="${n(x - 4)}" y="${axis - 5}" width="8" height="10" fill="${p.bg}"/>`,
			`<path d="M${n(x - 5.5)} ${axis + 5}L${n(x - 0.5)} ${axis - 5}M${n(x + 0.5)} ${axis + 5}L${n(x + 5.5)} ${axis - 5}" stroke="${p.lineStrong}" stroke-width="1.5"/></g>`
		);
	}
	for (const tick of scene.ticks) {
		parts.push(
			`<g class="tick" data-time="${new Date(tick.time).toISOString()}"><line x1="${n(tick.x)}" x2="${n(tick.x)}" y1="${axis}" y2="${axis + 7}" stroke="${p.lineStrong}"/>`,
			text(tick.labelX, axis + 22, tick.label, ` font-size="12" text-anchor="middle" fill="${p.fgMuted}"`) + '</g>'
		);
	}
	return parts;
}
