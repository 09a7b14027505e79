/**
 * What a key pressed inside the plot does, as a value: the plot component carries it out. Keys
 * with Ctrl, ⌘ or Alt are left to the browser.
 */
export type PlotCommand =
	| { kind: 'focus'; index: number }
	| { kind: 'zoom'; factor: number }
	| { kind: 'reset' }
	| { kind: 'help' }
	| { kind: 'close' };

export interface KeyPress {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
}

/**
 * The command for `press` when the focused event is at `index` (-1: none) of `count` shown events;
 * null for keys the plot leaves alone. Arrows, Home and End move between events (clamped to the
 * list); + and − zoom by `step`, 0 resets, ? opens the help, Esc closes the open event.
 */
export function plotKeyCommand(press: KeyPress, index: number, count: number, step: number): PlotCommand | null {
	if (press.ctrlKey || press.metaKey || press.altKey) return null;
	const focus = (i: number): PlotCommand | null => (count === 0 ? null : { kind: 'focus', index: Math.max(0, Math.min(count - 1, i)) });
	switch (press.key) {
		case 'ArrowRight':
			return focus(index + 1);
		case 'ArrowLeft':
			return focus(index < 0 ? 0 : index - 1);
		case 'Home':
			return focus(0);
		case 'End':
			return focus(count - 1);
		case '+':
		case '=':
			return { kind: 'zoom', factor: step };
		case '-':
			return { kind: 'zoom', factor: 1 / step };
		case '0':
			return { kind: 'reset' };
		case '?':
			return { kind: 'help' };
		case 'Escape':
			return { kind: 'close' };
		default:
			return null;
	}
}
