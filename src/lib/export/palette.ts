/**
 * The plot's colours as the reader sees them (css-colour.ts), for the image downloads, so they
 * match the page, dark included. Browser only.
 */
import { paletteFrom, type Palette } from '$lib/timeline/scene-svg';
import { cssColour } from './css-colour';

/** The plot's palette at `element`, for drawing the scene as an image. */
export function pagePalette(element: Element): Palette {
	return paletteFrom((variable) => cssColour(element, variable));
}
