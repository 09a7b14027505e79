// The peer tools the site is compared with, built as local pages from node_modules: TimelineJS3
// (@knight-lab/timelinejs) and vis-timeline (standalone build). Each page loads the library from
// a folder copied into the benchmark's temporary site, and its data (converted from events.json
// here) from a JSON file beside it, so nothing is requested from another host.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const packageDir = (name) => join(PROJECT, 'node_modules', name);

/** "2025-01-17" → { year, month, day } as TimelineJS wants (month and day only when given). */
function tlDate(text) {
	const [year, month, day] = text.split('-').map(Number);
	const date = { year };
	if (month) date.month = month;
	if (day) date.day = day;
	return date;
}

const escapeHtml = (text) =>
	String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** events.json → TimelineJS JSON: one slide per event; the slide text holds the summary and every excerpt. */
export function toTimelineJS(data) {
	const sources = new Map(data.sources.map((source) => [source.id, source]));
	return {
		title: { text: { headline: escapeHtml(data.title), text: `<p>${escapeHtml(data.description)}</p>` } },
		eras: data.eras.map((era) => ({ start_date: tlDate(era.start), end_date: tlDate(era.end), text: { headline: escapeHtml(era.name) } })),
		events: data.events.map((event) => {
			const quotes = event.citations
				.map((citation) => {
					const source = sources.get(citation.source);
					const by = [source?.outlet, source?.author].filter(Boolean).join(', ') || 'unknown source';
					return `<blockquote>${escapeHtml(citation.excerpt)}</blockquote><p>— ${escapeHtml(by)}</p>`;
				})
				.join('');
			const slide = {
				unique_id: event.id,
				start_date: tlDate(event.date),
				text: { headline: escapeHtml(event.title), text: `<p>${escapeHtml(event.summary)}</p>${quotes}` },
				group: event.themes[0]
			};
			if (event.end) slide.end_date = tlDate(event.end);
			return slide;
		})
	};
}

/** A partial date's first day as an ISO date ("2023" → "2023-01-01"). */
const isoStart = (text) => (text.length === 4 ? `${text}-01-01` : text.length === 7 ? `${text}-01` : text);

/** events.json → vis-timeline items: one item per event (a box, or a range for spans). */
export function toVis(data) {
	return data.events.map((event) => {
		const item = { id: event.id, content: escapeHtml(event.title), start: isoStart(event.date), title: escapeHtml(event.summary), className: event.themes[0] };
		if (event.end) {
			item.end = isoStart(event.end);
			item.type = 'range';
		}
		return item;
	});
}

const TL_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TimelineJS3 (benchmark)</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script>
<style>html, body { margin: 0; } #timeline { width: 100%; height: 720px; }</style>
</head>
<body>
<div id="timeline"></div>
<script>
const dataset = new URLSearchParams(location.search).get('data');
fetch('/data/' + dataset + '.timelinejs.json')
	.then((response) => response.json())
	.then((data) => {
		// script_path local and font null: TimelineJS loads its locale from here and no web font.
		window.timeline = new TL.Timeline('timeline', data, {
			script_path: location.origin + '/tl/js/',
			font: null,
			theme: null,
			ga_measurement_id: null,
			hash_bookmark: false,
			language: 'en'
		});
	});
</script>
</body>
</html>
`;

const VIS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vis-timeline (benchmark)</title>
<link rel="stylesheet" href="/vis/vis-timeline-graph2d.min.css">
<script src="/vis/vis-timeline-graph2d.min.js"></script>
<style>html, body { margin: 0; font-family: system-ui, sans-serif; } #timeline { width: 100%; }</style>
</head>
<body>
<div id="timeline"></div>
<script>
const dataset = new URLSearchParams(location.search).get('data');
fetch('/data/' + dataset + '.vis.json')
	.then((response) => response.json())
	.then((items) => {
		window.timeline = new vis.Timeline(document.getElementById('timeline'), new vis.DataSet(items), {
			zoomKey: 'ctrlKey',
			height: '720px',
			min: '1990-01-01',
			max: '2026-12-31',
			zoomMin: 7 * 24 * 3600 * 1000
		});
	});
</script>
</body>
</html>
`;

/**
 * Writes the peers' site into `root`: the libraries copied from node_modules, one page per tool
 * (the dataset is a query parameter) and each dataset converted to each tool's format.
 * datasets: { name: data }.
 */
export function writePeerSite(root, datasets) {
	mkdirSync(join(root, 'data'), { recursive: true });
	const tl = join(packageDir('@knight-lab/timelinejs'), 'dist');
	cpSync(join(tl, 'js'), join(root, 'tl', 'js'), { recursive: true, filter: (path) => !path.endsWith('.map') });
	cpSync(join(tl, 'css'), join(root, 'tl', 'css'), { recursive: true, filter: (path) => !path.endsWith('.map') });
	const vis = packageDir('vis-timeline');
	mkdirSync(join(root, 'vis'), { recursive: true });
	cpSync(join(vis, 'standalone', 'umd', 'vis-timeline-graph2d.min.js'), join(root, 'vis', 'vis-timeline-graph2d.min.js'));
	cpSync(join(vis, 'styles', 'vis-timeline-graph2d.min.css'), join(root, 'vis', 'vis-timeline-graph2d.min.css'));
	writeFileSync(join(root, 'timelinejs.html'), TL_PAGE);
	writeFileSync(join(root, 'vis.html'), VIS_PAGE);
	for (const [name, data] of Object.entries(datasets)) {
		writeFileSync(join(root, 'data', `${name}.timelinejs.json`), JSON.stringify(toTimelineJS(data)));
		writeFileSync(join(root, 'data', `${name}.vis.json`), JSON.stringify(toVis(data)));
	}
}

/** Installed versions of the peers, for the report. */
export function peerVersions() {
	const version = (name) => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
	return { timelinejs: version('@knight-lab/timelinejs'), visTimeline: version('vis-timeline') };
}
