import { describe, expect, it } from 'vitest';
import {
	AXIS,
	CLUSTER_ROW,
	densestDay,
	ERA_ROW,
	fitLanes,
	LANE,
	MAX_FIT_LANES,
	MAX_LANES,
	MIN_LANES,
	MIN_WIDE_LANES,
	NARROW_WIDTH,
	plotGeometry,
	minPlotHeight,
	plotMaxHeight,
	READING_SHARE,
	SCROLLING_SHARE,
	SPAN_ROW,
	STICKY_PADDING
} from './geometry.ts';

describe('plotGeometry', () => {
	it.each([
		{ width: 1200, densest: 10, lanes: Math.min(MAX_LANES, 10) },
		{ width: 1200, densest: 9, lanes: 9 },
		{ width: 1200, densest: 7, lanes: MIN_WIDE_LANES },
		{ width: 1200, densest: 3, lanes: MIN_WIDE_LANES },
		{ width: 1200, densest: 0, lanes: MIN_WIDE_LANES },
		{ width: 1200, densest: 40, lanes: MAX_LANES },
		{ width: NARROW_WIDTH, densest: 10, lanes: Math.min(MAX_LANES, 10) },
		{ width: NARROW_WIDTH - 1, densest: 10, lanes: 4 },
		{ width: 360, densest: 10, lanes: 4 },
		{ width: 360, densest: 1, lanes: 4 }
	])('plotGeometry($width, 2, $densest).lanes is $lanes', ({ width, densest, lanes }) => {
		expect(plotGeometry(width, 2, densest).lanes).toBe(lanes);
	});

	it.each([
		{ maxHeight: Infinity, lanes: 10 },
		{ maxHeight: 1000, lanes: 10 },
		// 24 + 2 × 26 + 30 + 34 = 140 px without lanes; 30 px a lane.
		{ maxHeight: 140 + 7 * LANE, lanes: 7 },
		{ maxHeight: 140 + 7 * LANE + LANE - 1, lanes: 7 },
		{ maxHeight: 140 + MIN_LANES * LANE, lanes: MIN_LANES },
		{ maxHeight: 100, lanes: MIN_LANES },
		{ maxHeight: 0, lanes: MIN_LANES }
	])('plotGeometry(1200, 2, 10, $maxHeight) has $lanes lanes and fits when it can', ({ maxHeight, lanes }) => {
		const geometry = plotGeometry(1200, 2, 10, maxHeight);
		expect(geometry.lanes).toBe(lanes);
		if (lanes > MIN_LANES) expect(geometry.height).toBeLessThanOrEqual(maxHeight);
	});

	it('a height cap never adds lanes beyond what the data needs', () => {
		expect(plotGeometry(1200, 2, 3, 2000).lanes).toBe(MIN_WIDE_LANES);
		expect(plotGeometry(360, 2, 10, 2000).lanes).toBe(4);
	});

	it('plotGeometry(1200, 2, 9) stacks eras, spans, clusters, 9 lanes and the axis', () => {
		const geometry = plotGeometry(1200, 2, 9);
		expect(geometry.spanTop).toBe(ERA_ROW);
		expect(geometry.clusterTop).toBe(ERA_ROW + 2 * SPAN_ROW);
		// Lane 8 is the top lane, right under the cluster row; lane 0 sits on the axis.
		expect(geometry.laneTop(8)).toBe(geometry.clusterTop + CLUSTER_ROW);
		expect(geometry.laneTop(0)).toBe(geometry.axisTop - LANE);
		expect(geometry.axisTop).toBe(ERA_ROW + 2 * SPAN_ROW + CLUSTER_ROW + 9 * LANE);
		expect(geometry.height).toBe(geometry.axisTop + AXIS);
	});

	it.each([
		{ width: 1200, spanRows: 0, densest: 3 },
		{ width: 1200, spanRows: 3, densest: 10 },
		{ width: 360, spanRows: 1, densest: 10 }
	])('plotGeometry($width, $spanRows, $densest) puts each lane LANE px above the one before', (args) => {
		const geometry = plotGeometry(args.width, args.spanRows, args.densest);
		for (let lane = 1; lane < geometry.lanes; lane++) {
			expect(geometry.laneTop(lane - 1) - geometry.laneTop(lane)).toBe(LANE);
		}
		expect(geometry.laneTop(geometry.lanes - 1)).toBeGreaterThanOrEqual(geometry.clusterTop + CLUSTER_ROW);
		expect(geometry.laneTop(0) + LANE).toBeLessThanOrEqual(geometry.axisTop);
	});

	it('plotGeometry(width, 0, n) has no room for span rows', () => {
		expect(plotGeometry(1200, 0, 5).clusterTop).toBe(plotGeometry(1200, 0, 5).spanTop);
	});
});

