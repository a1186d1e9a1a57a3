import type { Pack } from './types';
import { describeIssues, validatePack } from './validate';

/** A seed file as read from disk: its name and its text. */
export interface SeedFile {
  name: string;
  text: string;
}

/**
 * Checks the seed packs beyond the pack format: every card cites a source, ids are unique
 * across all packs, and related ids name cards that exist. Returns one line per problem,
 * naming the file, the card and the field; empty when all is well.
 */
export function checkSeedFiles(files: readonly SeedFile[]): string[] {
  const problems: string[] = [];
  const packs: { name: string; pack: Pack }[] = [];
  for (const { name, text } of files) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      problems.push(`${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    const result = validatePack(json);
    if (result.ok) packs.push({ name, pack: result.pack });
    else problems.push(describeIssues(result.issues, name));
  }
  const owner = new Map<string, string>();
  for (const { name, pack } of packs) {
    pack.cards.forEach((card, i) => {
      const where = `${name}: card "${card.id}" (cards[${i}]), field`;
      if (!card.sources?.length) problems.push(`${where} "sources" must cite at least one source`);
      const other = owner.get(card.id);
      if (other && other !== name) problems.push(`${where} "id" is also used in ${other}`);
      owner.set(card.id, name);
    });
  }
  for (const { name, pack } of packs) {
    pack.cards.forEach((card, i) => {
      card.related?.forEach((id, j) => {
        if (!owner.has(id))
          problems.push(
            `${name}: card "${card.id}" (cards[${i}]), field "related[${j}]" names no seed card ("${id}")`,
          );
      });
    });
  }
  return problems;
}
