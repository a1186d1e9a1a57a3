import { NO_SPACE, SURROGATE, WORD } from '../../../lib/match/char-class';
import { SEPARATOR } from '../../../lib/match/char-fold';
import { CLASS_SHIFT, FOLD_CODE, FOLD_DASH, FOLD_GONE, FOLD_SPACE } from '../../../lib/match/fold-table';

// folded-text.ts and scan.ts spell these out in their inner loops for speed; they must not drift.
describe('the fold table encoding', () => {
  it('has the values the normaliser loop is written with', () => {
    const used = {
      FOLD_CODE,
      CLASS_SHIFT,
      FOLD_SPACE,
      FOLD_DASH,
      FOLD_GONE,
      SEPARATOR,
      WORD,
      NO_SPACE,
      SURROGATE,
    };
    expect(used).toEqual({
      FOLD_CODE: 0x1ffff,
      CLASS_SHIFT: 20,
      FOLD_SPACE: 0x10001,
      FOLD_DASH: 0x10002,
      FOLD_GONE: 0x10003,
      SEPARATOR: 0x20,
      WORD: 1,
      NO_SPACE: 2,
      SURROGATE: 16,
    });
  });
});
