import { NO_SPACE, SURROGATE, WORD } from '../../../lib/match/char-class';
import { SEPARATOR } from '../../../lib/match/char-fold';
import {
  CLASS_SHIFT,
  foldUnit,
  RARE_BIT,
  RARE_DASH,
  RARE_EXPAND,
  RARE_GONE,
  RARE_SHIFT,
  SPACE_BIT,
  UNIT_MASK,
} from '../../../lib/match/fold-table';

// folded-text.ts and scan.ts spell these out in their inner loops for speed; they must not drift.
describe('the fold table encoding', () => {
  it('has the values the normaliser loop is written with', () => {
    const used = {
      UNIT_MASK,
      SPACE_BIT,
      RARE_BIT,
      RARE_SHIFT,
      RARE_DASH,
      RARE_GONE,
      RARE_EXPAND,
      CLASS_SHIFT,
      SEPARATOR,
      WORD,
      NO_SPACE,
      SURROGATE,
    };
    expect(used).toEqual({
      UNIT_MASK: 0xffff,
      SPACE_BIT: 0x10000,
      RARE_BIT: 0x20000,
      RARE_SHIFT: 18,
      RARE_DASH: 1,
      RARE_GONE: 2,
      RARE_EXPAND: 3,
      CLASS_SHIFT: 20,
      SEPARATOR: 0x20,
      WORD: 1,
      NO_SPACE: 2,
      SURROGATE: 16,
    });
  });

  it('gives white space the separator unit and no class, so the start rule treats it as a gap', () => {
    for (const space of [0x20, 0x09, 0x0a, 0xa0, 0x3000]) expect(foldUnit(space)).toBe(SPACE_BIT | SEPARATOR);
  });

  it('sends dashes, ignored and expanding characters to the slow path, each with its kind', () => {
    const kind = (unit: number) => {
      const entry = foldUnit(unit);
      return (entry & RARE_BIT) === 0 ? 0 : (entry >>> RARE_SHIFT) & 3;
    };
    expect([0x2013, 0x2212, 0x2d].map(kind)).toEqual([RARE_DASH, RARE_DASH, RARE_DASH]);
    expect([0xad, 0x200b, 0x301].map(kind)).toEqual([RARE_GONE, RARE_GONE, RARE_GONE]);
    expect([0xdf, 0xfb01].map(kind)).toEqual([RARE_EXPAND, RARE_EXPAND]);
    expect(kind(0x61)).toBe(0);
  });

  it('never makes a letter entry 0, which means "not computed yet"', () => {
    for (const unit of [0, 0x41, 0x4e00]) expect(foldUnit(unit)).not.toBe(0);
  });
});