describe('densestDay', () => {
	it.each([
		{ days: [], expected: 0 },
		{ days: ['2025-01-17'], expected: 1 },
		{ days: ['2025-01-17', '2025-01-20', '2025-01-17'], expected: 2 },
		{ days: ['a', 'b', 'b', 'c', 'c', 'c', 'a'], expected: 3 }
	])('densestDay($days) is $expected', ({ days, expected }) => {
		expect(densestDay(days)).toBe(expected);
	});

	it('densestDay(days) does not mutate its input', () => {
		const days = ['2025-01-17', '2024-12', '2025-01-17'];
		densestDay(Object.freeze([...days]));
		expect(days).toEqual(['2025-01-17', '2024-12', '2025-01-17']);
	});
});

describe('plotMaxHeight', () => {
	it('gives an embed no limit: its frame grows to fit the plot', () => {
		expect(plotMaxHeight('embed', 800, 250, 60)).toBe(Infinity);
	});
	it('fits the first view above the fold, under the page head', () => {
		expect(plotMaxHeight('first view', 800, 250, 60)).toBe(800 - 250 - 60 - STICKY_PADDING);
	});
	it('gives the plot beside the story the whole screen, less what is below it', () => {
		expect(plotMaxHeight('beside', 800, 250, 60)).toBe(800 - 60 - STICKY_PADDING);
	});
	it('keeps the plot above the story within READING_SHARE of the screen, with what is below it', () => {
		const max = plotMaxHeight('above', 780, 300, 45);
		expect(max + 45 + STICKY_PADDING).toBeCloseTo(780 * READING_SHARE);
		expect(READING_SHARE).toBe(0.4);
	});
	it('lets a plot that scrolls away with the page (too short a screen to stick) take SCROLLING_SHARE', () => {
		expect(plotMaxHeight('scrolling', 360, 0, 45) + 45 + STICKY_PADDING).toBeCloseTo(360 * SCROLLING_SHARE);
	});
	it('minPlotHeight is the plot at one lane: the fixed rows and one lane', () => {
		expect(minPlotHeight(3)).toBe(ERA_ROW + 3 * SPAN_ROW + CLUSTER_ROW + MIN_LANES * LANE + AXIS);
		expect(minPlotHeight(3)).toBe(plotGeometry(1200, 3, 10, 0).height);
	});
	it('has no limit before the screen is measured', () => {
		expect(plotMaxHeight('above', 0, 0, 0)).toBe(Infinity);
	});
});

describe('a plot that fits its view', () => {
	it('lays out in as many lanes as the height allows, up to MAX_FIT_LANES, whatever its width', () => {
		const fixed = ERA_ROW + 2 * SPAN_ROW + CLUSTER_ROW + AXIS;
		expect(plotGeometry(400, 2, 3, fixed + 12 * LANE, true).lanes).toBe(12);
		expect(plotGeometry(400, 2, 3, Infinity, true).lanes).toBe(MAX_FIT_LANES);
	});
	it('fitLanes keeps the rows above the lanes and each lane\'s distance from the axis', () => {
		const laid = plotGeometry(1200, 3, 10, Infinity, true);
		const fitted = fitLanes(laid, 4);
		expect(fitted.lanes).toBe(4);
		expect(fitted.spanTop).toBe(laid.spanTop);
		expect(fitted.clusterTop).toBe(laid.clusterTop);
		expect(fitted.height).toBe(laid.height - (laid.lanes - 4) * LANE);
		for (const lane of [0, 1, 3]) expect(fitted.axisTop - fitted.laneTop(lane)).toBe(laid.axisTop - laid.laneTop(lane));
	});
});
