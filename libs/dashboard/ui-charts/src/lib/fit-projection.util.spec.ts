import { describe, expect, it } from 'vitest';

import {
  boundsOf,
  fitMercator,
  mapHeight,
  projectMercator,
} from './fit-projection.util';

const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('boundsOf', () => {
  it('spans every ring of every geometry', () => {
    expect(
      boundsOf([
        square(-97.62, 40.696, -97.59, 40.718),
        square(-97.5, 40.674, -97.47, 40.696),
      ]),
    ).toEqual([-97.62, 40.674, -97.47, 40.718]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('fitMercator', () => {
  // d3.geoMercator().scale(k).translate(t).rotate(r) maps (lon, lat) so.
  const project = projectMercator;

  it('fits and centres the bounds in the box', () => {
    const bounds: [number, number, number, number] = [
      -97.62, 40.674, -97.47, 40.74,
    ];
    const fit = fitMercator(bounds, 600, 300, 10);
    const [x0, y0] = project(fit, 600, 300, [-97.62, 40.74]);
    const [x1, y1] = project(fit, 600, 300, [-97.47, 40.674]);
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(9.99);
    expect(x1).toBeLessThanOrEqual(590.01);
    expect(y1).toBeLessThanOrEqual(290.01);
    // Centred: equal margins on the axis with room to spare.
    expect((x0 + x1) / 2).toBeCloseTo(300, 5);
    expect((y0 + y1) / 2).toBeCloseTo(150, 5);
    // Tight on the limiting axis.
    expect(
      Math.max(x1 - x0, y1 - y0) / 580 > 0.99 || (y1 - y0) / 280 > 0.99,
    ).toBe(true);
  });
});

describe('mapHeight', () => {
  it('follows the shape of the area, within limits', () => {
    expect(mapHeight([-97.62, 40.674, -97.47, 40.74], 460)).toBe(291);
    expect(mapHeight([0, 0, 10, 0.01], 460)).toBe(200);
    expect(mapHeight([0, 0, 1, 5], 460)).toBe(440);
  });
});
