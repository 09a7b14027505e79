#!/usr/bin/env node
// npm run bench: the performance benchmark. In one run, on one headless Chromium:
//   1. builds the site three times into temporary folders (the real events.json, and generated
//      datasets of 1,000 and 10,000 events with their source texts), from a snapshot of the
//      project so concurrent edits and builds in the work tree neither disturb nor are disturbed;
//   2. measures / and /embed of each build (transferred JS/CSS gzipped, first event visible,
//      first event clickable, frame times over a zoom-and-pan), 3–5 runs, medians;
//   3. measures the same data in TimelineJS3 and vis-timeline, loaded from node_modules;
//   4. runs Lighthouse on / and /embed of the real build;
//   5. prints one report and writes it to docs/bench.md.
// It is a benchmark, not a test: budgets that fail are reported, and it exits 0 unless something
// broke. Servers and temporary folders are removed at the end, also on Ctrl-C.
//
// Options: --quick (one run per page, no 10,000-event data: for checking the harness, ~2 min;
//          prints only), --json <file> (also write the raw results), --from-json <file> (only rebuild the
//          report from such a file), --no-write (print only, leave docs/bench.md alone).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { writeDataset } from './generate.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { measurePage } from './measure.mjs';
import { peerVersions, writePeerSite } from './peers.mjs';
import { measureFloors } from './floor.mjs';
import { buildReport } from './report.mjs';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const JSON_OUT = args.includes('--json') ? resolve(args[args.indexOf('--json') + 1]) : null;
// A quick run's figures are not for quoting: it never overwrites docs/bench.md.
const WRITE = !args.includes('--no-write') && !QUICK;
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The whole run must stay within ~15 minutes on a 2-core machine: past this mark each page keeps
// the runs it has (every page gets at least one; the report says where runs were cut).
const STARTED = Date.now();
const DEADLINE_MS = 13.5 * 60_000;
const LIGHTHOUSE_RUNS = QUICK ? 1 : 3;
const DESKTOP_LIGHTHOUSE_BEFORE_MS = 13.8 * 60_000;

const elapsed = () => `${((Date.now() - STARTED) / 1000).toFixed(0).padStart(4)} s`;
const log = (message) => console.log(`[bench ${elapsed()}] ${message}`);

/* ---- cleanup: every child we start and the temporary folder go, however the run ends */
const children = new Set();
let tmp = null;
function cleanup() {
	for (const child of children) {
		try {
			child.kill('SIGTERM');
		} catch {
			// already gone
		}
	}
	children.clear();
	if (tmp) {
		try {
			rmSync(tmp, { recursive: true, force: true });
		} catch {
			// nothing more to do
		}
		tmp = null;
	}
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		console.error(`\n[bench] ${signal}: stopping servers and removing temporary files`);
		cleanup();
		process.exit(130);
	});
}

/** Runs a command to completion; its output goes to `logFile`; rejects with the tail on failure. */
function run(command, commandArgs, { cwd, env, logFile }) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, commandArgs, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		children.add(child);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => {
			children.delete(child);
			if (logFile) writeFileSync(logFile, output);
			if (code === 0) resolvePromise(output);
			else reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}:\n${output.split('\n').slice(-30).join('\n')}`));
		});
	});
}

/** The first free TCP port on 127.0.0.1 from `from` on. */
async function freePort(from, taken) {
	for (let port = from; port < from + 200; port++) {
		if (taken.has(port)) continue;
		const free = await new Promise((ok) => {
			const server = createServer();
			server.once('error', () => ok(false));
			server.listen(port, '127.0.0.1', () => server.close(() => ok(true)));
		});
		if (free) {
			taken.add(port);
			return port;
		}
	}
	throw new Error(`no free port from ${from}`);
}

/** Starts scripts/serve.mjs on a folder; resolves once it listens. */
function serve(folder, port) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(process.execPath, [join(PROJECT, 'scripts', 'serve.mjs'), folder, String(port)], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'pipe'] });
		children.add(child);
		let output = '';
		const timer = setTimeout(() => reject(new Error(`server for ${folder} did not start:\n${output}`)), 10_000);
		child.stdout.on('data', (chunk) => {
			output += chunk;
			if (output.includes('Serving')) {
				clearTimeout(timer);
				resolvePromise({ child, url: `http://127.0.0.1:${port}` });
			}
		});
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('exit', (code) => {
			children.delete(child);
			clearTimeout(timer);
			reject(new Error(`server for ${folder} exited ${code}:\n${output}`));
		});
	});
}

