/**
 * A bad events.json fails the real build, listing every problem at once with its path, value and
 * what was expected. Runs `vite build` on fixtures written from the real events.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

function buildWith(events: string) {
	const dir = mkdtempSync(join(tmpdir(), 'timeline-bad-data-'));
	const file = join(dir, 'events.json');
	writeFileSync(file, events);
	const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', join(dir, 'out')], {
		env: { ...process.env, TIMELINE_EVENTS_FILE: file, TIMELINE_SITE_URL: 'http://127.0.0.1' },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test('a bad events.json fails the build, naming every problem at once', () => {
	const data = JSON.parse(readFileSync('events.json', 'utf8'));
	data.events[3].date = '12/3/99';
	data.events[5].citations[0].source = 's999';
	data.events[7].themes = ['weather'];
	data.events[9].citations[0].excerpt = 'Words that no source ever printed.';
	data.events[11].id = data.events[10].id;
	const { status, output } = buildWith(JSON.stringify(data, null, 2));
	expect(status).not.toBe(0);
	expect(output).toContain('events.json has 5 problems');
	expect(output).toContain('events[3].date: expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got "12/3/99"');
	expect(output).toContain('events[5].citations[0].source: expected the id of a source');
	expect(output).toContain('events[7].themes[0]: expected one of "diplomacy"');
	expect(output).toContain('events[9].citations[0].excerpt: expected a verbatim span of');
	expect(output).toContain(`events[11].id: expected a unique id (events[10] has it too), got "${data.events[10].id}"`);
});

test('events.json that is not JSON fails the build with the parse error', () => {
	const { status, output } = buildWith('{"title": "x",}');
	expect(status).not.toBe(0);
	expect(output).toContain('events.json: expected valid JSON, got a parse error');
});
