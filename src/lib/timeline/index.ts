// The pure core of the timeline: no DOM, no runes. Components import from '$lib/timeline'.
export * from './dates.ts';
export * from './themes.ts';
export * from './schema.ts';
export * from './validate.ts';
export * from './events.ts';
export * from './scale.ts';
export * from './zoom.ts';
export * from './ticks.ts';
export * from './layout.ts';
export * from './quotes.ts';
export * from './geometry.ts';
export * from './url-state.ts';
export * from './search.ts';
export * from './filters.ts';
export * from './camera.ts';
export * from './embed.ts';
