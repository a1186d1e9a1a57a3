import { clipText } from '@/components/card/clip-text';
import { formatIsoDate } from '@/components/card/iso-date';
import { safeSources } from '@/components/card/safe-sources';

describe('clipping a summary', () => {
  it('leaves a short text as it is', () => {
    expect(clipText('A short summary.', 50)).toBe('A short summary.');
  });

  it('cuts a long text at a space and adds an ellipsis', () => {
    expect(clipText('one two three four five', 12)).toBe('one two…');
  });

  it('never cuts inside an emoji sequence', () => {
    const family = '👩‍👩‍👧‍👦';
    const clipped = clipText(family.repeat(10), 15);
    expect(clipped.slice(0, -1)).toBe(family.repeat(Math.floor(15 / family.length)));
  });

  it('clips 100 KB without spaces quickly', () => {
    const started = performance.now();
    const clipped = clipText('x'.repeat(100_000), 700);
    expect(clipped).toHaveLength(701);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('formatting a pack date', () => {
  it('shows a full date with its day', () => {
    expect(formatIsoDate('1997-05-27', 'en-GB')).toBe('27 May 1997');
  });

  it('shows a month date without a day', () => {
    expect(formatIsoDate('2024-07', 'en-GB')).toBe('July 2024');
  });

  it('shows a year as the year', () => {
    expect(formatIsoDate('1949', 'en-GB')).toBe('1949');
  });

  it('shows a malformed date as written', () => {
    expect(formatIsoDate('2024-02-30', 'en-GB')).toBe('2024-02-30');
    expect(formatIsoDate('<b>soon</b>', 'en-GB')).toBe('<b>soon</b>');
  });
});

describe('choosing the sources to link', () => {
  it('keeps http and https sources with their host', () => {
    expect(safeSources([{ title: 'NATO', url: 'https://www.nato.int/x' }])).toEqual([
      { title: 'NATO', href: 'https://www.nato.int/x', host: 'www.nato.int' },
    ]);
  });

  it('drops every other scheme, however it is written', () => {
    const urls = [
      'javascript:alert(1)',
      '\tjavascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'about:blank',
      '//evil.example',
    ];
    expect(safeSources(urls.map((url) => ({ title: url, url })))).toEqual([]);
  });

  it('names an untitled source by its host', () => {
    expect(safeSources([{ title: '  ', url: 'https://example.org/a' }])[0]?.title).toBe('example.org');
  });

  it('links each address once and at most six', () => {
    const sources = Array.from({ length: 9 }, (_, i) => ({
      title: `S${i}`,
      url: `https://example.org/${i % 8}`,
    }));
    expect(safeSources(sources).map((s) => s.title)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5']);
  });

  it('survives sources that are not objects of strings', () => {
    const bad = [null, { title: 3, url: 'https://example.org/' }, { url: 42 }] as never[];
    expect(safeSources(bad).map((s) => s.title)).toEqual(['example.org']);
  });
});
