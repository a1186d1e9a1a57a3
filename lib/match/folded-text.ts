/**
 * Text folded for matching, with a map from every folded unit back to the original text and
 * the list of places where a mention may start. Matching runs on the folded units; offsets
 * are reported through `origins`.
 */

import { classFrom, separates } from './char-class';
import { DASH_MARK, SEPARATOR } from './char-fold';
import { expansionOf, foldTable, foldUnit } from './fold-table';

/**
 * A reusable buffer of folded text. `units[i]` is a folded UTF-16 unit and `origins[i]` the
 * offset in the original text of the code point it came from; `origins[length]` is the
 * original length. Separators (runs of white space around at most one dash) are one unit.
 * `starts[0 .. startCount)` are the units, ascending, where the start rule lets a mention
 * begin: the first unit of a character, with no letter or digit before it unless a script
 * written without spaces is on either side (see `separates` in char-class.ts).
 */
export class FoldedText {
  units = new Uint16Array(64);
  origins = new Int32Array(65);
  starts = new Int32Array(64);
  length = 0;
  startCount = 0;
  // Where foldText stopped, for its slow path: inside a separator run, whether the run has
  // a dash, and the class of the last unit.
  inRun = false;
  runHasDash = false;
  lastClass = 0;

  /** Makes room for `size` units, keeping what is written so far. */
  reserve(size: number): void {
    if (size < this.units.length) return;
    const capacity = Math.max(size + 1, this.units.length * 2);
    const grown = <T extends Uint16Array | Int32Array>(old: T, make: (n: number) => T, extra = 0): T => {
      const array = make(capacity + extra);
      array.set(old);
      return array;
    };
    this.units = grown(this.units, (n) => new Uint16Array(n));
    this.origins = grown(this.origins, (n) => new Int32Array(n), 1);
    this.starts = grown(this.starts, (n) => new Int32Array(n));
  }
}

/**
 * Folds `text` into `out` (see char-fold.ts for what is equal to what) and returns it.
 * One pass, one table read per character on the common path.
 */
export function foldText(text: string, out: FoldedText = new FoldedText()): FoldedText {
  const length = text.length;
  out.reserve(length);
  // The loop spells out the encoding's constants (checked against fold-table.ts and
  // char-class.ts by a unit test) and reads the table through a local: measured about a
  // quarter faster than reading module bindings, which V8 cannot treat as constants.
  const folds = foldTable;
  let { units, origins, starts } = out;
  let k = 0;
  let count = 0;
  // Separator state: inside a run of spaces/dashes, and whether that run already has a dash.
  let inRun = false;
  let runHasDash = false;
  // Class of the last unit written; the start of the text counts as a space.
  let last = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    let entry = folds[unit] as number;
    if (entry === 0) entry = foldUnit(unit);
    const code = entry & 0x1ffff; // FOLD_CODE
    if (code <= 0x10000) {
      // One BMP unit, never a surrogate: a character that folds to a surrogate pair is astral.
      const folded = code - 1;
      const here = entry >>> 20; // CLASS_SHIFT
      // The start rule: no letter or digit (WORD = 1) before, unless NO_SPACE (2) on a side.
      if ((last & 1) === 0 || ((last | here) & 2) !== 0) starts[count++] = k;
      last = here;
      units[k] = folded;
      origins[k++] = i;
      inRun = false;
    } else if (code === 0x10001 /* FOLD_SPACE */) {
      if (!inRun) {
        units[k] = 0x20; // SEPARATOR
        origins[k++] = i;
        inRun = true;
        runHasDash = false;
        last = 0;
      }
    } else if (code === 0x10002 /* FOLD_DASH */) {
      if (!inRun || runHasDash) {
        units[k] = 0x20; // SEPARATOR
        origins[k++] = i;
        last = 0;
      }
      inRun = true;
      runHasDash = true;
    } else if (code !== 0x10003 /* FOLD_GONE */) {
      out.length = k;
      out.startCount = count;
      out.inRun = inRun;
      out.runHasDash = runHasDash;
      out.lastClass = last;
      i = appendExpansion(text, i, out);
      k = out.length;
      count = out.startCount;
      inRun = out.inRun;
      runHasDash = out.runHasDash;
      last = out.lastClass;
      units = out.units;
      origins = out.origins;
      starts = out.starts;
    }
  }
  origins[k] = length;
  out.length = k;
  out.startCount = count;
  return out;
}

/**
 * The slow path, for a character that folds to several units or is astral: appends its
 * expansion to `out`, continuing from the state saved in it. Returns the index of the
 * character's last code unit.
 */
function appendExpansion(text: string, i: number, out: FoldedText): number {
  const unit = text.charCodeAt(i);
  const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  const paired = unit >= 0xd800 && unit < 0xdc00 && low >= 0xdc00 && low < 0xe000;
  const codePoint = paired ? ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000 : unit;
  const expansion = expansionOf(codePoint);
  out.reserve(out.length + expansion.length + text.length - i);
  const { units, origins } = out;
  const first = out.length;
  for (const part of expansion) {
    if (part >= 0) {
      units[out.length] = part;
      origins[out.length++] = i;
      out.inRun = false;
    } else if (!out.inRun || (part === DASH_MARK && out.runHasDash)) {
      units[out.length] = SEPARATOR;
      origins[out.length++] = i;
      out.inRun = true;
      out.runHasDash = part === DASH_MARK;
    } else if (part === DASH_MARK) out.runHasDash = true;
  }
  if (out.length > first) {
    // Only the first unit of a character may start a mention; a separator never does.
    const here = classFrom(units, first, out.length);
    const before = out.lastClass;
    if (units[first] !== SEPARATOR && separates(before, here)) {
      out.starts[out.startCount++] = first;
    }
    out.lastClass = units[out.length - 1] === SEPARATOR ? 0 : classOfLast(units, first, out.length);
  }
  return paired ? i + 1 : i;
}

/** Class of the last code point in `units[from .. to)`. */
function classOfLast(units: Uint16Array, from: number, to: number): number {
  const lastUnit = units[to - 1] as number;
  const pairs = to - 2 >= from && lastUnit >= 0xdc00 && lastUnit < 0xe000;
  return classFrom(units, pairs ? to - 2 : to - 1, to);
}
