/**
 * Maps folded code units to small dense symbols (1..n, 0 for units no term uses), so the
 * double array is indexed by a few hundred symbols rather than 65,536 code units.
 */

/** Code unit -> symbol, 0 for units that appear in no term. */
export type Alphabet = Int32Array;

/**
 * The alphabet of the units in `pool` (all keys end to end): symbols numbered by falling
 * frequency, so the common letters have small symbols and siblings pack closely in the
 * double array.
 */
export function alphabetOf(pool: Uint16Array): { alphabet: Alphabet; units: Uint16Array } {
  const counts = new Int32Array(0x10000);
  const used: number[] = [];
  for (let i = 0; i < pool.length; i++) {
    const unit = pool[i] as number;
    if (counts[unit] === 0) used.push(unit);
    counts[unit] = (counts[unit] as number) + 1;
  }
  used.sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  const units = Uint16Array.from(used);
  return { alphabet: alphabetFromUnits(units), units };
}

/** Rebuilds the lookup table from the units in symbol order (as persisted). */
export function alphabetFromUnits(units: Uint16Array): Alphabet {
  const alphabet = new Int32Array(0x10000);
  units.forEach((unit, index) => {
    alphabet[unit] = index + 1;
  });
  return alphabet;
}
