export * from './compare-proportions.util';
export * from './difference-in-differences.util';
export * from './normal-distribution.util';
export * from './poisson-rate-ratio.util';
export * from './two-proportion-z-test.util';
export * from './wilson-interval.util';
