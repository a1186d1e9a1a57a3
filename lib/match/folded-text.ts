/**
 * Text folded for matching, with a map from every folded unit back to the original text and
 * the list of places where a mention may start. Matching runs on the folded units; offsets
 * are reported through `origins`.
 */

import { classFrom, separates } from './char-class';
import { DASH_MARK, SEPARATOR } from './char-fold';
import { expansionOf, foldTable, foldUnit, RARE_BIT, RARE_DASH, RARE_EXPAND, RARE_SHIFT } from './fold-table';

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
  /** The fields above as foldCommon takes and gives them back: length, startCount, inRun, runHasDash, lastClass. */
  readonly state = new Int32Array(5);

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
 * One pass, one table read per character. The common characters (letters, digits,
 * punctuation, white space) are folded by `foldCommon`, which stops at anything else;
 * `foldRare` takes that one character and hands back.
 */
export function foldText(text: string, out: FoldedText = new FoldedText()): FoldedText {
  const length = text.length;
  out.reserve(length);
  out.length = 0;
  out.startCount = 0;
  out.inRun = false;
  out.runHasDash = false;
  // The start of the text counts as a space.
  out.lastClass = 0;
  const state = out.state;
  for (let i = 0; i < length; ) {
    state[0] = out.length;
    state[1] = out.startCount;
    state[2] = out.inRun ? 1 : 0;
    state[3] = out.runHasDash ? 1 : 0;
    state[4] = out.lastClass;
    i = foldCommon(text, i, state, out.units, out.origins, out.starts, foldTable);
    out.length = state[0] as number;
    out.startCount = state[1] as number;
    out.inRun = state[2] === 1;
    out.runHasDash = state[3] === 1;
    out.lastClass = state[4] as number;
    if (i < length) i = foldRare(text, i, out);
  }
  out.origins[out.length] = length;
  return out;
}

/**
 * The hot loop: folds from `from` until the end of the text or the first character it
 * leaves to `foldRare` (a dash, an ignored character, one that expands, or one not in the
 * table yet), and returns where it stopped. Kept apart from the rare cases, and with its
 * arrays as parameters that never change, because V8 compiles it to about twice the speed
 * of one loop that handles everything. Its state comes from and goes back to `out`.
 *
 * The loop spells out the encoding's constants (checked against fold-table.ts and
 * char-class.ts by a unit test): reading module bindings would cost a load each time.
 */
function foldCommon(
  text: string,
  from: number,
  state: Int32Array,
  units: Uint16Array,
  origins: Int32Array,
  starts: Int32Array,
  folds: Int32Array,
): number {
  const length = text.length;
  let k = state[0] as number;
  let count = state[1] as number;
  // As 0/1: the last unit read was white space or a dash; the current run holds a dash.
  let inRun = state[2] as number;
  let runHasDash = state[3] as number;
  let last = state[4] as number;
  let i = from;
  for (; i < length; i++) {
    const entry = folds[text.charCodeAt(i)] as number;
    if (entry === 0 || (entry & 0x20000) /* RARE_BIT */ !== 0) break;
    const space = (entry >>> 16) & 1; // SPACE_BIT
    const here = entry >>> 20; // CLASS_SHIFT
    // The start rule, without a branch (a mispredicted one at every word edge costs more than
    // the write): no letter or digit (WORD = 1) before, unless NO_SPACE (2) on a side; and
    // never at a separator.
    starts[count] = k;
    count += (((last & 1) ^ 1) | ((last | here) >>> 1)) & 1 & (space ^ 1);
    units[k] = entry & 0xffff;
    origins[k] = i;
    // White space after white space or a dash adds nothing: its slot is written again.
    k += 1 - (space & inRun);
    runHasDash &= inRun;
    inRun = space;
    last = here;
  }
  state[0] = k;
  state[1] = count;
  state[2] = inRun;
  state[3] = runHasDash;
  state[4] = last;
  return i;
}

/** Folds the character at `i`, which `foldCommon` stopped at, and returns where to go on. */
function foldRare(text: string, i: number, out: FoldedText): number {
  const unit = text.charCodeAt(i);
  let entry = foldTable[unit] as number;
  if (entry === 0) {
    entry = foldUnit(unit);
    // Now in the table: a common character goes back to the hot loop.
    if ((entry & RARE_BIT) === 0) return i;
  }
  const kind = (entry >>> RARE_SHIFT) & 3;
  if (kind === RARE_DASH) {
    // A dash is a separator; a second dash in one run is a second separator.
    if (!out.inRun || out.runHasDash) {
      out.units[out.length] = SEPARATOR;
      out.origins[out.length++] = i;
      out.lastClass = 0;
    }
    out.inRun = true;
    out.runHasDash = true;
    return i + 1;
  }
  // RARE_GONE: ignored, as if it were not there.
  if (kind === RARE_EXPAND) return appendExpansion(text, i, out) + 1;
  return i + 1;
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
