#!/usr/bin/env node
// Synthetic datasets for the benchmark: N events over 1991–2025 that pass the site's validator
// (schema, unique slugs, known sources, excerpts verbatim in source texts with prefix + excerpt +
// suffix standing together). Source texts are written to a folder next to the data file.
//
// usage: node scripts/bench/generate.mjs <count> <events.json> <sources-folder> [seed]
//
// Shape follows the real events.json: ~2 citations per event (1–3 here), excerpts of ~150
// characters with a sentence of context either side, titles of ~65 characters, summaries of
// ~200, a note on about a third of events, a few spans, context and approximate events.
// Dates cluster: more events in recent years, and bursts around a few key dates (days–weeks).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Small deterministic PRNG (mulberry32), so each dataset is the same on every run. */
export function prng(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const THEMES = ['diplomacy', 'military-security', 'nuclear-energy', 'economy-trade', 'multilateral', 'sanctions'];
// Weights as in the real data (diplomacy most common).
const THEME_WEIGHTS = [23, 16, 5, 7, 7, 5];
const TYPES = ['news report', 'analysis', 'opinion', 'government statement'];

const ACTORS = ['Moscow', 'Tehran', 'the Kremlin', 'Iran’s foreign ministry', 'Russia’s defence ministry', 'Rosatom', 'the Atomic Energy Organization of Iran', 'Gazprom', 'the Central Bank of Iran', 'Russian officials', 'Iranian officials', 'the two presidents', 'the foreign ministers', 'a joint commission', 'parliamentary delegations'];
const VERBS = ['signed', 'discussed', 'announced', 'postponed', 'reviewed', 'expanded', 'criticised', 'welcomed', 'negotiated', 'proposed', 'confirmed', 'denied', 'finalised', 'questioned', 'praised'];
const OBJECTS = ['a memorandum on energy cooperation', 'new arrangements for trade settlement in national currencies', 'the supply of air-defence systems', 'fuel deliveries for the Bushehr plant', 'a rail link on the North–South corridor', 'joint naval exercises in the Caspian Sea', 'a protocol on customs harmonisation', 'the extension of a gas swap deal', 'coordination at the Shanghai Cooperation Organization', 'positions ahead of the BRICS summit', 'the response to new Western sanctions', 'cooperation on satellite launches', 'a visa-free regime for tourist groups', 'grain shipments across the Caspian', 'the creation of a joint payment system'];
const TAILS = ['according to a statement published afterwards', 'officials told reporters', 'in remarks carried by state media', 'diplomats familiar with the talks said', 'though details were not disclosed', 'after several rounds of talks', 'despite earlier disagreements over pricing', 'while analysts urged caution about the timeline', 'in a move observers called symbolic', 'with a follow-up meeting planned for the autumn'];
const PLACES = ['Moscow', 'Tehran', 'Astrakhan', 'Bandar Abbas', 'Kazan', 'Isfahan', 'Sochi', 'Ashgabat', 'Baku', 'Astana', 'Geneva', 'Vienna', 'New York', 'Beijing', 'Bushehr'];
const TITLE_VERBS = ['sign', 'discuss', 'announce', 'expand', 'review', 'agree on', 'negotiate', 'debate', 'launch', 'suspend'];
const TITLE_SUBJECTS = ['Russia and Iran', 'Russian and Iranian ministers', 'Moscow and Tehran', 'Officials from both countries', 'The two governments', 'Delegations'];
const TITLE_OBJECTS = ['energy cooperation', 'a transport corridor deal', 'arms deliveries', 'nuclear fuel supplies', 'trade in national currencies', 'a naval exercise', 'sanctions relief talks', 'a banking link', 'grain exports', 'space cooperation', 'a customs agreement', 'regional security'];
const NOTE_BITS = ['The sources disagree on the exact date.', 'Only one source reports this; the others are silent.', 'The date is given relatively in the source ("earlier this year").', 'Figures differ between the sources.', 'The source attributes this to unnamed officials.'];

// Key dates around which events cluster (bursts of days to weeks), with relative weight.
const CLUSTERS = [
	['1995-01-08', 1], ['2000-10-12', 1], ['2007-09-15', 1], ['2010-06-09', 1.5], ['2013-09-12', 1.5],
	['2015-07-14', 2.5], ['2015-09-30', 2.5], ['2018-05-08', 2], ['2020-10-18', 1.5], ['2022-02-24', 4],
	['2022-09-15', 2.5], ['2023-07-04', 2.5], ['2024-07-30', 2.5], ['2024-10-22', 3], ['2025-01-17', 6],
	['2025-09-28', 3], ['2025-10-23', 3]
];
const START = Date.UTC(1991, 0, 1);
const END = Date.UTC(2025, 10, 30);
const DAY = 86_400_000;

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** Generates { data, texts } for `count` events. texts: Map file name → text. */
export function generateDataset(count, seed = 20250117) {
	const random = prng(seed + count);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const weighted = (list, weights) => {
		const total = weights.reduce((a, b) => a + b, 0);
		let r = random() * total;
		for (let i = 0; i < list.length; i++) if ((r -= weights[i]) < 0) return list[i];
		return list.at(-1);
	};
	const gaussian = () => {
		let u = 0;
		while (u === 0) u = random();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
	};

	// ---- source texts: sentences joined by a space or a newline; a citation quotes one sentence
	// and takes the sentence on each side (with its separator) as prefix and suffix.
	const sourceCount = count >= 5000 ? 60 : count >= 500 ? 30 : 10;
	const sentencesPerSource = Math.max(60, Math.ceil((count * 2.2) / sourceCount / 2));
	let serial = 0;
	const sentence = () => {
		serial++;
		const actor = pick(ACTORS);
		const text = `${actor[0].toUpperCase()}${actor.slice(1)} ${pick(VERBS)} ${pick(OBJECTS)} in ${pick(PLACES)} (item ${serial}), ${pick(TAILS)}.`;
		// Some sentences quote someone, with curly quotes as in the real sources.
		return random() < 0.2 ? `${text} “We see ${pick(OBJECTS)} as a priority,” one official said.` : text;
	};
	const sources = [];
	const texts = new Map();
	const sentencesOf = [];
	for (let s = 0; s < sourceCount; s++) {
		const sentences = Array.from({ length: sentencesPerSource }, sentence);
		const separators = sentences.map(() => (random() < 0.2 ? '\n' : ' '));
		const file = `bench_${pad(s, 3)}.txt`;
		texts.set(file, sentences.map((line, i) => (i === 0 ? line : separators[i] + line)).join(''));
		sentencesOf.push({ sentences, separators });
		const unknown = random() < 0.25;
		const year = 1992 + Math.floor(random() * 34);
		sources.push({
			id: `b${pad(s, 3)}`,
			name: `Benchmark source ${s + 1}`,
			file,
			title: unknown ? null : `Report ${s + 1} on Russia–Iran relations`,
			outlet: unknown ? null : `${pick(['Daily', 'Weekly', 'Review', 'Monitor'])} ${pick(PLACES)}`,
			author: random() < 0.3 ? null : `Author ${s + 1}`,
			published: unknown ? null : `${Math.min(year, 2025)}-${pad(1 + Math.floor(random() * 12))}`,
			url: unknown ? null : `https://example.org/bench/${s + 1}`,
			type: pick(TYPES),
			// Every known value says where it came from, as the real data must.
			provenance: unknown
				? {}
				: { title: 'The headline.', outlet: 'The masthead.', published: 'The date line.', url: 'Where it was read.' }
		});
		if (sources.at(-1).author) sources.at(-1).provenance.author = 'The byline.';
	}
	const citation = () => {
		const s = Math.floor(random() * sourceCount);
		const { sentences, separators } = sentencesOf[s];
		const i = 1 + Math.floor(random() * (sentences.length - 2));
		const excerpt = sentences[i];
		const result = {
			source: sources[s].id,
			excerpt,
			prefix: sentences[i - 1] + separators[i],
			suffix: separators[i + 1] + sentences[i + 1]
		};
		if (excerpt.includes('one official said')) result.speaker = 'an official';
		return result;
	};

	// ---- dates: 55% spread over 1991–2025 weighted towards recent years, 45% in bursts.
	const clusterWeights = CLUSTERS.map(([, w]) => w);
	const randomTime = () => {
		if (random() < 0.45) {
			const [centre] = weighted(CLUSTERS, clusterWeights);
			const spreadDays = random() < 0.5 ? 3 : 30;
			return Date.parse(centre) + Math.round(gaussian() * spreadDays) * DAY;
		}
		// Density rising towards the present: t = start + (end - start) * sqrt(u).
		return START + (END - START) * Math.sqrt(random());
	};
	const dateText = (time, precision) => {
		const d = new Date(Math.min(END, Math.max(START, time)));
		const y = d.getUTCFullYear();
		if (precision === 'year') return String(y);
		if (precision === 'month') return `${y}-${pad(d.getUTCMonth() + 1)}`;
		return `${y}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	};

	const events = [];
	const ids = new Set();
	for (let n = 0; n < count; n++) {
		const time = randomTime();
		const r = random();
		const precision = r < 0.65 ? 'day' : r < 0.9 ? 'month' : 'year';
		const date = dateText(time, precision);
		const subject = pick(TITLE_SUBJECTS);
		const object = pick(TITLE_OBJECTS);
		const title = `${subject} ${pick(TITLE_VERBS)} ${object} in ${pick(PLACES)}`;
		const slugBase = `${object}-${n + 1}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
		let id = slugBase;
		for (let k = 2; ids.has(id); k++) id = `${slugBase}-${k}`;
		ids.add(id);
		const themes = [weighted(THEMES, THEME_WEIGHTS)];
		if (random() < 0.35) {
			const second = weighted(THEMES, THEME_WEIGHTS);
			if (!themes.includes(second)) themes.push(second);
		}
		const citationCount = 1 + Math.floor(random() * 3);
		const event = {
			id,
			date,
			title,
			dateBasis: 'sources',
			summary: `${subject} ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(TAILS)}. The sources describe ${pick(OBJECTS)} as part of a wider effort; ${pick(TAILS)}.`,
			themes,
			citations: Array.from({ length: citationCount }, citation)
		};
		// A few spans (an end after the start), as in the real data.
		if (random() < 0.03) {
			const endTime = Math.min(END, time + (60 + random() * 2000) * DAY);
			const end = dateText(endTime, 'month');
			if (Date.parse(`${end}-01`) > Date.parse(`${dateText(time, 'month')}-01`) + 31 * DAY) {
				event.date = dateText(time, 'month');
				event.end = end;
			}
		}
		if (random() < 0.2) event.approximate = true;
		if (random() < 0.15) event.context = true;
		if (random() < 0.35) event.notes = [{ kind: 'editorial', text: pick(NOTE_BITS) }];
		events.push(event);
	}
	// Axis order, as an editor would keep the file.
	events.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

	const real = JSON.parse(readFileSync(new URL('../../events.json', import.meta.url), 'utf8'));
	const data = {
		title: real.title,
		description: `${real.description} (Synthetic benchmark data: ${count.toLocaleString('en')} generated events.)`,
		updated: real.updated,
		sources,
		eras: real.eras,
		events
	};
	return { data, texts };
}

/** Writes the dataset: the data file and one text file per source in `sourcesDir`. */
export function writeDataset(count, eventsFile, sourcesDir, seed) {
	const { data, texts } = generateDataset(count, seed);
	mkdirSync(sourcesDir, { recursive: true });
	for (const [file, text] of texts) writeFileSync(join(sourcesDir, file), text);
	writeFileSync(eventsFile, JSON.stringify(data, null, '\t'));
	return data;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [count, eventsFile, sourcesDir, seed] = process.argv.slice(2);
	if (!count || !eventsFile || !sourcesDir) {
		console.error('usage: node scripts/bench/generate.mjs <count> <events.json> <sources-folder> [seed]');
		process.exit(2);
	}
	const data = writeDataset(Number(count), eventsFile, sourcesDir, seed ? Number(seed) : undefined);
	console.log(`${data.events.length} events, ${data.sources.length} sources → ${eventsFile}, ${sourcesDir}`);
}