/** A copy of what the build reads, with node_modules linked: builds here touch nothing in the work tree. */
function snapshotProject(target) {
	mkdirSync(target, { recursive: true });
	for (const entry of ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json']) {
		cpSync(join(PROJECT, entry), join(target, entry), { recursive: true });
	}
	symlinkSync(join(PROJECT, 'node_modules'), join(target, 'node_modules'), 'dir');
}

const fileSize = (path) => (existsSync(path) ? statSync(path).size : null);

/** Bytes and files under a folder (the whole built site). */
function folderSize(dir) {
	let bytes = 0;
	let files = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile()) continue;
		bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
		files++;
	}
	return { bytes, files };
}

/** How many of a folder's files end with `suffix` (0 when it is absent). */
const countFiles = (dir, suffix) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(suffix)).length : 0);

function machineInfo(browserVersion) {
	let cpu = cpus()[0]?.model?.trim() || 'unknown';
	try {
		const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
		if (line) cpu = line.split(':')[1].trim();
	} catch {
		// not Linux
	}
	return {
		cpu,
		cores: cpus().length,
		memoryGiB: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		chromium: browserVersion,
		chromiumPath: CHROMIUM,
		date: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
	};
}

async function main() {
	if (!CHROMIUM) throw new Error('No Chromium at /usr/bin/chromium (sudo apt-get install chromium)');
	const loadStart = loadavg()[0].toFixed(2);
	tmp = mkdtempSync(join(tmpdir(), 'timeline-bench-'));
	log(`temporary folder ${tmp}${QUICK ? ' (quick mode)' : ''}`);

	/* ---- 1. datasets and builds */
	const realSources = resolve(PROJECT, process.env.TIMELINE_SOURCES_DIR ?? 'sources');
	const datasets = [{ name: 'real', label: 'real (events.json)', eventsFile: join(PROJECT, 'events.json'), sourcesDir: realSources }];
	const counts = QUICK ? [1000] : [1000, 10000];
	for (const count of counts) {
		const name = count >= 1000 ? `${count / 1000}k` : String(count);
		const eventsFile = join(tmp, 'data', `events-${name}.json`);
		const sourcesDir = join(tmp, 'data', `texts-${name}`);
		mkdirSync(join(tmp, 'data'), { recursive: true });
		writeDataset(count, eventsFile, sourcesDir);
		datasets.push({ name, label: `${count.toLocaleString('en')} generated`, eventsFile, sourcesDir });
	}
	for (const dataset of datasets) {
		const data = JSON.parse(readFileSync(dataset.eventsFile, 'utf8'));
		dataset.data = data;
		dataset.events = data.events.length;
		dataset.citations = data.events.reduce((sum, event) => sum + event.citations.length, 0);
		dataset.verbatimChecked = existsSync(dataset.sourcesDir);
	}
	log(`datasets: ${datasets.map((d) => `${d.name} (${d.events} events, ${d.citations} citations)`).join(', ')}`);

	const project = join(tmp, 'project');
	snapshotProject(project);
	const EVENT_PAGE_SAMPLE = 100;
	for (const dataset of datasets) {
		dataset.buildDir = join(tmp, `build-${dataset.name}`);
		const started = Date.now();
		log(`building ${dataset.name} …`);
		await run(process.execPath, [join(project, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
			cwd: project,
			env: {
				TIMELINE_BUILD_DIR: dataset.buildDir,
				TIMELINE_EVENTS_FILE: dataset.eventsFile,
				TIMELINE_SOURCES_DIR: dataset.sourcesDir,
				// The pages are served from loopback; their oEmbed and card URLs need an absolute address.
				TIMELINE_SITE_URL: 'http://127.0.0.1',
				// Generated data gets a sample of event pages and share images (every real event has both).
				TIMELINE_EVENT_PAGES: dataset.name === 'real' ? 'all' : String(EVENT_PAGE_SAMPLE)
			},
			logFile: join(tmp, `build-${dataset.name}.log`)
		});
		dataset.buildMs = Date.now() - started;
		dataset.htmlBytes = { '/': fileSize(join(dataset.buildDir, 'index.html')), '/embed': fileSize(join(dataset.buildDir, 'embed.html')) };
		dataset.site = { ...folderSize(dataset.buildDir), eventPages: countFiles(join(dataset.buildDir, 'events'), '.html'), shareImages: countFiles(join(dataset.buildDir, 'share'), '.png') };
		log(`built ${dataset.name} in ${(dataset.buildMs / 1000).toFixed(1)} s (index.html ${(dataset.htmlBytes['/'] / 1e6).toFixed(1)} MB)`);
	}

	// The stack's own floor (SvelteKit + Svelte, then with d3-zoom, d3-scale and date-fns), to
	// set the /embed JS budget against what the chosen stack ships before any of our code.
	const floors = measureFloors();
	log(`stack floor: ${floors.map((floor) => `${floor.name} ${(floor.bytes / 1000).toFixed(1)} kB`).join('; ')}`);

	/* ---- 2. peers' pages and servers */
	const peersDir = join(tmp, 'peers');
	writePeerSite(peersDir, Object.fromEntries(datasets.map((d) => [d.name, d.data])));
	const ports = new Set();
	for (const dataset of datasets) {
		const { url } = await serve(dataset.buildDir, await freePort(4300, ports));
		dataset.url = url;
	}
	const peers = await serve(peersDir, await freePort(4300, ports));
	log(`serving ${datasets.map((d) => `${d.name} at ${d.url}`).join(', ')}, peers at ${peers.url}`);

	/* ---- 3. Lighthouse first, while nothing else runs */
	const real = datasets[0];
	const lighthouse = [];
	for (const path of ['/', '/embed']) {
		for (const formFactor of ['mobile']) {
			// Simulated mobile scores vary from run to run: several runs, the median one reported.
			const runs = [];
			for (let i = 0; i < (formFactor === 'mobile' ? LIGHTHOUSE_RUNS : 1); i++) {
				log(`Lighthouse ${formFactor} ${path} #${i + 1} …`);
				try {
					runs.push(await runLighthouse(`${real.url}${path}`, CHROMIUM, formFactor));
				} catch (error) {
					log(`Lighthouse ${formFactor} ${path} failed: ${error.message}`);
					if (!runs.length && i === 0) runs.error = String(error.message).split('\n')[0];
					break;
				}
			}
			if (!runs.length) {
				lighthouse.push({ path, formFactor, error: runs.error ?? 'no result' });
				continue;
			}
			const sorted = [...runs].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
			const chosen = sorted[(sorted.length - 1) >> 1];
			lighthouse.push({ path, formFactor, ...chosen, allPerformance: runs.map((r) => r.scores.performance) });
		}
	}

	/* ---- 4. page measurements, one browser for all */
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	const machine = machineInfo(browser.version());
	machine.loadStart = loadStart;
	machine.loadMeasure = loadavg()[0].toFixed(2);
	const rows = [];
	try {
		for (const dataset of datasets) {
			// Our full page last: at 10,000 events it is by far the slowest, so if the run's time
			// budget runs out it is the one whose runs are cut, not the peers'.
			const pages = [
				{ tool: 'ours', page: '/embed', url: `${dataset.url}/embed` },
				{ tool: 'timelinejs', page: 'page', url: `${peers.url}/timelinejs.html?data=${dataset.name}` },
				{ tool: 'vis', page: 'page', url: `${peers.url}/vis.html?data=${dataset.name}` },
				{ tool: 'ours', page: '/', url: `${dataset.url}/` }
			];
			for (const { tool, page, url } of pages) {
				const row = { tool, dataset: dataset.name, page, url };
				const reps = QUICK ? 1 : dataset.name === 'real' ? 5 : 3;
				const result = await measurePage(browser, { tool, url, reps, frameReps: QUICK ? 1 : 3, deadline: STARTED + DEADLINE_MS, log });
				Object.assign(row, result);
				if (result.cut) row.note = result.cut;
				rows.push(row);
				if (result.outside.length) {
					throw new Error(`${tool} ${dataset.name} made requests off this machine: ${[...new Set(result.outside)].slice(0, 5).join(', ')}`);
				}
			}
		}
	} finally {
		await browser.close();
	}
	// Report order: per dataset, ours / and /embed, then the peers.
	const ORDER = ['ours /', 'ours /embed', 'timelinejs page', 'vis page'];
	const datasetIndex = (name) => datasets.findIndex((d) => d.name === name);
	rows.sort((a, b) => datasetIndex(a.dataset) - datasetIndex(b.dataset) || ORDER.indexOf(`${a.tool} ${a.page}`) - ORDER.indexOf(`${b.tool} ${b.page}`));

	/* ---- 4b. Lighthouse's desktop preset, an extra for when the run has time left */
	for (const path of QUICK ? [] : ['/', '/embed']) {
		if (Date.now() - STARTED > DESKTOP_LIGHTHOUSE_BEFORE_MS) {
			log(`skipping Lighthouse desktop ${path}: time budget`);
			continue;
		}
		log(`Lighthouse desktop ${path} …`);
		try {
			lighthouse.push({ path, formFactor: 'desktop', ...(await runLighthouse(`${real.url}${path}`, CHROMIUM, 'desktop')) });
		} catch (error) {
			lighthouse.push({ path, formFactor: 'desktop', error: String(error.message).split('\n')[0] });
		}
	}

	/* ---- 5. report */
	machine.loadEnd = loadavg()[0].toFixed(2);
	const reportInput = {
		machine,
		versions: peerVersions(),
		datasets: datasets.map(({ data, ...rest }) => rest),
		rows,
		floors,
		lighthouse,
		lighthouseRuns: LIGHTHOUSE_RUNS,
		totalMs: Date.now() - STARTED,
		quick: QUICK
	};
	const report = buildReport(reportInput);
	console.log(`\n${report}`);
	if (WRITE) {
		writeFileSync(join(PROJECT, 'docs', 'bench.md'), report);
		log('wrote docs/bench.md');
	}
	if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ ...reportInput }, null, 2));
}

/** --from-json <file>: the report again from a run's saved results (no builds, no measurements). */
function reportFromJson(file) {
	const saved = JSON.parse(readFileSync(file, 'utf8'));
	const report = buildReport({ versions: peerVersions(), lighthouseRuns: 3, totalMs: null, ...saved });
	console.log(report);
	if (WRITE) writeFileSync(join(PROJECT, 'docs', 'bench.md'), report);
}

const FROM_JSON = args.includes('--from-json') ? resolve(args[args.indexOf('--from-json') + 1]) : null;
(FROM_JSON ? Promise.resolve().then(() => reportFromJson(FROM_JSON)) : main())
	.then(() => {
		cleanup();
		log('done');
		process.exit(0);
	})
	.catch((error) => {
		console.error(`[bench] FAILED: ${error.stack ?? error}`);
		cleanup();
		process.exit(1);
	});
