/**
 * Up to how many events the embed and the full page carry what their first script
 * (first-click.js) needs to open any event before the app has loaded: the embed, every event's
 * panel drawn by the server (about 1 kB gzipped each); the full page, the panel's frame (its story
 * steps show every event's details). A larger timeline would make the embed too heavy; the full
 * page, whose frames cost little, keeps the same limit so that both pages behave alike, and a large
 * page's app, which answers the marks there, is not held back until its long story is parsed and
 * painted. Above it the app boots at once and answers the marks (until then a mark is a link).
 */
export const PREDRAWN_PANELS_MAX = 100;
