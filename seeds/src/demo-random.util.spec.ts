import { AliasTable, cumulative, DemoRandom } from './demo-random.util';

const draws = (random: DemoRandom, n: number) =>
  Array.from({ length: n }, () => random.float());

describe('DemoRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draws(DemoRandom.fromSeed(7), 50)).toEqual(
      draws(DemoRandom.fromSeed(7), 50),
    );
    expect(draws(DemoRandom.fromSeed(7), 50)).not.toEqual(
      draws(DemoRandom.fromSeed(8), 50),
    );
  });

  it('gives an independent jumped stream without advancing the original', () => {
    const random = DemoRandom.fromSeed(1);
    const jumped = random.jumped();
    expect(draws(random, 20)).toEqual(draws(DemoRandom.fromSeed(1), 20));
    expect(draws(jumped, 20)).not.toEqual(draws(DemoRandom.fromSeed(1), 20));
  });

  it('draws floats in [0, 1) and picks by cumulative weights', () => {
    const random = DemoRandom.fromSeed(3);
    const table = cumulative([1, 3, 0, 6]);
    const counts = [0, 0, 0, 0];
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = random.float();
      if (u < 0 || u >= 1) outside++;
      counts[random.pick(table)]++;
    }
    expect(outside).toBe(0);
    expect(counts[2]).toBe(0);
    expect(counts[0] / 100_000).toBeCloseTo(0.1, 2);
    expect(counts[3] / 100_000).toBeCloseTo(0.6, 2);
  });
});

describe('AliasTable', () => {
  it('samples in proportion to the weights', () => {
    const weights = [5, 1, 0, 2, 2];
    const table = new AliasTable(weights);
    const random = DemoRandom.fromSeed(11);
    const counts = new Array<number>(weights.length).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) counts[table.sample(random)]++;
    weights.forEach((weight, i) =>
      expect(counts[i] / n).toBeCloseTo(weight / 10, 2),
    );
  });
});
