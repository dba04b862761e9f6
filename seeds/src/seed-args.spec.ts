import { parseSeedArgs, UsageError } from './seed-args';

describe('parseSeedArgs', () => {
  it('defaults to 50,000 encounters and seed 1', () => {
    expect(parseSeedArgs([])).toEqual({
      encounters: 50_000,
      seed: 1,
      csvFile: undefined,
      help: false,
    });
  });

  it('reads --encounters, --seed and --csv in both spellings', () => {
    expect(
      parseSeedArgs([
        '--encounters',
        '1000000',
        '--seed=7',
        '--csv',
        'out.csv',
      ]),
    ).toEqual({
      encounters: 1_000_000,
      seed: 7,
      csvFile: 'out.csv',
      help: false,
    });
    expect(parseSeedArgs(['-h']).help).toBe(true);
  });

  it.each([
    [
      ['--encounters', '12.5'],
      /--encounters must be a whole number, got '12.5'/,
    ],
    [['--encounters', 'many'], /whole number/],
    [['--encounters', '-3'], /whole number|argument/],
    [['--seed', '1e3'], /--seed must be a whole number/],
    [['--seed', '4294967296'], /at most 4294967295/],
    [['--encounters'], /argument missing/],
    [['--rows', '5'], /Unknown option '--rows'/],
    [['extra'], /Unexpected argument 'extra'/],
    [['--csv='], /--csv needs a file name/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSeedArgs(argv)).toThrow(UsageError);
    expect(() => parseSeedArgs(argv)).toThrow(message);
  });
});
