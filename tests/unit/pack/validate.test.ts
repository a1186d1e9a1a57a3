import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LIMITS } from '@/lib/pack/limits';
import type { Card } from '@/lib/pack/types';
import { describeIssues, issueLines, validateCard, validatePack } from '@/lib/pack/validate';
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
        message: '"2026-02-30" is not a real date: that month has 28 days',
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

  it('knows the leap years of the first centuries, year 0 among them', () => {
    const refused = (date: string) => validateCard(makeCard({ updated: date })).map((issue) => issue.message);
    for (const leap of ['0000-02-29', '0004-02-29', '0096-02-29', '2000-02-29'])
      expect(refused(leap)).toEqual([]);
    for (const common of ['0001-02-29', '0100-02-29', '1900-02-29'])
      expect(refused(common)).toEqual([`"${common}" is not a real date: that month has 28 days`]);
  });

  it('says whether a refused date has the wrong shape or names a month or day that does not exist', () => {
    const timeline = ['13/01/2025', '2025-13', '2025-00-10', '2024-02-30', '2025-04-31', '2025-04-00'].map(
      (date) => ({ date, text: 'event' }),
    );
    expect(issuesOf(makePack([makeCard({ timeline })])).map((issue) => issue.message)).toEqual([
      '"13/01/2025" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
      '"2025-13" is not a real date: there is no month 13',
      '"2025-00-10" is not a real date: there is no month 00',
      '"2024-02-30" is not a real date: that month has 29 days',
      '"2025-04-31" is not a real date: that month has 30 days',
      '"2025-04-00" is not a real date: that month has 30 days',
    ]);
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

describe('the limits of the pack format', () => {
  const text = (length: number) => 'x'.repeat(length);
  const list = <T>(length: number, item: (i: number) => T) => Array.from({ length }, (_, i) => item(i));

  // Each row: the field an issue names, a card at the limit, and the same card one past it.
  const cases: [string, (n: number) => Partial<Card>, number][] = [
    ['id', (n) => ({ id: text(n) }), LIMITS.idLength],
    ['title', (n) => ({ title: text(n) }), LIMITS.titleLength],
    ['summary', (n) => ({ summary: text(n) }), LIMITS.summaryLength],
    ['aliases', (n) => ({ aliases: list(n, (i) => `alias ${i}`) }), LIMITS.aliases],
    ['aliases[0]', (n) => ({ aliases: [text(n)] }), LIMITS.aliasLength],
    ['facts', (n) => ({ facts: list(n, () => ({ label: 'l', value: 'v' })) }), LIMITS.facts],
    ['facts[0].label', (n) => ({ facts: [{ label: text(n), value: 'v' }] }), LIMITS.factLabelLength],
    ['facts[0].value', (n) => ({ facts: [{ label: 'l', value: text(n) }] }), LIMITS.factValueLength],
    ['timeline', (n) => ({ timeline: list(n, () => ({ date: '2000', text: 't' })) }), LIMITS.timeline],
    ['timeline[0].text', (n) => ({ timeline: [{ date: '2000', text: text(n) }] }), LIMITS.timelineTextLength],
    [
      'sources',
      (n) => ({ sources: list(n, () => ({ title: 't', url: 'https://a.example/' })) }),
      LIMITS.sources,
    ],
    [
      'sources[0].title',
      (n) => ({ sources: [{ title: text(n), url: 'https://a.example/' }] }),
      LIMITS.sourceTitleLength,
    ],
    [
      'sources[0].url',
      (n) => ({ sources: [{ title: 't', url: `https://a.example/${text(n - 18)}` }] }),
      LIMITS.urlLength,
    ],
    ['tags', (n) => ({ tags: list(n, (i) => `tag ${i}`) }), LIMITS.tags],
    ['tags[0]', (n) => ({ tags: [text(n)] }), LIMITS.tagLength],
    ['related', (n) => ({ related: list(n, (i) => `card-${i}`) }), LIMITS.related],
  ];

  // The limits are part of the public format: changing one is a format change, made in
  // docs/pack-format.md as well.
  it('are the limits the format documents', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/pack-format.md'), 'utf8');
    // The "limit" column of the fields table, as the numbers in it, by field.
    const documented = Object.fromEntries(
      doc
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .map((cells) => [
          (cells[1] ?? '').replaceAll('`', ''),
          [...(cells[4] ?? '').matchAll(/\d[\d,]*/g)].map((n) => Number(n[0].replaceAll(',', ''))),
        ]),
    );
    expect(documented).toEqual({
      backstory: [],
      'pack.id': [LIMITS.idLength],
      'pack.title': [LIMITS.titleLength],
      'pack.version': [LIMITS.packVersionLength],
      'pack.language': [LIMITS.languageLength],
      cards: [LIMITS.cards],
      id: [LIMITS.idLength],
      title: [LIMITS.titleLength],
      summary: [LIMITS.summaryLength],
      aliases: [LIMITS.aliases, LIMITS.aliasLength],
      facts: [LIMITS.facts, LIMITS.factLabelLength, LIMITS.factValueLength],
      timeline: [LIMITS.timeline, LIMITS.timelineTextLength],
      sources: [LIMITS.sources, LIMITS.sourceTitleLength, LIMITS.urlLength],
      tags: [LIMITS.tags, LIMITS.tagLength],
      related: [LIMITS.related, LIMITS.idLength],
      updated: [],
    });
    expect(doc).toContain(`every problem it finds (up to ${LIMITS.errors})`);
  });

  it.each(cases)(
    'accepts %s at its limit and refuses it one past, saying by how much',
    (field, card, limit) => {
      expect(validateCard(makeCard(card(limit)))).toEqual([]);
      const issues = validateCard(makeCard(card(limit + 1)));
      expect(issues.map((issue) => issue.field)).toEqual([field]);
      expect(issues[0]?.message).toMatch(new RegExp(` ${limit + 1} .*the limit is ${limit}$`));
    },
  );

  it('holds the pack id, title and version to their limits', () => {
    const at = {
      id: text(LIMITS.idLength),
      title: text(LIMITS.titleLength),
      version: text(LIMITS.packVersionLength),
    };
    expect(issuesOf(makePack(undefined, at))).toEqual([]);
    const past = {
      id: text(LIMITS.idLength + 1),
      title: text(LIMITS.titleLength + 1),
      version: text(LIMITS.packVersionLength + 1),
    };
    expect(issuesOf(makePack(undefined, past)).map((issue) => issue.field)).toEqual([
      'pack.id',
      'pack.title',
      'pack.version',
    ]);
  });

  it('accepts as many cards as the limit and refuses one more without reading them', () => {
    const cards = list(LIMITS.cards, (i) => ({ id: `c${i}`, title: 'T', summary: 'S' }));
    expect(issuesOf(makePack(cards))).toEqual([]);
    cards.push({ id: 'one-more', title: 'T', summary: 'S' });
    expect(issuesOf(makePack(cards))).toEqual([
      { field: 'cards', message: `has ${LIMITS.cards + 1} entries; the limit is ${LIMITS.cards}` },
    ]);
  });

  it('refuses an over-long list as a whole, without an issue for each of its entries', () => {
    const issues = validateCard(makeCard({ aliases: list(LIMITS.aliases + 1, () => '') }));
    expect(issues.map((issue) => issue.field)).toEqual(['aliases']);
  });

  it('does not repeat a huge date or language tag in its message', () => {
    const huge = '2'.repeat(1_000_000);
    const card = makeCard({ timeline: [{ date: huge, text: 't' }], updated: huge });
    const notADate = `"${'2'.repeat(60)}…" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`;
    expect(validateCard(card).map((issue) => issue.message)).toEqual([notADate, notADate]);
    expect(issuesOf(makePack(undefined, { language: `en-${'x'.repeat(100)}` }))[0]?.message).toBe(
      'is 103 characters; the limit is 35',
    );
  });

  it('says a date with a time after it is not a date, rather than counting its characters', () => {
    expect(validateCard(makeCard({ updated: '2000-01-01T00:00Z' })).map((issue) => issue.message)).toEqual([
      '"2000-01-01T00:00Z" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ]);
  });

  it('quotes a huge id, field name or related id cut short, so messages stay small', () => {
    const id = 'a'.repeat(2_000_000);
    const key = `x${'y'.repeat(2_000_000)}`;
    const pack = makePack([{ ...makeCard({ id, aliases: list(60, () => '') }), [key]: 1 } as never]);
    const text = describeIssues(issuesOf(pack), 'big.json');
    expect(text.length).toBeLessThan(20_000);
    expect(text).toContain(
      `big.json: card "${'a'.repeat(60)}…" (cards[0]), field "id" is 2000000 characters`,
    );
    expect(text).toContain(`field "x${'y'.repeat(59)}…" is not a field of the pack format`);
  });

  it('refuses a related id longer than an id may be, and one named twice', () => {
    const long = 'r'.repeat(LIMITS.idLength + 1);
    expect(validateCard(makeCard({ related: [long, 'kremlin', 'kremlin'] }))).toEqual([
      { cardId: 'nato', field: 'related[0]', message: 'must be a card id' },
      { cardId: 'nato', field: 'related[2]', message: '"kremlin" is named earlier in the list' },
    ]);
  });

  it('reports at most fifty issues for one card, and for a pack of a few bad cards', () => {
    expect(validateCard(makeCard({ aliases: list(LIMITS.aliases, () => '') }))).toHaveLength(LIMITS.errors);
    const bad = (id: string) => makeCard({ id, tags: list(40, () => '') });
    expect(issuesOf(makePack([bad('a'), bad('b')]))).toHaveLength(LIMITS.errors);
  });

  it('stops reading a bad pack once it has fifty issues, so a huge one costs no more', () => {
    const read = new Set<number>();
    // Each card lacks its summary (one issue) and notes when the validator looks at it.
    const cards = list(200, (i) => {
      const card: Record<string, unknown> = { ...makeCard({ id: `card-${i}` }) };
      delete card.summary;
      return new Proxy(card, {
        get(target, key) {
          read.add(i);
          return target[key as string];
        },
      });
    });
    expect(issuesOf(makePack(cards as unknown as Card[]))).toHaveLength(LIMITS.errors);
    expect(Math.max(...read)).toBe(LIMITS.errors - 1);
  });
});

describe('the shape of a pack', () => {
  it('names the full path of a field the format does not have, wherever it is', () => {
    const card = {
      ...makeCard(),
      facts: [{ label: 'l', value: 'v', note: 'n' }],
      timeline: [{ date: '2000', text: 't', place: 'p' }],
      sources: [{ title: 't', url: 'https://a.example/', date: '2000' }],
    };
    const pack = { ...makePack([card as never], { author: 'me' } as never), generator: 'x' };
    expect(issuesOf(pack).map((issue) => issue.field)).toEqual([
      'generator',
      'pack.author',
      'facts[0].note',
      'timeline[0].place',
      'sources[0].date',
    ]);
  });

  it('requires the text of every fact, event, source, tag and alias', () => {
    const card = {
      ...makeCard(),
      aliases: [null],
      facts: [{ value: 'v' }, { label: 'l' }],
      timeline: [{ date: '2000' }],
      sources: [{ url: 'https://a.example/' }],
      tags: [' '],
    };
    expect(validateCard(card)).toEqual(
      [
        ['aliases[0]', 'is required and must be text'],
        ['facts[0].label', 'is required and must be text'],
        ['facts[1].value', 'is required and must be text'],
        ['timeline[0].text', 'is required and must be text'],
        ['sources[0].title', 'is required and must be text'],
        ['tags[0]', 'must not be empty'],
      ].map(([field, message]) => ({ cardId: 'nato', cardIndex: undefined, field, message })),
    );
  });

  it('requires the pack title and version, and a list of cards', () => {
    const pack = { backstory: 1, pack: { id: 'p' } };
    expect(issuesOf(pack)).toEqual([
      { field: 'pack.title', message: 'is required and must be text' },
      { field: 'pack.version', message: 'is required and must be text' },
      { field: 'cards', message: 'is required and must be a list' },
    ]);
  });

  it('says once that cards must be a list when they are given as something else', () => {
    for (const cards of [{ nato: makeCard() }, 'nato', null, 3]) {
      const pack = { ...makePack(), cards };
      expect(issuesOf(pack), JSON.stringify(cards)).toEqual([
        { field: 'cards', message: 'is required and must be a list' },
      ]);
    }
  });

  it('refuses lists that are not lists and entries that are not objects', () => {
    const card = { ...makeCard(), aliases: null, tags: 'news', facts: ['Founded 1949'], sources: [[]] };
    expect(validateCard(card).map(({ field, message }) => `${field} ${message}`)).toEqual([
      'aliases must be a list',
      'facts[0] must be an object',
      'sources[0] must be an object',
      'tags must be a list',
    ]);
  });

  it('refuses a related id that is not text, even one that would read as an id', () => {
    expect(validateCard({ ...makeCard(), related: [7] }).map((issue) => issue.field)).toEqual(['related[0]']);
  });

  it('refuses a card that is not an object, in a pack and alone', () => {
    expect(issuesOf(makePack(['nato' as never]))).toEqual([
      { cardIndex: 0, field: '', message: 'must be an object' },
    ]);
    expect(validateCard(null)).toEqual([{ field: '', message: 'must be an object' }]);
  });

  it('asks for format 1 when the format is missing or not a number', () => {
    for (const backstory of [undefined, '1', '2', 0]) {
      expect(issuesOf({ ...makePack(), backstory })).toEqual([{ field: 'backstory', message: 'must be 1' }]);
    }
  });
});

describe('the formats of ids, dates and language tags', () => {
  it('refuses ids with capitals, a leading dot or dash, or a trailing symbol', () => {
    for (const id of ['Nato', 'naTO', '-nato', '.nato', '_nato', 'nato!', 'na to']) {
      expect(
        validateCard(makeCard({ id })).map((issue) => issue.field),
        id,
      ).toEqual(['id']);
    }
    for (const id of ['n', '0', 'nato-2.0_x']) expect(validateCard(makeCard({ id })), id).toEqual([]);
  });

  it('refuses month 00, day 00 and years of more than four digits', () => {
    const timeline = ['2025-00', '2025-01-00', '12025', '2025-12-31', '0001'].map((date) => ({
      date,
      text: 't',
    }));
    const fields = validateCard(makeCard({ timeline })).map((issue) => issue.field);
    expect(fields).toEqual(['timeline[0].date', 'timeline[1].date', 'timeline[2].date']);
  });

  it('refuses language tags with a one-letter or long language, or with spaces', () => {
    for (const language of ['e', 'english', 'pt-BR ', 'pt- BR', 'en-']) {
      expect(
        issuesOf(makePack(undefined, { language })).map((issue) => issue.field),
        language,
      ).toEqual(['pack.language']);
    }
  });
});

describe('issueLines', () => {
  it('keeps one line per issue when a value holds line breaks or quotes', () => {
    const result = validatePack(makePack([makeCard({ id: 'a\nb"c' })], { language: 'x\ny' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(issueLines(result.issues, 'nl.json')).toEqual([
      'nl.json: field "pack.language" "x\\ny" is not a language tag such as "en" or "pt-BR"',
      'nl.json: card "a\\nb\\"c" (cards[0]), field "id" "a\\nb\\"c" is not a valid id (lower-case letters, digits, ".", "-", "_")',
    ]);
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

  it('says a card that is not an object is at fault itself, not one of its fields', () => {
    const result = validatePack(makePack([makeCard(), 'nato' as never]));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeIssues(result.issues, 'p.json')).toBe('p.json: card #2 (cards[1]) must be an object');
    expect(describeIssues(validateCard(null))).toBe('pack: the card must be an object');
  });

  it('numbers a card without a readable id from one, and puts each issue on its own line', () => {
    const result = validatePack(
      makePack([makeCard(), { title: 'No id', summary: 'S' } as never], { title: '' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(describeIssues(result.issues)).toBe(
      [
        'pack: field "pack.title" must not be empty',
        'pack: card #2 (cards[1]), field "id" is required and must be text',
      ].join('\n'),
    );
  });
});
