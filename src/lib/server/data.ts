/**
 * Reads and validates events.json at build time (Node only). The build fails with every problem
 * listed when the data is bad; the page never sees invalid data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildTimeline, type Timeline } from '../timeline/events.ts';
import { parseJsonText, TimelineDataError, validateTimelineData, type SourceTexts } from '../timeline/validate.ts';

/** Where the data and the source texts are; both can be pointed elsewhere for fixtures. */
export function dataPaths(root = process.cwd()) {
	return {
		eventsFile: resolve(root, process.env.TIMELINE_EVENTS_FILE ?? 'events.json'),
		sourcesDir: resolve(root, process.env.TIMELINE_SOURCES_DIR ?? '../shared/seeds')
	};
}

/** The source texts by file name, or null (with a warning) when the folder is absent. */
export function readSourceTexts(folder: string, warn: (message: string) => void = console.warn): SourceTexts {
	if (!existsSync(folder)) {
		warn(`Source texts folder ${folder} not found: skipping the check that excerpts are verbatim (set TIMELINE_SOURCES_DIR).`);
		return null;
	}
	const names = readdirSync(folder).filter((name) => name.endsWith('.txt'));
	return new Map(names.map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}

/** Reads, validates and builds the timeline; throws TimelineDataError listing every problem. */
export function loadTimeline(paths = dataPaths(), warn?: (message: string) => void): Timeline {
	const fileName = paths.eventsFile;
	let text: string;
	try {
		text = readFileSync(fileName, 'utf8');
	} catch (error) {
		throw new TimelineDataError([`${fileName}: expected a readable file, got ${(error as Error).message}`], fileName);
	}
	const parsed = parseJsonText(text, 'events.json');
	if (parsed.problems.length > 0) throw new TimelineDataError(parsed.problems, fileName);
	const { data, problems } = validateTimelineData(parsed.value, readSourceTexts(paths.sourcesDir, warn));
	if (!data) throw new TimelineDataError(problems, fileName);
	return buildTimeline(data);
}
