/**
 * A slot for markup only the server renders: on the server ServerSlot, which renders a component
 * inside it; in the browser AdoptedSlot, which hydration adopts as the server wrote it, so the
 * browser neither needs that component's data nor spends time walking its markup. Used for the
 * prerendered plot, which the live plot replaces, and the embed's live timeline (routes/embed/live.ts).
 */
import AdoptedSlot from './AdoptedSlot.svelte';
import ServerSlot from './ServerSlot.svelte';

export const Slot = import.meta.env.SSR ? ServerSlot : AdoptedSlot;
