import { cardTerms, readRevision } from '../db/cards';
import type { BackstoryDB } from '../db/schema';
import { compileMatcher, type Matcher, type TermEntry } from '../match';

/**
 * Keeps one compiled matcher for all tabs. It is rebuilt when the card revision moves,
 * which every card write bumps, whichever extension page made the write.
 */
export class MatcherService {
  private revision = -1;
  private matcher: Matcher = compileMatcher([]);
  private pending: Promise<Matcher> | undefined;

  constructor(private readonly db: BackstoryDB) {}

  /** The matcher for the current cards, rebuilt first if cards changed. */
  async current(): Promise<Matcher> {
    const revision = await readRevision(this.db);
    if (revision === this.revision) return this.matcher;
    this.pending ??= this.rebuild(revision).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async rebuild(revision: number): Promise<Matcher> {
    const entries: TermEntry[] = [];
    await this.db.cards.each((card) => {
      for (const term of cardTerms(card)) entries.push({ term, cardId: card.id });
    });
    this.matcher = compileMatcher(entries);
    this.revision = revision;
    return this.matcher;
  }
}
