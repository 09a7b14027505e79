import { describe, expect, it } from 'vitest';
import * as barrel from './index.ts';
import * as build from './build.ts';
import * as dates from './dates.ts';
import * as dateText from './date-text.ts';
import * as events from './events.ts';
import * as geometry from './geometry.ts';
import * as layout from './layout.ts';
import * as quotes from './quotes.ts';
import * as scale from './scale.ts';
import * as sourceTypes from './source-types.ts';
import * as themes from './themes.ts';
import * as ticks from './ticks.ts';
import * as zoom from './zoom.ts';

describe('$lib/timeline (index.ts)', () => {
	it.each(
		Object.entries({ build, dates, dateText, events, geometry, layout, quotes, scale, sourceTypes, themes, ticks, zoom })
	)('index.ts re-exports everything in %s.ts', (_name, module) => {
		for (const [key, value] of Object.entries(module)) {
			expect(barrel, key).toHaveProperty(key);
			expect((barrel as Record<string, unknown>)[key], key).toBe(value);
		}
	});

	it('index.ts leaves out the build-time schema and validation (valibot stays out of the pages)', () => {
		expect(barrel).not.toHaveProperty('validateTimelineData');
		expect(barrel).not.toHaveProperty('TimelineDataSchema');
	});
});
