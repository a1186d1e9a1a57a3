import { resolve } from 'node:path';
import { describeFlags, type FlagSpec, parseFlags } from '../../bench/flags';

interface Options {
  pages: number | undefined;
  restarts: number;
  sizes: number[];
  only: string[] | undefined;
  build: string;
  firefox: boolean;
}

const defaults: Options = {
  pages: undefined,
  restarts: 10,
  sizes: [1000],
  only: undefined,
  build: '/default/build',
  firefox: false,
};

const spec: FlagSpec<Options> = {
  '--pages': ['pages', 'count'],
  '--restarts': ['restarts', 'whole'],
  '--sizes': ['sizes', 'counts'],
  '--only': ['only', 'names'],
  '--build': ['build', 'dir'],
  '--firefox': ['firefox', 'on'],
};

const parse = (...argv: string[]) => parseFlags(argv, defaults, spec);

describe('benchmark flags', () => {
  it('keeps the defaults when no flag is given, and does not change them', () => {
    expect(parse()).toEqual(defaults);
    parse('--pages', '3');
    expect(defaults.pages).toBeUndefined();
  });

  it('reads every kind of flag, in any order', () => {
    expect(
      parse(
        '--firefox',
        '--sizes',
        '100000,1000,10000',
        '--only',
        'bbc,cnn',
        '--build',
        'tmp/b',
        '--restarts',
        '0',
        '--pages',
        '7',
      ),
    ).toEqual({
      pages: 7,
      restarts: 0,
      sizes: [1000, 10000, 100000],
      only: ['bbc', 'cnn'],
      build: resolve('tmp/b'),
      firefox: true,
    });
  });

  it('refuses a count below 1, a number that is not whole, and a list with a bad entry', () => {
    expect(() => parse('--pages', '0')).toThrow('--pages needs a whole number from 1, not "0"');
    expect(() => parse('--restarts', '-1')).toThrow('--restarts needs a whole number from 0, not "-1"');
    expect(() => parse('--pages', '2.5')).toThrow('not "2.5"');
    expect(() => parse('--pages', 'ten')).toThrow('not "ten"');
    expect(() => parse('--sizes', '1000,,10')).toThrow('--sizes needs a whole number from 1, not ""');
  });

  it('refuses a flag without its value, also when the next word is another flag', () => {
    expect(() => parse('--pages')).toThrow('--pages needs a value: N');
    expect(() => parse('--build', '--firefox')).toThrow('--build needs a value: DIR');
  });

  it('names an unknown flag and lists the ones the script takes', () => {
    expect(() => parse('--page', '3')).toThrow(
      'unknown option --page; options: --pages N, --restarts N, --sizes N,N, --only a,b, --build DIR, --firefox',
    );
    expect(() => parse('constructor')).toThrow('unknown option constructor');
    expect(describeFlags(spec)).toContain('--firefox');
  });
});
