import { type RandomGenerator, xoroshiro128plus } from 'pure-rand';

const TWO_POW_MINUS_32 = 2 ** -32;
/** Early outputs of xoroshiro seeded with a small integer are poorly mixed. */
const WARM_UP_STEPS = 64;

/**
 * Seeded randomness for the demo data (never Math.random): xoroshiro128+ from
 * pure-rand, advanced in place for speed. Same seed, same sequence, on every
 * platform.
 */
export class DemoRandom {
  private constructor(private readonly generator: RandomGenerator) {}

  static fromSeed(seed: number): DemoRandom {
    const generator = xoroshiro128plus(seed);
    for (let i = 0; i < WARM_UP_STEPS; i++) generator.unsafeNext();
    return new DemoRandom(generator);
  }

  /** An independent stream (2^64 draws ahead); this one is left unchanged. */
  jumped(): DemoRandom {
    const generator = this.generator.clone();
    if (!generator.unsafeJump) throw new Error('generator cannot jump');
    generator.unsafeJump();
    return new DemoRandom(generator);
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  float(): number {
    return (this.generator.unsafeNext() >>> 0) * TWO_POW_MINUS_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** Standard normal (Box-Muller, cosine branch only). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  /** Log-normal with the given median and log-scale sigma. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Index drawn from cumulative probabilities (last entry 1). */
  pick(cumulative: Float64Array): number {
    const u = this.float();
    const last = cumulative.length - 1;
    let i = 0;
    while (i < last && u >= cumulative[i]) i++;
    return i;
  }

  /** One element of a list, uniformly. */
  element<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
}

/** Cumulative probabilities of non-negative weights, for DemoRandom.pick. */
export function cumulative(weights: readonly number[]): Float64Array {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) throw new Error('weights must have a positive sum');
  const result = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight;
    result[i] = sum / total;
  });
  result[weights.length - 1] = 1;
  return result;
}

/**
 * Walker/Vose alias table: O(1) draws from a large discrete distribution
 * (the people of a beat, weighted by how often they meet the police).
 */
export class AliasTable {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new Error('AliasTable needs at least one weight');
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i];
    this.probability = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let smallCount = 0;
    let largeCount = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total;
      if (scaled[i] < 1) small[smallCount++] = i;
      else large[largeCount++] = i;
    }
    while (smallCount > 0 && largeCount > 0) {
      const less = small[--smallCount];
      const more = large[--largeCount];
      this.probability[less] = scaled[less];
      this.alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1;
      if (scaled[more] < 1) small[smallCount++] = more;
      else large[largeCount++] = more;
    }
    while (largeCount > 0) this.probability[large[--largeCount]] = 1;
    while (smallCount > 0) this.probability[small[--smallCount]] = 1;
  }

  get size(): number {
    return this.probability.length;
  }

  sample(random: DemoRandom): number {
    const i = random.int(this.probability.length);
    return random.float() < this.probability[i] ? i : this.alias[i];
  }
}
