import { bluishRuns, commonColours, contrastRatio } from '../../support/pixels';

// The e2e tests judge forced colours by these; a wrong ratio would pass what WCAG fails.
describe('contrastRatio', () => {
  it('gives WCAG’s figures for known pairs, either way round', () => {
    expect(contrastRatio('0,0,0', '255,255,255')).toBeCloseTo(21, 5);
    expect(contrastRatio('rgb(255, 255, 255)', 'rgb(0, 0, 0)')).toBeCloseTo(21, 5);
    expect(contrastRatio('119,119,119', '255,255,255')).toBeCloseTo(4.48, 2);
    // Firefox's Highlight on its Canvas in forced colours on Linux.
    expect(contrastRatio('rgb(51, 153, 255)', 'rgb(255, 255, 255)')).toBeCloseTo(2.94, 2);
    expect(contrastRatio('12,34,56', '12,34,56')).toBe(1);
  });

  it('refuses what is not an RGB colour, instead of passing it', () => {
    expect(() => contrastRatio('', '0,0,0')).toThrow(/not an RGB colour/);
    expect(() => contrastRatio('transparent', '0,0,0')).toThrow(/not an RGB colour/);
    // How getComputedStyle gives a transparent background.
    expect(() => contrastRatio('rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)')).toThrow(/translucent/);
    expect(contrastRatio('rgba(0, 0, 0, 1)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
  });
});

describe('commonColours', () => {
  it('lists colours by how many pixels have them', () => {
    const pixels = [0, 0, 0, 255, 9, 9, 9, 255, 9, 9, 9, 255, 9, 9, 9, 255];
    expect(commonColours(pixels, 2)).toEqual([
      ['9,9,9', 0.75],
      ['0,0,0', 0.25],
    ]);
  });
});

describe('bluishRuns', () => {
  const white = [255, 255, 255, 255];
  const blue = [40, 90, 200, 255];
  const row = (cells: string) => [...cells].flatMap((cell) => (cell === 'b' ? blue : white));

  it('gives the stretches of the most bluish row, left to right', () => {
    const pixels = [...row('wwbwwwww'), ...row('bbwbbwwb'), ...row('wwwwwwww')];
    expect(bluishRuns(pixels, 8)).toEqual([2, 2, 1]);
  });

  it('gives one stretch for a solid line and none for an image without blue', () => {
    expect(bluishRuns([...row('wwww'), ...row('bbbb')], 4)).toEqual([4]);
    expect(bluishRuns(row('wwww'), 4)).toEqual([]);
  });
});
