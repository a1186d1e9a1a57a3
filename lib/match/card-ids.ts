/**
 * Card ids by index. A compiled matcher holds them as an array; a loaded one keeps the
 * persisted bytes or UTF-16 units and decodes them in one call the first time an id is asked for,
 * then slices ids out on demand, so a cold start does not build 100k strings up front.
 */

/** Card ids by index. */
export interface CardIds {
  readonly count: number;
  /** The id at `index` (0 <= index < count). */
  at(index: number): string;
}

/** Ids held as strings. */
export class ArrayCardIds implements CardIds {
  constructor(private readonly ids: readonly string[]) {}

  get count(): number {
    return this.ids.length;
  }

  at(index: number): string {
    return this.ids[index] as string;
  }
}

/**
 * Ids held end to end, with the end offset of each id: as bytes when every id is ASCII
 * (card ids are slugs, so nearly always: half the size to store and read back), else as
 * UTF-16 units.
 */
export class PackedCardIds implements CardIds {
  private joined: string | undefined;

  constructor(
    readonly ends: Int32Array,
    readonly units: Uint16Array | Uint8Array,
    /** False when some id has a lone surrogate, which a TextDecoder would not keep. */
    readonly isWellFormed: boolean,
  ) {}

  get count(): number {
    return this.ends.length;
  }

  at(index: number): string {
    this.joined ??= this.decode();
    return this.joined.slice(index === 0 ? 0 : (this.ends[index - 1] as number), this.ends[index] as number);
  }

  private decode(): string {
    const { units } = this;
    // ASCII bytes read the same as UTF-8.
    if (units instanceof Uint8Array) return new TextDecoder().decode(units);
    if (this.isWellFormed) return new TextDecoder('utf-16le').decode(units);
    let joined = '';
    // fromCharCode takes arguments on the stack: decode in slices well below its limit.
    for (let i = 0; i < units.length; i += 8192)
      joined += String.fromCharCode(...units.subarray(i, i + 8192));
    return joined;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NOT_ASCII = /[^\0-\x7f]/;

/** Packs `ids` for persisting, as PackedCardIds reads them: bytes when all are ASCII. */
export function packCardIds(ids: CardIds): {
  ends: Int32Array;
  units: Uint16Array | Uint8Array;
  wellFormed: boolean;
} {
  const ends = new Int32Array(ids.count);
  let total = 0;
  let wellFormed = true;
  let ascii = true;
  for (let i = 0; i < ids.count; i++) {
    const id = ids.at(i);
    total += id.length;
    ends[i] = total;
    if (ascii && NOT_ASCII.test(id)) ascii = false;
    if (wellFormed && !ascii && LONE_SURROGATE.test(id)) wellFormed = false;
  }
  const units = ascii ? new Uint8Array(total) : new Uint16Array(total);
  let at = 0;
  for (let i = 0; i < ids.count; i++) {
    const id = ids.at(i);
    for (let j = 0; j < id.length; j++) units[at++] = id.charCodeAt(j);
  }
  return { ends, units, wellFormed };
}
