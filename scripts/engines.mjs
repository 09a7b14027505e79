#!/usr/bin/env node
// The smoke suite in the other engines (tests/engines/): Firefox ESR and WebKitGTK, as Debian
// packages them (no browser download). An engine that is missing is named with the command that
// installs it and its suite is skipped; with CI=true a missing engine fails the run. WebKitGTK
// needs an X display: without one the suite runs under xvfb-run.
// The drivers (tests/engines/drivers.ts) take the binaries' paths from ENGINES.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** MiniBrowser sits in the architecture's library folder (x86_64-linux-gnu, aarch64-linux-gnu, …). */
function miniBrowser() {
	for (const arch of readdirSync('/usr/lib').filter((name) => name.endsWith('-linux-gnu'))) {
		for (const version of ['webkit2gtk-4.1', 'webkit2gtk-4.0']) {
			const path = join('/usr/lib', arch, version, 'MiniBrowser');
			if (existsSync(path)) return path;
		}
	}
	return '/usr/lib/<arch>-linux-gnu/webkit2gtk-4.1/MiniBrowser';
}

const XVFB_RUN = '/usr/bin/xvfb-run';

/** Each engine: its name for people, the files it needs (the driver's first), the package that installs it. */
export const ENGINES = {
	firefox: { label: 'Firefox ESR', needs: ['/usr/bin/firefox-esr'], install: 'sudo apt-get install firefox-esr' },
	webkit: {
		label: 'WebKitGTK (MiniBrowser)',
		needs: ['/usr/bin/WebKitWebDriver', miniBrowser()],
		install: 'sudo apt-get install webkit2gtk-driver xvfb'
	}
};

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

function main() {
	const ci = !!process.env.CI && process.env.CI !== 'false';
	const xvfb = existsSync(XVFB_RUN) ? XVFB_RUN : undefined;
	const present = [];
	let missing = 0;
	for (const [name, engine] of Object.entries(ENGINES)) {
		const absent = engine.needs.filter((path) => !existsSync(path));
		if (name === 'webkit' && !process.env.DISPLAY && !xvfb) absent.push('xvfb-run (no DISPLAY)');
		if (absent.length === 0) {
			present.push(name);
			continue;
		}
		missing++;
		console.error(`${engine.label} is missing (${absent.join(', ')}): install it with \`${engine.install}\`. ${ci ? 'CI needs every engine.' : 'Skipping its suite.'}`);
	}
	if (ci && missing) process.exit(1);
	if (present.length === 0) {
		console.error('No other engine to test here.');
		process.exit(0);
	}
	console.log(`Smoke suite in: ${present.map((name) => ENGINES[name].label).join(', ')}`);
	const vitest = ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/engines/vitest.config.ts'];
	const wrap = present.includes('webkit') && !process.env.DISPLAY;
	const [command, args] = wrap ? [xvfb, ['-a', process.execPath, ...vitest]] : [process.execPath, vitest];
	const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ENGINES: present.join(',') } });
	process.exit(run.status ?? 1);
}
