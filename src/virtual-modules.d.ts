/** The prerendered plot's layout picker, written from events.json by the build (vite.config.ts). */
declare module 'virtual:prerendered-plot.css';

/** A script's text, minified at build time, to write inline in a page (vite.config.ts, minifiedText). */
declare module '*?minified' {
	const text: string;
	export default text;
}
