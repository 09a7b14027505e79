/**
 * Reads and validates events.json at build time (Node only). The build fails with every problem
 * listed when the data is bad; the page never sees invalid data.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTimeline } from '../timeline/build.ts';
import type { Timeline } from '../timeline/events.ts';
import type { RawTimelineData } from '../timeline/schema.ts';
import { parseJsonText, TimelineDataError, validateTimelineData, type SourceTexts } from '../timeline/validate.ts';

/**
 * Where the data and the source texts are. The texts live in the repository (sources/); both can
 * be pointed elsewhere for fixtures. Skipping the verbatim check is an explicit choice
 * (TIMELINE_SKIP_VERBATIM=1), never what a missing folder silently does.
 */
export function dataPaths(root = process.cwd()) {
	return {
		eventsFile: resolve(root, process.env.TIMELINE_EVENTS_FILE ?? 'events.json'),
		sourcesDir: resolve(root, process.env.TIMELINE_SOURCES_DIR ?? 'sources'),
		skipVerbatim: process.env.TIMELINE_SKIP_VERBATIM === '1'
	};
}

export type DataPaths = ReturnType<typeof dataPaths>;

/** The source texts by file name; throws a TimelineDataError naming the folder and the fix when it is absent. */
export function readSourceTexts(folder: string): Map<string, string> {
	if (!existsSync(folder)) {
		throw new TimelineDataError(
			[
				`${folder}: expected the folder of source texts the excerpts are checked against, got no such folder. ` +
					'Restore it (git checkout -- sources) or point TIMELINE_SOURCES_DIR at the texts; ' +
					'a fixture without texts can set TIMELINE_SKIP_VERBATIM=1 to skip the verbatim check.'
			],
			'events.json'
		);
	}
	const names = readdirSync(folder).filter((name) => name.endsWith('.txt'));
	return new Map(names.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}

/** What the build checked, said in one line (the build prints it). */
export function checkSummary(timeline: Timeline, texts: SourceTexts, folder: string): string {
	const excerpts = timeline.events.reduce((sum, event) => sum + event.citations.length, 0);
	const events = `${timeline.events.length} events`;
	if (!texts) return `events.json: ${events}; verbatim check of ${excerpts} excerpts SKIPPED (TIMELINE_SKIP_VERBATIM=1)`;
	return `events.json: ${events}; ${excerpts} excerpts checked verbatim against ${texts.size} source texts in ${folder}`;
}

/**
 * Reads, validates and builds the timeline; throws TimelineDataError listing every problem.
 * `report` hears one line saying what was checked.
 */
export function loadTimeline(paths: DataPaths = dataPaths(), report?: (message: string) => void): Timeline {
	return loadTimelineData(paths, report).timeline;
}

/** The validated data as events.json holds it (what the browser builds its Timeline from) and the Timeline. */
export interface TimelineData {
	raw: RawTimelineData;
	timeline: Timeline;
}

let cached: { key: string; data: TimelineData } | null = null;

/**
 * loadTimeline() for the routes: every prerendered page, image and oEmbed response reads the same
 * data, so it is read and checked once per build (again in `vite dev` when events.json changes).
 */
export function cachedTimelineData(paths: DataPaths = dataPaths()): TimelineData {
	let modified = 0;
	try {
		modified = statSync(paths.eventsFile).mtimeMs;
	} catch {
		// loadTimelineData names the missing file.
	}
	const key = JSON.stringify([paths, modified]);
	if (cached?.key !== key) cached = { key, data: loadTimelineData(paths) };
	return cached.data;
}

function loadTimelineData(paths: DataPaths, report?: (message: string) => void): TimelineData {
	const fileName = paths.eventsFile;
	let text: string;
	try {
		text = readFileSync(fileName, 'utf8');
	} catch (error) {
		throw new TimelineDataError([`${fileName}: expected a readable file, got ${(error as Error).message}`], fileName);
	}
	const parsed = parseJsonText(text, 'events.json');
	if (parsed.problems.length > 0) throw new TimelineDataError(parsed.problems, fileName);
	const texts = paths.skipVerbatim ? null : readSourceTexts(paths.sourcesDir);
	const { data, problems } = validateTimelineData(parsed.value, texts);
	if (!data) throw new TimelineDataError(problems, fileName);
	const timeline = buildTimeline(data);
	report?.(checkSummary(timeline, texts, paths.sourcesDir));
	return { raw: data, timeline };
}
