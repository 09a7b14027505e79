/**
 * The full page's story steps skip style and layout until they near the screen (EventList:
 * content-visibility: auto), each counted meanwhile as a step of typical height: the page's first
 * layout is its first screen's. The rest of the story is laid out soon after, a step or two a short
 * task (layOutStoryInSlices), so that no task of the page's start is long; then the page is as if
 * it had never skipped (jumps, text, checkers that measure boxes all see real ones).
 *
 * A jump to a step before then (a mark opening its event, a link to one) is aimed at a place the
 * steps before it decide, so before one the page lays the whole story out at once (jumpToStep).
 * A page that opens at a step (#event-…), where the reader left it (reload, Back), or whose
 * reader moves focus into the story does the same, from lib/first-click/first-click.js, which
 * sets the same mark (keep the two alike). A long story, drawn as a window of steps, keeps
 * skipping: its jumps go to steps it has just put in the page.
 */
import { pageTasks } from './shortTasks';

/** Whether the whole story is laid out (the mark on the root outlives the live timeline's mounting the story afresh). */
const storyLaidOut = () => 'storyLaidOut' in document.documentElement.dataset;

/** Lays the whole story out now. */
export function layOutStory() {
	document.documentElement.dataset.storyLaidOut = '';
}

/** Scrolls the page to a story step, as every jump in the story does: the story laid out whole first, so that it lands where aimed. */
export function jumpToStep(step: Element, behavior: ScrollBehavior) {
	layOutStory();
	step.scrollIntoView({ block: 'start', behavior });
}

/**
 * Lays the story's steps out in the page's short tasks, in order, each in a job of its own (its
 * layout forced there, so that the slice counts it), then marks the whole story laid out, which
 * covers the steps drawn since. A jump meanwhile lays out the rest at once: what is left is then
 * skipped. Returns what stops it.
 */
export function layOutStoryInSlices(steps: readonly HTMLElement[]): () => void {
	if (storyLaidOut()) return () => {};
	const cancels = steps.map((step) =>
		pageTasks.queue(() => {
			if (storyLaidOut()) return;
			step.style.contentVisibility = 'visible';
			void step.offsetHeight;
		})
	);
	cancels.push(pageTasks.queue(layOutStory));
	return () => cancels.forEach((cancel) => cancel());
}
