import { defineConfig, devices } from '@playwright/test';
import { chromiumExecutable } from './scripts/find-chromium.mjs';

// End-to-end tests run against the real static build (build/), served as a static host would.
// Playwright's own Chromium is used where installed, Debian's /usr/bin/chromium otherwise.
const executablePath = chromiumExecutable();
// TEST_PORT lets two checkouts run their suites side by side.
const port = Number(process.env.TEST_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.test.ts',
	// The other engines' suite runs under Vitest (scripts/engines.mjs).
	testIgnore: 'engines/**',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	timeout: 30_000,
	// The pages mount their live timeline once they are idle (code on demand): on a busy 2-core
	// machine a wait for it (the live plot's marks, its settled view) can pass Playwright's 5 s.
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath,
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
		}
	},
	webServer: {
		command: `node scripts/serve.mjs build ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !process.env.CI
	}
});
