// The JS floor of our stack: how many gzipped bytes a prerendered SvelteKit 2 + Svelte 5 page
// ships before it does anything of ours, and with the libraries the timeline cannot do without
// (d3-zoom for the gestures, d3-scale, date-fns's format). Built for real with this project's
// node_modules, in a throwaway folder, and measured as the benchmark measures /embed (the JS the
// page loads, gzipped with zlib's default level). The report sets our /embed JS against it.
//
//   node scripts/bench/floor.mjs          prints the figures as JSON
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Each floor: what its one page imports and does. */
const FLOORS = {
	'SvelteKit + Svelte only': {
		script: `let count = $state(0);`,
		markup: `<button onclick={() => count++}>Clicked {count} times</button>`
	},
	'+ d3-zoom, d3-scale, date-fns format': {
		script: `
	import { zoom } from 'd3-zoom';
	import { select } from 'd3-selection';
	import 'd3-transition';
	import { scaleUtc } from 'd3-scale';
	import { format } from 'date-fns';
	let k = $state(1);
	const x = scaleUtc().domain([new Date(1991, 0, 1), new Date(2025, 9, 1)]).range([0, 800]);
	function zoomable(node) {
		const behaviour = zoom().on('zoom', (event) => (k = event.transform.k));
		select(node).call(behaviour);
		node.ondblclick = () => select(node).transition().duration(250).call(behaviour.scaleBy, 2);
	}`,
		markup: `<div use:zoomable style="height: 100px">{format(x.invert(400 / k), 'd MMMM yyyy')}</div>`
	}
};

function buildFloor(name, { script, markup }) {
	const dir = mkdtempSync(join(tmpdir(), 'timeline-floor-'));
	try {
		symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
		writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'floor', private: true, type: 'module' }));
		writeFileSync(
			join(dir, 'svelte.config.js'),
			`import adapter from '@sveltejs/adapter-static';\nexport default { kit: { adapter: adapter({ pages: 'build', assets: 'build', strict: true }) } };\n`
		);
		writeFileSync(join(dir, 'vite.config.js'), `import { sveltekit } from '@sveltejs/kit/vite';\nexport default { plugins: [sveltekit()], logLevel: 'error' };\n`);
		mkdirSync(join(dir, 'src/routes'), { recursive: true });
		writeFileSync(join(dir, 'src/app.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8" />%sveltekit.head%</head><body>%sveltekit.body%</body></html>\n');
		writeFileSync(join(dir, 'src/routes/+layout.js'), 'export const prerender = true;\n');
		writeFileSync(join(dir, 'src/routes/+page.svelte'), `<script>${script}\n</script>\n\n${markup}\n`);
		const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: dir, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${name}: vite build failed\n${result.stdout}\n${result.stderr}`);
		const html = readFileSync(join(dir, 'build/index.html'), 'utf8');
		// The page's JS: its modulepreload links (SvelteKit lists every chunk the page imports).
		const files = [...html.matchAll(/<link href="([^"]+\.js)" rel="modulepreload"/g)].map((match) => match[1]);
		const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(dir, 'build', file))).length, 0);
		return { name, bytes, files: files.length };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export function measureFloors() {
	return Object.entries(FLOORS).map(([name, floor]) => buildFloor(name, floor));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	console.log(JSON.stringify(measureFloors(), null, 2));
}
