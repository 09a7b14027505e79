/**
 * Colours as the reader sees them. The page's colour variables are `light-dark(…)` pairs, which a
 * custom property's computed value leaves unresolved; a probe element's `color` resolves them for
 * the scheme in force (the reader's setting or an embed's ?theme). Apart from palette.ts so the
 * overview's canvas can use it without loading the image downloads. Browser only.
 */

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
