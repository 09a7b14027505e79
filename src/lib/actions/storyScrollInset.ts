/**
 * Where story steps, and controls focused in the story, land when scrolled into view: just below
 * the sticky timeline (WCAG 2.4.11), `px` plus EventList's 0.5rem. A stylesheet rule of its own,
 * written again when the sticky block's height changes, rather than a custom property on the root:
 * a custom property is inherited, so each change had the browser restyle every element of the page
 * (the whole story), where a rule restyles only the elements it matches.
 */
const STEPS = ':root [data-step-id]';
const FOCUSABLE = ':is(a, button, summary, input, [tabindex])';

/** The rule's text (specific enough to win over EventList's own scroll-margin-top, the first stage's). */
export function storyScrollInsetCss(px: number): string {
	return `${STEPS}, ${STEPS} ${FOCUSABLE} { scroll-margin-top: calc(${px}px + 0.5rem); }`;
}

/**
 * A stylesheet of the document's holding the rule; `set` writes it for a height, `remove` takes it
 * away. A constructed stylesheet: the site's Content-Security-Policy admits only the inline styles
 * the build hashed, and a <style> element written here would be refused. A browser without
 * constructed stylesheets keeps EventList's 0.5rem.
 */
export function storyScrollInset() {
	const sheet = 'adoptedStyleSheets' in document ? new CSSStyleSheet() : null;
	if (sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
	let current: number | null = null;
	return {
		set(px: number) {
			if (!sheet || px === current) return;
			current = px;
			sheet.replaceSync(storyScrollInsetCss(px));
		},
		remove() {
			if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
		}
	};
}
