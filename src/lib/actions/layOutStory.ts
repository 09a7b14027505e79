/**
 * The story's steps skip style and layout until they near the screen (EventList:
 * content-visibility: auto), each counted meanwhile as a step of typical height: the page's first
 * layout is its first screen's. A jump to a step (a mark opening its event, a link to one) is
 * aimed at a place the steps before it decide, so before one the page lays the whole story out
 * (once: the mark on the root stays, and outlives the live timeline's mounting the story afresh).
 * Only before a jump: laying the story out costs what the page's first layout spared. A page
 * that opens at a step (#event-…) or where the reader left it (reload, Back) is laid out at once,
 * by lib/first-click/first-click.js, which sets the same mark (keep the two alike). A long story,
 * drawn as a window of steps, keeps skipping: its jumps go to steps it has just put in the page.
 */
export function layOutStory() {
	document.documentElement.dataset.storyLaidOut = '';
}
