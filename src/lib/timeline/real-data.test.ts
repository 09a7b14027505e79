/**
 * The real events.json against the real source texts (sources/): the checks `npm run build`
 * relies on, plus the events the brief asks for. Paths are resolved from this file, not the cwd.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { dataPaths, loadTimeline, readSourceTexts } from '../server/data.ts';
import { TimelineDataError, validateTimelineData } from './validate.ts';
import type { RawTimelineData } from './schema.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const paths = dataPaths(ROOT);
const raw = JSON.parse(readFileSync(paths.eventsFile, 'utf8')) as RawTimelineData;
const texts = readSourceTexts(paths.sourcesDir);

describe('events.json', () => {
	it('validateTimelineData(events.json, sources) has no problems', () => {
		expect(texts).not.toBeNull();
		expect(validateTimelineData(raw, texts).problems).toEqual([]);
	});

	it('loadTimeline() reads events.json and reports the excerpts it checked against sources/', () => {
		const report = vi.fn();
		const timeline = loadTimeline(paths, report);
		const excerpts = raw.events.reduce((sum, event) => sum + event.citations.length, 0);
		expect(report).toHaveBeenCalledExactlyOnceWith(
			`events.json: ${raw.events.length} events; ${excerpts} excerpts checked verbatim against ${texts.size} source texts in ${paths.sourcesDir}`
		);
		expect(timeline.events).toHaveLength(raw.events.length);
		expect(timeline.sources).toHaveLength(raw.sources.length);
	});

	const timeline = loadTimeline(paths, () => {});
	const events = timeline.events;

	it('has 25–40 events and at least 60 citations', () => {
		expect(events.length).toBeGreaterThanOrEqual(25);
		expect(events.length).toBeLessThanOrEqual(40);
		expect(events.flatMap((event) => event.citations).length).toBeGreaterThanOrEqual(60);
	});

	it('loadTimeline() sorts the events by time', () => {
		for (let i = 1; i < events.length; i++) {
			expect(events[i]!.time, events[i]!.id).toBeGreaterThanOrEqual(events[i - 1]!.time);
		}
	});

	it('every citation is verbatim: excerpt and prefix + excerpt + suffix are spans of its source', () => {
		// A contained source (Borna News inside Zuesse's post) is checked against its container's text.
		const byId = new Map(raw.sources.map((source) => [source.id, source]));
		const files = new Map(raw.sources.map((source) => [source.id, source.within ? byId.get(source.within)!.file : source.file]));
		for (const event of raw.events) {
			event.citations.forEach((citation, j) => {
				const where = `${event.id} citation ${j}`;
				const text = texts?.get(files.get(citation.source)!);
				expect(text, where).toBeDefined();
				expect(text!.includes(citation.excerpt), where).toBe(true);
				const span = `${citation.prefix ?? ''}${citation.excerpt}${citation.suffix ?? ''}`;
				expect(text!.includes(span), where).toBe(true);
			});
		}
	});

	it.each([
		{ what: 'a 1991 event', test: (date: string) => date === '1991' },
		{ what: 'a 2013 event', test: (date: string) => date.startsWith('2013') },
		{ what: 'a February 2022 event', test: (date: string) => date.startsWith('2022-02') },
		{ what: 'a 17 January 2025 event', test: (date: string) => date === '2025-01-17' },
		{ what: 'an October 2025 event', test: (date: string) => date.startsWith('2025-10') }
	])('events.json has $what', ({ test }) => {
		expect(events.some((event) => test(event.date.text))).toBe(true);
	});

	it('events.json has an event on drones', () => {
		expect(events.some((event) => /drone/i.test(event.title))).toBe(true);
	});

	it('events.json has a 2023 BRICS event', () => {
		expect(events.some((event) => event.date.text.startsWith('2023') && /BRICS/.test(event.title))).toBe(
			true
		);
	});

	it('events.json has more than one event in October 2025', () => {
		expect(events.filter((event) => event.date.text.startsWith('2025-10')).length).toBeGreaterThan(1);
	});

	/* ---- labels and key events, for the plot */

	it('every event in events.json has a short label', () => {
		expect(events.filter((event) => event.label === null).map((event) => event.id)).toEqual([]);
	});

	it('the labels in events.json are unique', () => {
		const labels = events.map((event) => event.label);
		expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
	});

	// The brief names these: the post-Soviet ties of 1991, Iran's first nuclear power plant (2013),
	// the Shahed drones (2022), BRICS (2023), the treaty of 17 January 2025 and the statements of
	// October 2025 (Peskov's, quoted on the record; the Iranian officials are not named).
	it.each([
		'post-soviet-relationship',
		'bushehr-nuclear-plant',
		'shahed-drones',
		'iran-joins-brics',
		'treaty-signed',
		'peskov-iran-partner-jcpoa'
	])('events.json marks %s as a key event', (id) => {
		expect(events.find((event) => event.id === id)?.key).toBe(true);
	});

	it('events.json keeps its key events few (6 to 9), so the plot can name each at first glance', () => {
		const keys = events.filter((event) => event.key).length;
		expect(keys).toBeGreaterThanOrEqual(6);
		expect(keys).toBeLessThanOrEqual(9);
	});
});

