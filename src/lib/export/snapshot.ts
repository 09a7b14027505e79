/**
 * Images of the current view: the scene drawn as SVG (scene-svg.ts) in the colours the reader sees,
 * and a PNG rendered from that SVG. Browser only.
 */
import type { Scene } from '$lib/timeline';
import { sceneToSvg } from '$lib/timeline/scene-svg';
import { pagePalette } from './palette';

/** An SVG document of the scene as the page shows it, `title` above and `footer` (source line) below. */
export function sceneImage(scene: Scene, title: string, footer: string, measure: (text: string) => number): string {
	const palette = pagePalette(document.body);
	return sceneToSvg(scene, { title, footer, palette, font: getComputedStyle(document.body).fontFamily, measure });
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
