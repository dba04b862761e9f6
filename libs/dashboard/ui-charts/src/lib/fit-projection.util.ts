/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

/** The bounding box of GeoJSON geometries' coordinates (any nesting). */
export function boundsOf(
  geometries: readonly { coordinates: unknown }[],
): Bounds | null {
  let bounds: Bounds | null = null;
  const visit = (node: unknown): void => {
    if (!Array.isArray(node)) return;
    if (typeof node[0] === 'number' && typeof node[1] === 'number') {
      const [lon, lat] = node as [number, number];
      bounds = bounds
        ? [
            Math.min(bounds[0], lon),
            Math.min(bounds[1], lat),
            Math.max(bounds[2], lon),
            Math.max(bounds[3], lat),
          ]
        : [lon, lat, lon, lat];
      return;
    }
    for (const child of node) visit(child);
  };
  for (const geometry of geometries) visit(geometry.coordinates);
  return bounds;
}

const RAD = Math.PI / 180;
const mercatorY = (lat: number) =>
  Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));

/**
 * Props for a d3 (nivo) Mercator projection that fits `bounds` in a
 * width x height box with `padding` pixels each side, centred. nivo's
 * choropleth takes a scale, a translation (fractions of the box) and a
 * rotation, not a fit-to-extent, so it is worked out here.
 */
export function fitMercator(
  bounds: Bounds,
  width: number,
  height: number,
  padding = 8,
): {
  projectionScale: number;
  projectionTranslation: [number, number];
  projectionRotation: [number, number, number];
} {
  const [west, south, east, north] = bounds;
  const spanX = Math.max((east - west) * RAD, 1e-9);
  const spanY = Math.max(mercatorY(north) - mercatorY(south), 1e-9);
  const scale = Math.max(
    1,
    Math.min(
      Math.max(width - 2 * padding, 1) / spanX,
      Math.max(height - 2 * padding, 1) / spanY,
    ),
  );
  const centreY = (mercatorY(north) + mercatorY(south)) / 2;
  return {
    projectionScale: scale,
    projectionTranslation: [0.5, 0.5 + (scale * centreY) / Math.max(height, 1)],
    projectionRotation: [-(west + east) / 2, 0, 0],
  };
}

/** Where a point lands under the projection fitMercator describes. */
export function projectMercator(
  fit: ReturnType<typeof fitMercator>,
  width: number,
  height: number,
  [lon, lat]: [number, number],
): [number, number] {
  const x = (lon + fit.projectionRotation[0]) * RAD;
  return [
    fit.projectionScale * x + width * fit.projectionTranslation[0],
    -fit.projectionScale * mercatorY(lat) +
      height * fit.projectionTranslation[1],
  ];
}

/** A map height (px) that fits `bounds` at `width`, between 200 and 440. */
export function mapHeight(bounds: Bounds, width: number): number {
  const [west, south, east, north] = bounds;
  const aspect =
    (mercatorY(north) - mercatorY(south)) / Math.max((east - west) * RAD, 1e-9);
  return Math.round(Math.min(440, Math.max(200, width * aspect + 24)));
}
