/**
 * Helpers for tests that run the real `vite build` on a fixture (TIMELINE_EVENTS_FILE,
 * TIMELINE_SOURCES_DIR, TIMELINE_BUILD_DIR) and serve the result, as tests/bad-data.test.ts does.
 *
 * Every build runs in its own throwaway project folder (src/, static/ and node_modules/ linked,
 * the config files copied), so it has its own .svelte-kit/: SvelteKit clears and rewrites
 * .svelte-kit/output on every build, and two builds sharing it (ours in parallel, or another
 * engineer's `npm run build`) break each other with ERR_MODULE_NOT_FOUND mid-prerender.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve('.');
const LINKED = ['src', 'static', 'node_modules', 'scripts'];
const COPIED = ['svelte.config.js', 'vite.config.ts', 'package.json', 'tsconfig.json'];

export interface BuildResult {
	/** Exit status (null when killed by the timeout). */
	status: number | null;
	/** stdout and stderr together. */
	output: string;
	/** The built site (TIMELINE_BUILD_DIR), or null when the build was thrown away. */
	outDir: string | null;
	ms: number;
}

export interface BuildOptions {
	/** events.json to build (TIMELINE_EVENTS_FILE). */
	eventsFile: string;
	/** Source texts (TIMELINE_SOURCES_DIR); without them the build skips the verbatim check, explicitly (TIMELINE_SKIP_VERBATIM=1). */
	sourcesDir?: string;
	/** Where to keep the built site (TIMELINE_BUILD_DIR); without it the site is thrown away. */
	outDir?: string;
	timeoutMs?: number;
	/** TIMELINE_SITE_URL: a loopback address unless given; null leaves it unset. */
	siteUrl?: string | null;
}

/** A temporary folder (removed by the caller with removeDir when done). */
export function tempDir(prefix: string): string {
	return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string) {
	rmSync(dir, { recursive: true, force: true });
}

/** A throwaway project that builds this one's src/ with its own .svelte-kit/. */
function isolatedProject(): string {
	const dir = tempDir('timeline-build-');
	for (const name of LINKED) symlinkSync(join(ROOT, name), join(dir, name), 'dir');
	for (const name of COPIED) copyFileSync(join(ROOT, name), join(dir, name));
	return dir;
}

/** Runs `vite build` on a fixture; resolves with the status and the whole output. Never rejects. */
export function viteBuild({ eventsFile, sourcesDir, outDir: keep, timeoutMs = 120_000, siteUrl = 'http://127.0.0.1' }: BuildOptions): Promise<BuildResult> {
	const project = isolatedProject();
	const outDir = keep ? resolve(keep) : join(project, 'out');
	const started = Date.now();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		TIMELINE_EVENTS_FILE: resolve(eventsFile),
		TIMELINE_SOURCES_DIR: resolve(sourcesDir ?? join(project, 'no-source-texts')),
		TIMELINE_SKIP_VERBATIM: sourcesDir ? '0' : '1',
		TIMELINE_BUILD_DIR: outDir,
		// A loopback address for the absolute URLs a build requires (oEmbed, cards, canonical links).
		TIMELINE_SITE_URL: siteUrl ?? undefined,
		// Large fixtures get a sample of event pages and share images, so a build stays short.
		TIMELINE_EVENT_PAGES: '40',
		// The colours vite puts in its messages would split the exact text we look for.
		NO_COLOR: '1',
		FORCE_COLOR: '0'
	};
	if (siteUrl === null) delete env.TIMELINE_SITE_URL;
	return new Promise((done) => {
		const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			cwd: project,
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('close', (status) => {
			clearTimeout(timer);
			removeDir(project);
			done({ status, output, outDir: keep ? outDir : null, ms: Date.now() - started });
		});
	});
}

