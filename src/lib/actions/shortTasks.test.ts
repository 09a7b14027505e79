import { describe, expect, it } from 'vitest';
import { shortTasks, SLICE_MS } from './shortTasks';

/** A clock that jobs move on by hand, and the tasks asked for, run one at a time by the test. */
function harness() {
	let time = 0;
	const tasks: (() => void)[] = [];
	const queue = shortTasks(
		() => time,
		(run) => tasks.push(run)
	);
	return {
		queue,
		tasks,
		spend: (ms: number) => (time += ms),
		/** Runs the next task; returns the jobs' names it ran. */
		runTask(log: string[]) {
			const before = log.length;
			tasks.shift()!();
			return log.slice(before);
		}
	};
}

describe('shortTasks', () => {
	it('runs jobs in their order, as many a task as fit in the slice', () => {
		const { queue, tasks, spend, runTask } = harness();
		const log: string[] = [];
		const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
		// Each job takes 2 ms: a task runs jobs until it has run for SLICE_MS or more.
		for (const name of names) queue.queue(() => (log.push(name), spend(2)));
		expect(tasks).toHaveLength(1);
		expect(log).toEqual([]);
		const perTask = Math.ceil(SLICE_MS / 2);
		expect(perTask).toBeGreaterThan(1);
		const expected: string[][] = [];
		for (let at = 0; at < names.length; at += perTask) expected.push(names.slice(at, at + perTask));
		const ran: string[][] = [];
		while (tasks.length > 0) ran.push(runTask(log));
		expect(ran).toEqual(expected);
	});

	it('runs a job longer than the slice alone in its task', () => {
		const { queue, spend, runTask, tasks } = harness();
		const log: string[] = [];
		queue.queue(() => (log.push('long'), spend(SLICE_MS * 3)));
		queue.queue(() => log.push('next'));
		expect(runTask(log)).toEqual(['long']);
		expect(runTask(log)).toEqual(['next']);
		expect(tasks).toHaveLength(0);
	});

	it('forgets a cancelled job, and asks for one task however many jobs are queued', () => {
		const { queue, runTask, tasks } = harness();
		const log: string[] = [];
		queue.queue(() => log.push('a'));
		const cancel = queue.queue(() => log.push('b'));
		queue.queue(() => log.push('c'));
		cancel();
		expect(tasks).toHaveLength(1);
		expect(runTask(log)).toEqual(['a', 'c']);
		expect(tasks).toHaveLength(0);
	});

	it('a job queued by a job runs in a later slice, not lost', () => {
		const { queue, spend, runTask, tasks } = harness();
		const log: string[] = [];
		queue.queue(() => {
			log.push('a');
			spend(SLICE_MS);
			queue.queue(() => log.push('child'));
		});
		expect(runTask(log)).toEqual(['a']);
		expect(runTask(log)).toEqual(['child']);
		expect(tasks).toHaveLength(0);
	});

	it('a job that throws does not strand the jobs after it', () => {
		const { queue, runTask, tasks } = harness();
		const log: string[] = [];
		queue.queue(() => {
			throw new Error('broken');
		});
		queue.queue(() => log.push('after'));
		expect(() => runTask(log)).toThrow('broken');
		expect(tasks).toHaveLength(1);
		expect(runTask(log)).toEqual(['after']);
	});
});
