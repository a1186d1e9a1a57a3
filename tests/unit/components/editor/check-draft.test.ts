import { checkDraft, fieldName } from '@/components/editor/check-draft';
import { cardOf, type Draft, draftOf, emptyDraft, isDraft } from '@/components/editor/draft';
import { makeCard } from '../../factories';

function draft(overrides: Partial<Draft> = {}): Draft {
  return { ...emptyDraft(), title: 'Permanent Joint Council', summary: 'A forum.', ...overrides };
}

describe('drafts', () => {
  it('round-trip a card exactly', () => {
    const card = makeCard();
    expect(cardOf(draftOf(card), card.id).card).toEqual(card);
  });

  it('drop rows left blank and remember where the kept rows were', () => {
    const built = cardOf(draft({ aliases: [{ alias: ' ' }, { alias: 'PJC' }] }), 'x');
    expect(built.card.aliases).toEqual(['PJC']);
    expect(built.rowIndex.aliases).toEqual([1]);
  });

  it('keep text exactly as typed', () => {
    expect(cardOf(draft({ title: '  Spaced  ' }), 'x').card.title).toBe('  Spaced  ');
  });

  it('keep a row filled in only halfway, so the check can name its empty half', () => {
    const built = cardOf(draft({ facts: [{ label: 'Founded', value: ' ' }] }), 'x');
    expect(built.card.facts).toEqual([{ label: 'Founded', value: ' ' }]);
  });

  it('drop blank tag rows too', () => {
    expect(cardOf(draft({ tags: [{ tag: '' }, { tag: 'nato' }] }), 'x').card.tags).toEqual(['nato']);
  });

  it('add no empty lists or blank date the card did not have', () => {
    const card = cardOf(draft({ aliases: [{ alias: '' }], updated: '  ' }), 'x').card;
    expect(Object.keys(card)).toEqual(['id', 'title', 'summary']);
  });

  it('are told apart from whatever else storage may hold', () => {
    const good = draftOf(makeCard());
    expect(isDraft(good)).toBe(true);
    expect(isDraft(undefined)).toBe(false);
    const bad: unknown[] = [
      { ...good, updated: undefined },
      { ...good, related: ['ok', 3] },
      { ...good, facts: [{ label: 'Founded', value: 1949 }] },
      { ...good, present: [null] },
    ];
    expect(bad.map(isDraft)).toEqual([false, false, false, false]);
  });
});