/** Runs async jobs with at most `limit` at once, keeping their order in the results. */
export async function pool<T, R>(items: readonly T[], limit: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await job(items[index]!, index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
	return results;
}

interface LooseCitation {
	source: string;
	excerpt: string;
	prefix?: string;
	suffix?: string;
}
interface LooseData {
	sources: { id: string; file: string }[];
	events: { citations: LooseCitation[] }[];
}

/**
 * Writes a folder of source texts in which every citation of `data` stands verbatim with its
 * prefix and suffix (for generated data that the real texts in sources/ do not hold), so fixture
 * builds run the verbatim check too. Returns the folder.
 */
export function writeSourceTexts(data: LooseData, dir: string): string {
	mkdirSync(dir, { recursive: true });
	for (const source of data.sources) {
		const passages = data.events.flatMap((event) =>
			event.citations.filter((c) => c.source === source.id).map((c) => `${c.prefix ?? ''}${c.excerpt}${c.suffix ?? ''}`)
		);
		writeFileSync(join(dir, source.file), `${passages.join('\n\n')}\n`);
	}
	return dir;
}

/** The first port from `preferred` on that nothing listens on (127.0.0.1). */
async function freePort(preferred: number): Promise<number> {
	for (let port = preferred; port < preferred + 50; port++) {
		const free = await new Promise<boolean>((done) => {
			const probe = createServer();
			probe.once('error', () => done(false));
			probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
		});
		if (free) return port;
	}
	throw new Error(`no free port in ${preferred}–${preferred + 49}`);
}

/**
 * Serves a built folder with the project's static server (scripts/serve.mjs) until stop(), on
 * `port` or the next free one.
 */
export async function serveFolder(dir: string, preferredPort: number): Promise<{ url: string; stop: () => Promise<void> }> {
	const port = await freePort(preferredPort);
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), dir, String(port)], { stdio: 'ignore' });
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	let ready = false;
	for (let i = 0; i < 100 && !ready; i++) {
		if (child.exitCode !== null) break;
		ready = await fetch(`${url}/`).then((response) => response.ok, () => false);
		if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
	}
	if (!ready || child.exitCode !== null) {
		child.kill();
		throw new Error(`node scripts/serve.mjs ${dir} ${port} did not start serving`);
	}
	return {
		url,
		stop: async () => {
			if (child.exitCode === null) child.kill();
			await exited;
		}
	};
}

/** A folder that lives as long as this test run (removed by a later run once this one has ended). */
export function runDir(name: string): string {
	return join(tmpdir(), `timeline-e2e-run-${process.ppid}-${name}`);
}

export async function oncePerRun<T>(name: string, compute: () => Promise<T>, waitMs = 300_000): Promise<T> {
	const runner = process.ppid;
	const prefix = 'timeline-e2e-run-';
	const file = join(tmpdir(), `${prefix}${runner}-${name}.json`);
	const lock = `${file}.lock`;
	// Results of runs that have ended are of no use to anyone.
	for (const entry of readdirSync(tmpdir())) {
		const pid = Number(entry.slice(prefix.length).split('-')[0]);
		if (!entry.startsWith(prefix) || !pid || pid === runner) continue;
		try {
			process.kill(pid, 0);
		} catch {
			rmSync(join(tmpdir(), entry), { recursive: true, force: true });
		}
	}
	const read = (): T => {
		const saved = JSON.parse(readFileSync(file, 'utf8')) as { value?: T; error?: string };
		if (saved.error !== undefined) throw new Error(saved.error);
		return saved.value as T;
	};
	if (existsSync(file)) return read();
	let mine = false;
	try {
		writeFileSync(lock, String(process.pid), { flag: 'wx' });
		mine = true;
	} catch {
		mine = false;
	}
	if (mine) {
		try {
			const value = await compute();
			writeFileSync(file, JSON.stringify({ value }));
			return value;
		} catch (error) {
			writeFileSync(file, JSON.stringify({ error: (error as Error).stack ?? String(error) }));
			throw error;
		}
	}
	const until = Date.now() + waitMs;
	while (!existsSync(file)) {
		if (Date.now() > until) throw new Error(`gave up waiting for ${file}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return read();
}
