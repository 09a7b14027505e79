/** The prerendered plot's layout picker, written from events.json by the build (vite.config.ts). */
declare module 'virtual:prerendered-plot.css';
