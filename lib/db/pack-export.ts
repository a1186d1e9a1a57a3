import { isId } from '../pack/formats';
import { LIMITS } from '../pack/limits';
import { type Card, PACK_FORMAT_VERSION, type Pack } from '../pack/types';
import { describeIssues, validatePack } from '../pack/validate';
import { isYours, toPackCard } from './cards';
import type { BackstoryDB } from './schema';
import { titleSlug } from './title-slug';

/** Which cards an export holds: all of them, or those the reader wrote or edited. */
export type ExportScope = 'all' | 'yours';

/**
 * A pack id made from the pack's title ("My cards" → "my-cards"). A title with no Latin
 * letters or digits ("قمة لاهاي") gets "cards-" and a hash of the title, so two such packs
 * do not share one pack record, and exporting again under the same title keeps its id.
 */
export function packIdFor(title: string): string {
  const slug = titleSlug(title, 64);
  return isId(slug) ? slug : `cards-${titleHash(title.trim())}`;
}

/** FNV-1a over the title's code points, as eight hex digits. */
function titleHash(title: string): string {
  let hash = 0x811c9dc5;
  for (const char of title) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16777619);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A version that sorts in time, to the second, in the style of the seed packs:
 * "2026.12.03.140507". Two exports in one minute get two file names.
 */
export function exportVersion(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return `${now.getFullYear()}.${two(now.getMonth() + 1)}.${two(now.getDate())}.${time}`;
}

/**
 * A stored card as a pack holds it. Its related ids are each written once, and only if an
 * id could be that long: packs read before the format said so could store one twice, or one
 * no card can have, and either would make the export fail its own check while meaning
 * nothing.
 */
function exportedCard(stored: Card): Card {
  const card = toPackCard(stored);
  if (!card.related) return card;
  const related = [...new Set(card.related)].filter((id) => id.length <= LIMITS.idLength);
  return related.length === card.related.length ? card : { ...card, related };
}

/**
 * The reader's cards as packs, ordered by id: exactly the public fields of each card,
 * nothing of Backstory's bookkeeping. One pack, unless there are more cards than a pack may
 * hold (`perPack`, the format's limit): then as many packs as needed, with the same id and a
 * version naming the part ("2026.12.03.140507-part-2-of-3"), which import one after another
 * (an import never removes cards). Each pack is checked against the format before it is
 * handed out, so an export Backstory cannot read back is never written.
 */
export async function exportPacks(
  db: BackstoryDB,
  options: { scope: ExportScope; title: string },
  now = new Date(),
  perPack: number = LIMITS.cards,
): Promise<Pack[]> {
  const stored = await db.cards.orderBy(':id').toArray();
  const cards = stored.filter((card) => options.scope === 'all' || isYours(card)).map(exportedCard);
  const title = options.title.trim() || 'Backstory cards';
  const parts = Math.max(1, Math.ceil(cards.length / perPack));
  const version = exportVersion(now);
  return Array.from({ length: parts }, (_, i) => {
    const pack: Pack = {
      backstory: PACK_FORMAT_VERSION,
      pack: {
        id: packIdFor(title),
        title,
        version: parts === 1 ? version : `${version}-part-${i + 1}-of-${parts}`,
      },
      cards: cards.slice(i * perPack, (i + 1) * perPack),
    };
    const checked = validatePack(pack);
    if (!checked.ok)
      throw new Error(`Backstory made a pack it cannot read:\n${describeIssues(checked.issues, 'export')}`);
    return pack;
  });
}

/** The pack as a file's text: indented JSON, ending with a new line. */
export function packFileText(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** A file name for the pack: its id and version, "my-cards-2026.12.03.140507.json". */
export function packFileName(pack: Pack): string {
  return `${pack.pack.id}-${pack.pack.version}.json`;
}
