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
  /** foldText's progress while it runs, as Int32 values (see foldCommon). */
  readonly state = new Int32Array(7);

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
 * punctuation, white space, dashes) are folded by `foldCommon` in windows of a few
 * thousand; anything else stops it, and `foldRare` takes that one character.
 */
export function foldText(text: string, out: FoldedText = new FoldedText()): FoldedText {
  const length = text.length;
  out.reserve(length);
  const state = out.state;
  // length, startCount, inRun, runHasDash, and the class before the text: a space.
  state.fill(0);
  for (let i = 0; i < length; ) {
    i = foldCommon(text, i, state);
    const written = state[0] as number;
    const counted = state[1] as number;
    const from = state[5] as number;
    // Copy the window out: a memory copy per window, far cheaper than what it saves.
    out.units.set(windowUnits.subarray(0, written - from), from);
    out.origins.set(windowOrigins.subarray(0, written - from), from);
    const startsFrom = state[6] as number;
    out.starts.set(windowStarts.subarray(0, counted - startsFrom), startsFrom);
    if (i < length && written - from < WINDOW) i = foldRare(text, i, out, state);
  }
  out.length = state[0] as number;
  out.startCount = state[1] as number;
  out.origins[out.length] = length;
  return out;
}

/** Units folded per window. Small enough that the windows stay in the first-level cache. */
const WINDOW = 4096;
// The windows foldCommon writes. V8 (Node 20) compiles a loop that writes module-level
// constant typed arrays about 30% faster than one that writes arrays it is passed, whose
// bounds and data pointers it reloads after every store; measured on the corpus pages.
const windowUnits = new Uint16Array(WINDOW);
const windowOrigins = new Int32Array(WINDOW);
const windowStarts = new Int32Array(WINDOW);

/**
 * The hot loop: folds from `from` into the windows until they are full, the text ends or a
 * character needs `foldRare` (one that is ignored, expands, or is not in the table yet), and
 * returns where it stopped. `state` holds, as Int32 values: [0] units written and [1] starts
 * found in the whole text, [2] inRun and [3] runHasDash as 0/1, [4] the last unit's class;
 * it sets [5] and [6] to the totals the window began at.
 *
 * The loop spells out the encoding's constants (checked against fold-table.ts and
 * char-class.ts by a unit test): reading module bindings would cost a load each time.
 */
function foldCommon(text: string, from: number, state: Int32Array): number {
  const folds = foldTable;
  const length = text.length;
  const base = state[0] as number;
  const startBase = state[1] as number;
  // Window positions: w units, c starts.
  let w = 0;
  let c = 0;
  // As 0/1: the last unit read was white space or a dash; the current run holds a dash.
  let inRun = state[2] as number;
  let runHasDash = state[3] as number;
  let last = state[4] as number;
  let i = from;
  for (; i < length && w < WINDOW; i++) {
    const entry = folds[text.charCodeAt(i)] as number;
    if (entry === 0 || (entry & 0x20000) /* RARE_BIT */ !== 0) {
      if (entry !== 0x60000 /* RARE_BIT | RARE_DASH << RARE_SHIFT */) break;
      // A dash is a separator; a second dash in one run is a second separator.
      if (inRun === 0 || runHasDash === 1) {
        windowUnits[w] = 0x20; // SEPARATOR
        windowOrigins[w++] = i;
        last = 0;
      }
      inRun = 1;
      runHasDash = 1;
      continue;
    }
    const space = (entry >>> 16) & 1; // SPACE_BIT
    const here = entry >>> 20; // CLASS_SHIFT
    // The start rule, without a branch (a mispredicted one at every word edge costs more than
    // the write): no letter or digit (WORD = 1) before, unless NO_SPACE (2) on a side; and
    // never at a separator.
    windowStarts[c] = base + w;
    c += (((last & 1) ^ 1) | ((last | here) >>> 1)) & 1 & (space ^ 1);
    windowUnits[w] = entry & 0xffff; // UNIT_MASK
    windowOrigins[w] = i;
    // White space after white space or a dash adds nothing: its slot is written again.
    w += 1 - (space & inRun);
    runHasDash &= inRun;
    inRun = space;
    last = here;
  }
  state[0] = base + w;
  state[1] = startBase + c;
  state[2] = inRun;
  state[3] = runHasDash;
  state[4] = last;
  state[5] = base;
  state[6] = startBase;
  return i;
}

/**
 * Folds the character at `i`, which `foldCommon` stopped at, straight into `out`, and
 * returns where to go on. Reads and updates the same `state` as foldCommon.
 */
function foldRare(text: string, i: number, out: FoldedText, state: Int32Array): number {
  const unit = text.charCodeAt(i);
  let entry = foldTable[unit] as number;
  if (entry === 0) {
    entry = foldUnit(unit);
    // Now in the table: a common character or a dash goes back to the hot loop.
    if ((entry & RARE_BIT) === 0 || entry === (RARE_BIT | (RARE_DASH << RARE_SHIFT))) return i;
  }
  // RARE_GONE: ignored, as if it were not there.
  if (((entry >>> RARE_SHIFT) & 3) !== RARE_EXPAND) return i + 1;
  return appendExpansion(text, i, out, state) + 1;
}

/**
 * The slow path, for a character that folds to several units or is astral: appends its
 * expansion to `out`, continuing from `state` (as foldCommon keeps it). Returns the index of
 * the character's last code unit.
 */
function appendExpansion(text: string, i: number, out: FoldedText, state: Int32Array): number {
  const unit = text.charCodeAt(i);
  const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
  const paired = unit >= 0xd800 && unit < 0xdc00 && low >= 0xdc00 && low < 0xe000;
  const codePoint = paired ? ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000 : unit;
  const expansion = expansionOf(codePoint);
  const first = state[0] as number;
  out.reserve(first + expansion.length + text.length - i);
  const { units, origins } = out;
  let k = first;
  for (const part of expansion) {
    if (part >= 0) {
      units[k] = part;
      origins[k++] = i;
      state[2] = 0;
    } else if (state[2] === 0 || (part === DASH_MARK && state[3] === 1)) {
      units[k] = SEPARATOR;
      origins[k++] = i;
      state[2] = 1;
      state[3] = part === DASH_MARK ? 1 : 0;
    } else if (part === DASH_MARK) state[3] = 1;
  }
  state[0] = k;
  if (k > first) {
    // Only the first unit of a character may start a mention; a separator never does.
    const here = classFrom(units, first, k);
    if (units[first] !== SEPARATOR && separates(state[4] as number, here)) {
      out.starts[state[1] as number] = first;
      state[1] = (state[1] as number) + 1;
    }
    state[4] = units[k - 1] === SEPARATOR ? 0 : classOfLast(units, first, k);
  }
  return paired ? i + 1 : i;
}

/** Class of the last code point in `units[from .. to)`. */
function classOfLast(units: Uint16Array, from: number, to: number): number {
  const lastUnit = units[to - 1] as number;
  const pairs = to - 2 >= from && lastUnit >= 0xdc00 && lastUnit < 0xe000;
  return classFrom(units, pairs ? to - 2 : to - 1, to);
}