describe('data.ts', () => {
	it('dataPaths(root) points at root/events.json and root/sources, verbatim check on', () => {
		expect(dataPaths('/x/main')).toEqual({
			eventsFile: '/x/main/events.json',
			sourcesDir: '/x/main/sources',
			skipVerbatim: false
		});
	});

	it('dataPaths(root) follows TIMELINE_EVENTS_FILE and TIMELINE_SOURCES_DIR', () => {
		vi.stubEnv('TIMELINE_EVENTS_FILE', 'fixtures/data.json');
		vi.stubEnv('TIMELINE_SOURCES_DIR', '/texts');
		vi.stubEnv('TIMELINE_SKIP_VERBATIM', '1');
		try {
			expect(dataPaths('/x/main')).toEqual({
				eventsFile: '/x/main/fixtures/data.json',
				sourcesDir: '/texts',
				skipVerbatim: true
			});
		} finally {
			vi.unstubAllEnvs();
		}
	});

	it('readSourceTexts(sources) maps each .txt file name to its text', () => {
		expect(texts).toBeInstanceOf(Map);
		const files = [...texts!.keys()];
		expect(files.length).toBeGreaterThan(0);
		expect(files.every((name) => name.endsWith('.txt'))).toBe(true);
		for (const source of raw.sources) if (!source.within) expect(files).toContain(source.file);
	});

	it('readSourceTexts(missing folder) throws, naming the folder and the fix', () => {
		expect(() => readSourceTexts('/no/such/folder')).toThrow(TimelineDataError);
		expect(() => readSourceTexts('/no/such/folder')).toThrow(/\/no\/such\/folder: expected the folder of source texts.*git checkout -- sources.*TIMELINE_SKIP_VERBATIM=1/s);
	});

	it('loadTimeline({ skipVerbatim: true }) builds without texts and reports the skip', () => {
		const report = vi.fn();
		loadTimeline({ ...paths, sourcesDir: '/no/such/folder', skipVerbatim: true }, report);
		expect(report.mock.calls[0]![0]).toMatch(/verbatim check of \d+ excerpts SKIPPED \(TIMELINE_SKIP_VERBATIM=1\)/);
	});

	it('loadTimeline({ eventsFile: missing }) throws a TimelineDataError naming the file', () => {
		const eventsFile = '/no/such/events.json';
		expect(() => loadTimeline({ ...paths, eventsFile })).toThrow(TimelineDataError);
		expect(() => loadTimeline({ ...paths, eventsFile })).toThrow(
			/\/no\/such\/events\.json: expected a readable file/
		);
	});
});
