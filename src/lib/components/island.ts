/**
 * A part of a component's markup hydrated after the component around it, in short tasks of its
 * own: on the server ServerIsland, which renders the part inside its element; in the browser
 * HydratedLater, which adopts that element as the server wrote it and hydrates the part later.
 * The story's steps are islands: the live timeline hydrates the plot in one task, and each step's
 * details follow a few at a time, so that no task of the page's start is long.
 */
import HydratedLater from './HydratedLater.svelte';
import ServerIsland from './ServerIsland.svelte';

export const Island = import.meta.env.SSR ? ServerIsland : HydratedLater;
