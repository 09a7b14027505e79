/**
 * Every built HTML page (everything under build/, e.g. index.html, embed.html and the copy of
 * static/embed-example.html) is valid HTML according to the W3C Nu validator (vnu.jar, from the
 * vnu-jar devDependency), and so is the embed code the site hands out through oEmbed. Needs Java
 * and a build (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { removeDir, tempDir } from './fixture-build';

const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar';
const BUILD = 'build';

function htmlFiles(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return htmlFiles(path);
		return /\.html?$/i.test(entry.name) ? [path] : [];
	});
}

/**
 * The embed's panels in parts (routes/embed-panels) are fragments the embed reads in, not pages:
 * each is validated inside a page as the embed's (under its h1).
 */
const isFragment = (file: string) => relative(BUILD, file).startsWith('embed-panels');

/** The built pages, and any static page that is not copied into the build unchanged. */
const PAGES = htmlFiles(BUILD).filter((file) => !isFragment(file));
const FRAGMENTS = htmlFiles(BUILD).filter(isFragment);
const STATIC_ONLY = htmlFiles('static').filter((file) => {
	const built = join(BUILD, relative('static', file));
	return !existsSync(built) || readFileSync(built, 'utf8') !== readFileSync(file, 'utf8');
});

/** Stops with a message that says what to install when Java or the validator is missing. */
function requireValidator() {
	const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
	if (java.error || java.status !== 0) {
		throw new Error(
			'Java is not installed (or `java` is not on the PATH), and the W3C Nu validator (vnu.jar) needs it. ' +
				'Install a Java runtime, 11 or later: `sudo apt-get install default-jre-headless` on Debian/Ubuntu, ' +
				'`brew install openjdk` on macOS, or a JDK from https://adoptium.net; then check `java -version`. ' +
				`(${java.error?.message ?? java.stderr.trim()})`
		);
	}
	if (!existsSync(VNU)) throw new Error(`${VNU} is missing: run \`npm install\` (vnu-jar is a devDependency).`);
}

interface VnuMessage {
	type: string;
	subType?: string;
	url?: string;
	lastLine?: number;
	firstColumn?: number;
	lastColumn?: number;
	message: string;
	extract?: string;
}

/**
 * CSS the validator's CSS checker does not know yet, though every browser the site supports does
 * (Chromium 105, Firefox 110, Safari 16): container queries, which pick the prerendered plot's
 * layout by the plot's width. Only these two messages are let through; any other CSS error fails.
 */
const NOT_YET_IN_VNU = [/^CSS: “container-type”: Property “container-type” doesn't exist\.$/, /^CSS: Unrecognized at-rule “@container”\.?$/];

/** Validates files with vnu.jar (one JVM for all); returns the error lines of each file. */
function validate(files: string[]): Map<string, string[]> {
	requireValidator();
	const result = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
	let messages: VnuMessage[];
	try {
		messages = (JSON.parse(result.stderr || result.stdout) as { messages: VnuMessage[] }).messages;
	} catch {
		throw new Error(`vnu.jar did not answer in JSON (status ${result.status}):\n${result.stderr}\n${result.stdout}`);
	}
	const byFile = new Map(files.map((file) => [resolve(file), [] as string[]]));
	for (const message of messages) {
		if (message.type === 'info' || (message.type === 'error' && message.subType === 'warning')) continue;
		if (NOT_YET_IN_VNU.some((pattern) => pattern.test(message.message))) continue;
		const file = message.url ? resolve(decodeURIComponent(new URL(message.url).pathname)) : '(unknown file)';
		const at = message.lastLine ? `${message.lastLine}:${message.firstColumn ?? message.lastColumn}` : '';
		const line = `${relative('.', file)}:${at} ${message.type}: ${message.message}${message.extract ? ` — “${message.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}”` : ''}`;
		byFile.get(file)?.push(line) ?? byFile.set(file, [line]);
	}
	return byFile;
}

let results: Map<string, string[]>;
test.beforeAll(() => {
	test.setTimeout(120_000);
	if (PAGES.length === 0) return;
	results = validate([...PAGES, ...STATIC_ONLY]);
});

test('the build has HTML pages to validate (run `npm run build` first)', () => {
	expect(PAGES.map((file) => relative(BUILD, file)).sort()).toEqual(expect.arrayContaining(['index.html', 'embed.html', 'embed-example.html']));
});

test('the embed’s panel parts are valid HTML in a page', () => {
	expect(FRAGMENTS.length, 'the build writes at least one part').toBeGreaterThan(0);
	const dir = tempDir('timeline-vnu-');
	try {
		const wrapped = FRAGMENTS.map((file, index) => {
			const page = join(dir, `part-${index}.html`);
			writeFileSync(page, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Embed</title></head>\n<body><main><h1>Embed</h1>\n${readFileSync(file, 'utf8')}\n</main></body></html>\n`);
			return { file, page };
		});
		const found = validate(wrapped.map(({ page }) => page));
		for (const { file, page } of wrapped) expect(found.get(resolve(page)) ?? [], `vnu errors in ${file}`).toEqual([]);
	} finally {
		removeDir(dir);
	}
});

for (const file of [...PAGES, ...STATIC_ONLY]) {
	test(`${file} has no HTML errors (W3C Nu validator)`, () => {
		expect(results.get(resolve(file)) ?? [], `vnu errors in ${file}`).toEqual([]);
	});
}

test('the embed code from oembed.json is valid HTML in a page', () => {
	requireValidator();
	const oembed = JSON.parse(readFileSync(join(BUILD, 'oembed.json'), 'utf8')) as { html: string };
	const dir = tempDir('timeline-vnu-');
	try {
		const page = join(dir, 'article-with-oembed-html.html');
		writeFileSync(page, `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>An article</title></head>\n<body><p>Before.</p>\n${oembed.html}\n<p>After.</p></body></html>\n`);
		const errors = validate([page]).get(resolve(page)) ?? [];
		expect(errors.map((line) => line.replace(/^.*?\.html:/, 'oembed.json html, line ')), 'vnu errors in the oEmbed html').toEqual([]);
	} finally {
		removeDir(dir);
	}
});
