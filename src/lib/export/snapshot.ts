/**
 * Images of the current view: an SVG drawn from what the plot shows (eras, spans, marks with
 * their shapes and labels, clusters, ticks), with the title above and the source line below;
 * and a PNG rendered from that SVG. Browser only: it reads positions from the rendered plot.
 */
import { escapeXml } from '$lib/timeline';

const HEADER = 44;
const FOOTER = 34;

function box(element: Element, origin: DOMRect) {
	const rect = element.getBoundingClientRect();
	return { x: rect.left - origin.left, y: rect.top - origin.top, width: rect.width, height: rect.height };
}

const text = (x: number, y: number, content: string, attrs = '') =>
	`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs}>${escapeXml(content)}</text>`;

/** An SVG document of the plot as shown, `title` above it and `footer` (source line) below. */
export function plotToSvg(plot: HTMLElement, title: string, footer: string): string {
	const origin = plot.getBoundingClientRect();
	const width = Math.round(origin.width);
	const height = Math.round(origin.height);
	const style = getComputedStyle(plot);
	const css = (name: string) => style.getPropertyValue(name).trim() || '#000';
	const parts: string[] = [];

	plot.querySelectorAll('.era').forEach((era, i) => {
		const b = box(era, origin);
		parts.push(`<rect x="${b.x}" y="0" width="${b.width}" height="${b.height}" fill="${i % 2 ? '#e3e8ef' : '#eef1f5'}"/>`);
		const name = era.querySelector('.name')?.textContent;
		if (name) parts.push(text(b.x + 6, 16, name, ' font-size="12" font-weight="600" fill="#4a525c"'));
	});
	plot.querySelectorAll<HTMLElement>('.span').forEach((span) => {
		const b = box(span, origin);
		const colour = getComputedStyle(span).borderLeftColor;
		parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="3" fill="${colour}" fill-opacity="0.18" stroke="${colour}"/>`);
		parts.push(text(b.x + 6, b.y + 14, span.textContent?.trim() ?? '', ' font-size="12"'));
	});
	plot.querySelectorAll<HTMLElement>('.mark').forEach((mark) => {
		const glyph = mark.querySelector('.glyph');
		const path = glyph?.querySelector('path');
		if (!glyph || !path) return;
		const g = box(glyph, origin);
		const colour = getComputedStyle(glyph).color;
		const fill = path.getAttribute('fill')?.startsWith('var') ? '#fff' : colour;
		parts.push(`<g transform="translate(${g.x} ${g.y}) scale(${g.width / 14})"><path d="${path.getAttribute('d')}" fill="${fill}" stroke="${colour}"/></g>`);
		const label = mark.querySelector('.label');
		if (label) parts.push(text(box(label, origin).x, g.y + g.height - 3, label.textContent ?? '', ' font-size="13"'));
	});
	plot.querySelectorAll('.cluster').forEach((cluster) => {
		const b = box(cluster, origin);
		parts.push(`<rect x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="12" fill="#fff" stroke="#6b7480"/>`);
		parts.push(text(b.x + 8, b.y + 16, cluster.textContent?.trim() ?? '', ' font-size="12" font-weight="600"'));
	});
	const axis = plot.querySelector('.axis');
	if (axis) {
		const a = box(axis, origin);
		parts.push(`<line x1="0" x2="${width}" y1="${a.y}" y2="${a.y}" stroke="#6b7480"/>`);
		axis.querySelectorAll('.tick').forEach((tick) => {
			const t = box(tick, origin);
			parts.push(`<line x1="${t.x}" x2="${t.x}" y1="${a.y}" y2="${a.y + 7}" stroke="#6b7480"/>`);
			parts.push(text(t.x, a.y + 22, tick.textContent?.trim() ?? '', ' font-size="12" text-anchor="middle" fill="#4a525c"'));
		});
	}

	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + HEADER + FOOTER}" viewBox="0 0 ${width} ${height + HEADER + FOOTER}" font-family="${escapeXml(css('--font'))}">`,
		`<rect width="100%" height="100%" fill="#ffffff"/>`,
		text(0, 28, title, ' font-size="20" font-weight="700" fill="#16191d"'),
		`<g transform="translate(0 ${HEADER})" fill="#16191d">`,
		`<rect width="${width}" height="${height}" fill="none" stroke="#c9ced6"/>`,
		...parts,
		`</g>`,
		text(0, height + HEADER + 22, footer, ' font-size="11" fill="#4a525c"'),
		`</svg>`
	].join('\n');
}

/** Renders an SVG document to a PNG at twice its size (sharp on high-density screens). */
export async function svgToPng(svg: string): Promise<Blob> {
	const image = new Image();
	image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
	try {
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = image.naturalWidth * 2;
		canvas.height = image.naturalHeight * 2;
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no 2D canvas');
		context.scale(2, 2);
		context.drawImage(image, 0, 0);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(image.src);
	}
}

/** Saves a Blob under a file name (a temporary link with the download attribute). */
export function saveBlob(blob: Blob, fileName: string) {
	const link = document.createElement('a');
	link.href = URL.createObjectURL(blob);
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
