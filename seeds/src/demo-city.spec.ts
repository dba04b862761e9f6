import {
  beatBox,
  boxPolygon,
  DEMO_BEATS,
  DEMO_DISTRICTS,
  DEMO_PROGRAM,
  DEMO_UNIT_COSTS,
  districtBox,
} from './demo-city';

describe('the demo city', () => {
  it('has at least 12 beats in 3 districts, with distinct codes', () => {
    expect(DEMO_DISTRICTS).toHaveLength(3);
    expect(DEMO_BEATS.length).toBeGreaterThanOrEqual(12);
    for (const district of DEMO_DISTRICTS) {
      expect(
        DEMO_BEATS.filter((b) => b.districtCode === district.code).length,
      ).toBeGreaterThanOrEqual(4);
    }
    const codes = [...DEMO_DISTRICTS, ...DEMO_BEATS].map((area) => area.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives beats visibly different volumes and positive populations', () => {
    const weights = DEMO_BEATS.map((beat) => beat.volumeWeight);
    expect(Math.max(...weights) / Math.min(...weights)).toBeGreaterThan(5);
    expect(DEMO_BEATS.every((beat) => beat.population > 0)).toBe(true);
  });

  it('draws beats as closed rectangles inside their district', () => {
    for (const beat of DEMO_BEATS) {
      const ring = boxPolygon(beatBox(beat)).coordinates[0];
      expect(ring).toHaveLength(5);
      expect(ring[0]).toEqual(ring[4]);
      const beatArea = beatBox(beat);
      const district = districtBox(beat.districtCode);
      expect(beatArea.west).toBeGreaterThanOrEqual(district.west);
      expect(beatArea.east).toBeLessThanOrEqual(district.east);
      expect(beatArea.south).toBeGreaterThanOrEqual(district.south);
      expect(beatArea.north).toBeLessThanOrEqual(district.north);
      expect(beatArea.east).toBeGreaterThan(beatArea.west);
      expect(beatArea.north).toBeGreaterThan(beatArea.south);
    }
  });

  it('has one program starting in month 13, serving some beats but not all', () => {
    expect(DEMO_PROGRAM.startDate).toBe('2024-01-01');
    const codes = new Set(DEMO_BEATS.map((beat) => beat.code));
    expect(DEMO_PROGRAM.beatCodes.every((code) => codes.has(code))).toBe(true);
    expect(DEMO_PROGRAM.beatCodes.length).toBeLessThan(DEMO_BEATS.length / 2);
  });

  it('ships the unit costs of DOMAIN.md section 5 with sources and ranges', () => {
    const byKey = Object.fromEntries(
      DEMO_UNIT_COSTS.map((cost) => [cost.key, cost]),
    );
    expect(byKey['jail_bed_day'].value).toBe(76);
    expect(byKey['police_response'].value).toBe(646);
    expect(byKey['civilian_response'].value).toBe(151);
    expect(byKey['ed_boarding'].value).toBe(2264);
    expect(byKey['police_time_per_averted_ed_referral'].value).toBe(81);
    for (const cost of DEMO_UNIT_COSTS) {
      expect(cost.low).toBeLessThanOrEqual(cost.value);
      expect(cost.value).toBeLessThanOrEqual(cost.high);
      expect(cost.source).toMatch(/\w{10,}/);
    }
  });
});
