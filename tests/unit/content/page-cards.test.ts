import { PageCards } from '@/lib/content/card/page-cards';
import { MentionStore } from '@/lib/content/mention-store';
import { DEFAULT_PREFERENCES } from '@/lib/protocol/preferences';
import { makeCard } from '../factories';

describe('the cards a page can show', () => {
  it('takes no property every object has for a card, whatever the ids', () => {
    const store = new MentionStore();
    const nato = makeCard({ related: ['constructor', 'toString', 'kyiv'] });
    // As a scan's answer arrives: a plain object, with the prototype every object has.
    store.set([], { nato }, DEFAULT_PREFERENCES);
    const cards = new PageCards(store);
    expect(cards.get('nato')).toBe(nato);
    expect(cards.get('constructor')).toBeUndefined();
    expect(cards.pick(nato.related)).toEqual([]);
  });
});
