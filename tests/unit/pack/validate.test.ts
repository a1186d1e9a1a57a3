import { describeIssues, validateCard, validatePack } from '@/lib/pack/validate';
import { makeCard, makePack } from '../factories';

function issuesOf(value: unknown) {
  const result = validatePack(value);
  return result.ok ? [] : result.issues;
}

describe('validatePack', () => {
  it('accepts a well-formed pack and returns it typed', () => {
    const pack = makePack();
    const result = validatePack(pack);
    expect(result).toEqual({ ok: true, pack });
  });

  it('accepts a card with only the required fields', () => {
    expect(issuesOf(makePack([{ id: 'a', title: 'A card', summary: 'Short.' }]))).toEqual([]);
  });

  it('names the card and the field of every problem it finds', () => {
    const pack = makePack([
      makeCard({ id: 'ok' }),
      makeCard({
        id: 'bad',
        sources: [{ title: 'Evil', url: 'javascript:alert(1)' }],
        updated: '2026-02-30',
      }),
    ]);
    expect(issuesOf(pack)).toEqual([
      { cardId: 'bad', cardIndex: 1, field: 'sources[0].url', message: 'must be an http or https address' },
      {
        cardId: 'bad',
        cardIndex: 1,
        field: 'updated',
        message: '"2026-02-30" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
      },
    ]);
  });

  it('refuses data: and relative source URLs and accepts http and https', () => {
    const sources = [
      { title: 'a', url: 'data:text/html,<b>x</b>' },
      { title: 'b', url: '/relative' },
      { title: 'c', url: 'http://example.org/' },
      { title: 'd', url: 'https://example.org/' },
    ];
    const fields = issuesOf(makePack([makeCard({ sources })])).map((issue) => issue.field);
    expect(fields).toEqual(['sources[0].url', 'sources[1].url']);
  });

  it('requires id, title and summary', () => {
    const fields = issuesOf(makePack([{ aliases: [] } as never])).map((issue) => issue.field);
    expect(fields).toEqual(['id', 'title', 'summary']);
  });

  it('accepts dates at year, month and day precision and refuses others', () => {
    const timeline = ['2025', '2025-06', '2024-02-29', '2023-02-29', '2025-13', '25-06-2025', '2025-6-1'].map(
      (date) => ({ date, text: 'event' }),
    );
    const fields = issuesOf(makePack([makeCard({ timeline })])).map((issue) => issue.field);
    expect(fields).toEqual(['timeline[3].date', 'timeline[4].date', 'timeline[5].date', 'timeline[6].date']);
  });

  it('refuses duplicate card ids', () => {
    const issues = issuesOf(makePack([makeCard(), makeCard()]));
    expect(issues).toEqual([
      { cardId: 'nato', cardIndex: 1, field: 'id', message: '"nato" is used by an earlier card' },
    ]);
  });

  it('refuses fields the format does not have, so nothing is silently dropped', () => {
    const issues = issuesOf(makePack([{ ...makeCard(), colour: 'red' } as never]));
    expect(issues.map((issue) => issue.field)).toEqual(['colour']);
  });

  it('refuses a newer format version with a message that says so', () => {
    expect(issuesOf({ ...makePack(), backstory: 2 })[0]?.message).toMatch(/newer than this Backstory reads/);
  });

  it('refuses things that are not packs without throwing', () => {
    for (const value of [null, 42, 'pack', [], { backstory: 1 }]) {
      expect(issuesOf(value).length).toBeGreaterThan(0);
    }
  });

  it('reports an over-long title with its length and the limit', () => {
    const issues = issuesOf(makePack([makeCard({ title: 'x'.repeat(10_000) })]));
    expect(issues[0]).toMatchObject({ field: 'title', message: 'is 10000 characters; the limit is 300' });
  });

  it('accepts a 100 KB summary and refuses a 1 MB one', () => {
    expect(issuesOf(makePack([makeCard({ summary: 's'.repeat(100 * 1024) })]))).toEqual([]);
    expect(issuesOf(makePack([makeCard({ summary: 's'.repeat(1 << 20) })]))[0]?.field).toBe('summary');
  });

  it('stops collecting after fifty issues', () => {
    const cards = Array.from({ length: 200 }, (_, i) => ({ id: `c${i}` }) as never);
    expect(issuesOf(makePack(cards))).toHaveLength(50);
  });

  it('refuses pack, card and related ids that are not lower-case letters, digits, ".", "-" or "_"', () => {
    const pack = makePack([makeCard({ id: 'Bad Id!' }), makeCard({ id: 'ok', related: ['Bad Id!'] })], {
      id: 'Bad Pack!',
    });
    const rule = 'is not a valid id (lower-case letters, digits, ".", "-", "_")';
    expect(issuesOf(pack)).toEqual([
      { field: 'pack.id', message: `"Bad Pack!" ${rule}` },
      { cardId: 'Bad Id!', cardIndex: 0, field: 'id', message: `"Bad Id!" ${rule}` },
      { cardId: 'ok', cardIndex: 1, field: 'related[0]', message: 'must be a card id' },
    ]);
  });

  it('refuses a pack language that is not a language tag and accepts the common shapes', () => {
    expect(issuesOf(makePack(undefined, { language: 'not a tag!' }))).toEqual([
      { field: 'pack.language', message: '"not a tag!" is not a language tag such as "en" or "pt-BR"' },
    ]);
    for (const language of ['en', 'pt-BR', 'zh-Hant-TW']) {
      expect(issuesOf(makePack(undefined, { language }))).toEqual([]);
    }
  });

  it('refuses a card that names itself as related', () => {
    expect(validateCard(makeCard({ related: ['nato'] }))[0]?.field).toBe('related[0]');
  });
});

describe('describeIssues', () => {
  it('writes one line per issue naming the file, the card and the field', () => {
    const result = validatePack(makePack([makeCard({ id: 'bad', summary: '' })]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeIssues(result.issues, 'seeds/x.json')).toBe(
      'seeds/x.json: card "bad" (cards[0]), field "summary" must not be empty',
    );
  });
});
