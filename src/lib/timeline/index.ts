// The pure core of the timeline: no DOM, no runes. Components import from '$lib/timeline'.
// The schema and its validation (valibot) are left out on purpose: they run at build time
// (src/lib/server/data.ts imports them directly) and would add valibot to every page's JS. So are
// the downloads (export.ts, scene-svg.ts) and the citations (cite.ts): they load on first use, and
// a module re-exported here would be in every page's first bundle. For the same reason what the
// pages' first stage draws (its panel: EventPanel and the components under it, PageHead) imports
// from the modules themselves: the barrel would bring every module into that bundle.
export * from './dates.ts';
export * from './date-text.ts';
export * from './themes.ts';
export * from './source-types.ts';
export * from './events.ts';
export * from './build.ts';
export * from './scale.ts';
export * from './spacing.ts';
export * from './zoom.ts';
export * from './ticks.ts';
export * from './layout.ts';
export * from './plot-keys.ts';
export * from './scene.ts';
export * from './scene-axis.ts';
export * from './scene-queries.ts';
export * from './quotes.ts';
export * from './geometry.ts';
export * from './url-state.ts';
export * from './search.ts';
export * from './filters.ts';
export * from './camera.ts';
export * from './embed.ts';
export * from './story-window.ts';
export * from './prerender.ts';
export * from './prerender-bands.ts';
export * from './event-pages.ts';
