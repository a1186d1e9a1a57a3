import { checkDraft, fieldName } from '@/components/editor/check-draft';
import { cardOf, type Draft, draftOf, emptyDraft } from '@/components/editor/draft';
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
    const timeline = [{ date: '2025-13-01', text: 'Summit' }];
    expect(checkDraft(draft({ timeline }), 'x').errors.get('timeline.0.date')).toBe(
      'Timeline entry 1 date "2025-13-01" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
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

  it('warns about a very common word without blocking the save', () => {
    const result = checkDraft(draft({ aliases: [{ alias: 'The' }] }), 'x');
    expect(result.warnings.get('aliases.0.alias')).toMatch(/^Alias 1 is a very common word/);
    expect(result.errors.size).toBe(0);
  });

  it('names fields for messages', () => {
    expect([fieldName('facts.0.label'), fieldName('tags.1.tag'), fieldName('updated')]).toEqual([
      'Fact 1 label',
      'Tag 2',
      'Checked on',
    ]);
  });
});
