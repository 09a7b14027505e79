/**
 * Work that can wait a few frames, done in tasks short enough that input between them waits little:
 * each task runs queued jobs, in the order they were queued, until it has run for SLICE_MS, then
 * leaves the rest to a task of its own. A job longer than the slice is not cut, so jobs should be
 * small (one story step's hydration: about a millisecond). Used for the story's steps, which the
 * live timeline hydrates after its own task (Island), so no task of the page's start is long.
 */

/** How long one task may run jobs before it yields (ms): well under a 60 Hz frame, and under the 50 ms of a "long task" even on a CPU four times slower. */
export const SLICE_MS = 5;

export interface ShortTasks {
	/** Queues `job`; returns what takes it out of the queue if it has not run yet. */
	queue(job: () => void): () => void;
}

/**
 * A queue of jobs run in short tasks. `now` and `later` are the clock and the way to get a task of
 * one's own; the defaults are the browser's (tests give their own).
 */
export function shortTasks(now: () => number = () => performance.now(), later: (run: () => void) => void = (run) => setTimeout(run)): ShortTasks {
	const jobs = new Set<() => void>();
	let scheduled = false;

	function runSlice() {
		scheduled = false;
		const start = now();
		try {
			for (const job of jobs) {
				jobs.delete(job);
				job();
				if (now() - start >= SLICE_MS) break;
			}
		} finally {
			// A job that throws does not strand the ones after it.
			schedule();
		}
	}

	function schedule() {
		if (scheduled || jobs.size === 0) return;
		scheduled = true;
		later(runSlice);
	}

	return {
		queue(job) {
			jobs.add(job);
			schedule();
			return () => jobs.delete(job);
		}
	};
}

/** The page's one queue: jobs from every part of the page share its slices. */
export const pageTasks = shortTasks();
