/**
 * Colours as the reader sees them. The page's colour variables are `light-dark(…)` pairs, which a
 * custom property's computed value leaves unresolved; a probe element's `color` resolves them for
 * the scheme in force (the reader's setting or an embed's ?theme), so canvases and downloads match
 * the page, dark included. Browser only.
 */
import { paletteFrom, type Palette } from '$lib/timeline';

/** The colour a CSS variable has at `element`, as `rgb(…)`. */
export function cssColour(element: Element, variable: string): string {
	const probe = document.createElement('span');
	probe.style.color = `var(${variable})`;
	probe.style.display = 'none';
	element.append(probe);
	try {
		return getComputedStyle(probe).color;
	} finally {
		probe.remove();
	}
}

/** The plot's palette at `element`, for drawing the scene as an image. */
export function pagePalette(element: Element): Palette {
	return paletteFrom((variable) => cssColour(element, variable));
}
