#!/usr/bin/env node
// Finds the Chromium the e2e tests run in: Playwright's own where installed, else Debian's
// /usr/bin/chromium. Run directly, it fails in seconds with how to get one when neither exists.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Path of the Chromium to launch, or undefined when there is none. */
export function chromiumExecutable() {
	let bundled;
	try {
		bundled = chromium.executablePath();
	} catch {
		bundled = undefined;
	}
	if (bundled && existsSync(bundled)) return bundled;
	return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const found = chromiumExecutable();
	if (!found) {
		console.error(
			'No Chromium for the end-to-end tests. Install one with `sudo apt-get install chromium` (Debian/Ubuntu),\n' +
				'or `npx playwright install chromium` where downloads are allowed.'
		);
		process.exit(1);
	}
	console.log(`e2e browser: ${found}`);
}