describe('checkDraft', () => {
  it('accepts a complete draft', () => {
    expect(checkDraft(draft(), 'x').errors.size).toBe(0);
  });

  it('requires a title and a summary', () => {
    const { errors } = checkDraft(draft({ title: '', summary: ' ' }), 'x');
    expect(errors.get('title')).toBe('Title must not be empty');
    expect(errors.get('summary')).toBe('Summary must not be empty');
  });

  it('says by how much a field is too long, with readable numbers', () => {
    const { errors } = checkDraft(draft({ summary: 's'.repeat(1_000_000) }), 'x');
    expect(errors.get('summary')).toBe('Summary is 1,000,000 characters; the limit is 200,000');
  });

  it('puts separators in a four-digit limit too', () => {
    const sources = [{ title: 'Long', url: `https://example.org/${'a'.repeat(3000)}` }];
    expect(checkDraft(draft({ sources }), 'x').errors.get('sources.0.url')).toBe(
      'Source 1 address is 3,020 characters; the limit is 2,048',
    );
  });

  it('puts an error on a plain list item next to its field', () => {
    const tags = [{ tag: 't'.repeat(51) }];
    expect(checkDraft(draft({ tags }), 'x').errors.get('tags.0.tag')).toBe(
      'Tag 1 is 51 characters; the limit is 50',
    );
  });

  it('shows a bad related card under Related cards, and a bad id under the title', () => {
    expect(checkDraft(draft({ related: ['Not An Id'] }), 'x').errors.get('related')).toBe(
      'Related cards must be a card id',
    );
    expect(checkDraft(draft(), 'Bad Id').errors.get('title')).toMatch(/^Title "Bad Id" is not a valid id/);
  });

  it('names the row of a bad address, counting rows as the reader sees them', () => {
    const sources = [
      { title: '', url: '' },
      { title: 'Ok', url: 'https://ok.example' },
      { title: 'Bad', url: 'javascript:alert(1)' },
    ];
    expect(checkDraft(draft({ sources }), 'x').errors.get('sources.2.url')).toBe(
      'Source 3 address must be an http or https address',
    );
  });

  it('refuses a date that is not ISO, quoting it as typed', () => {
    const timeline = [{ date: '1/6/2025', text: 'Summit' }];
    expect(checkDraft(draft({ timeline }), 'x').errors.get('timeline.0.date')).toBe(
      'Timeline entry 1 date "1/6/2025" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
    );
  });

  it('says that a date of the right shape names a day the calendar does not have', () => {
    const timeline = [{ date: '2024-02-30', text: 'Summit' }];
    expect(checkDraft(draft({ timeline }), 'x').errors.get('timeline.0.date')).toBe(
      'Timeline entry 1 date "2024-02-30" is not a real date: that month has 29 days',
    );
  });

  it('names the date the facts were checked on as the form labels it', () => {
    expect(checkDraft(draft({ updated: '2025-13' }), 'x').errors.get('updated')).toBe(
      'Facts checked on "2025-13" is not a real date: there is no month 13',
    );
  });

  it('refuses aliases shorter than two characters and repeated aliases', () => {
    const aliases = [
      { alias: 'x' },
      { alias: 'PJC' },
      { alias: 'pjc' },
      { alias: 'Permanent Joint Council' },
    ];
    const { errors } = checkDraft(draft({ aliases }), 'x');
    expect(errors.get('aliases.0.alias')).toBe('Alias 1 must be at least 2 characters long');
    expect(errors.get('aliases.2.alias')).toBe('Alias 3 repeats alias 2');
    expect(errors.get('aliases.3.alias')).toBe('Alias 4 repeats the title');
  });

  it('lists errors in the order the form shows the fields, whatever found them first', () => {
    const { errors } = checkDraft(
      draft({
        title: 't'.repeat(320),
        updated: 'soon',
        aliases: [{ alias: 'a' }],
        sources: [{ title: '', url: 'ftp://x' }],
        facts: [{ label: 'Founded', value: '' }],
        tags: [{ tag: 't'.repeat(51) }],
        related: ['Not An Id'],
      }),
      'x',
    );
    expect([...errors.keys()]).toEqual([
      'title',
      'aliases.0.alias',
      'facts.0.value',
      'sources.0.title',
      'sources.0.url',
      'tags.0.tag',
      'related',
      'updated',
    ]);
  });

  it('keeps the first message when a field has two problems', () => {
    const { errors } = checkDraft(draft({ title: 'X', aliases: [{ alias: 'x' }] }), 'x');
    expect(errors.get('aliases.0.alias')).toBe('Alias 1 must be at least 2 characters long');
  });

  it('measures an alias as it is matched: spaces around do not count, two letters are enough', () => {
    const aliases = [{ alias: ' y ' }, { alias: 'EU' }, { alias: '' }];
    const { errors } = checkDraft(draft({ aliases }), 'x');
    expect([...errors]).toEqual([['aliases.0.alias', 'Alias 1 must be at least 2 characters long']]);
  });

  it('warns about a very common title, and a common word written with accents or spaces', () => {
    const result = checkDraft(draft({ title: 'War', aliases: [{ alias: 'STATÉ ' }] }), 'x');
    expect(result.warnings.get('title')).toMatch(/^Title is a very common word/);
    expect(result.warnings.get('aliases.0.alias')).toMatch(/^Alias 1 is a very common word/);
  });

  it('warns about a very common word without blocking the save', () => {
    const result = checkDraft(draft({ aliases: [{ alias: 'The' }] }), 'x');
    expect(result.warnings.get('aliases.0.alias')).toMatch(/^Alias 1 is a very common word/);
    expect(result.errors.size).toBe(0);
  });

  it('names fields for messages', () => {
    expect([fieldName('facts.0.label'), fieldName('tags.1.tag'), fieldName('updated')]).toEqual([
      'Fact 1 label',
      'Tag 2',
      'Facts checked on',
    ]);
  });
});
