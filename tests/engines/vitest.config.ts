// The other engines' smoke suite (scripts/engines.mjs): real browsers, one at a time, slow to start.
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: '.',
		include: ['tests/engines/**/*.test.ts'],
		environment: 'node',
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 120_000
	}
});
