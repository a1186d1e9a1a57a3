import { clipText } from '@/components/card/clip-text';
import { formatIsoDate } from '@/components/card/iso-date';
import { relevantTimeline } from '@/components/card/relevant-timeline';
import { safeSources } from '@/components/card/safe-sources';

describe('clipping a summary', () => {
  it('leaves a short text as it is', () => {
    expect(clipText('A short summary.', 50)).toBe('A short summary.');
  });

  it('cuts a long text at a space and adds an ellipsis', () => {
    expect(clipText('one two three four five', 12)).toBe('one two…');
  });

  it('leaves a text of exactly the limit whole', () => {
    expect(clipText('one two', 7)).toBe('one two');
  });

  it('cuts at a space that falls right at the limit, and drops the spaces before the ellipsis', () => {
    expect(clipText('one two three', 7)).toBe('one two…');
    expect(clipText('one two   three four', 9)).toBe('one two…');
  });

  it('cuts inside a long word rather than go back 40 characters or more to a space', () => {
    expect(clipText(`one ${'x'.repeat(100)}`, 50)).toBe(`one ${'x'.repeat(46)}…`);
    expect(clipText(`${'x'.repeat(10)} ${'y'.repeat(100)}`, 50)).toBe(`${'x'.repeat(10)} ${'y'.repeat(39)}…`);
    expect(clipText(`${'x'.repeat(11)} ${'y'.repeat(100)}`, 50)).toBe(`${'x'.repeat(11)}…`);
  });

  it('never cuts inside an emoji sequence', () => {
    const family = '👩‍👩‍👧‍👦';
    const clipped = clipText(family.repeat(10), 15);
    expect(clipped.slice(0, -1)).toBe(family.repeat(Math.floor(15 / family.length)));
  });

  it('clips 100 KB without spaces by looking at its head only', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    try {
      const clipped = clipText('x'.repeat(100_000), 700);
      expect(clipped).toHaveLength(701);
      // The cost does not grow with the text: only a little more than what is kept is segmented.
      expect(segment.mock.calls.map(([input]) => input.length)).toEqual([732]);
    } finally {
      segment.mockRestore();
    }
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

  it('shows the written day and month in every time zone', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Auckland']) {
        process.env.TZ = tz;
        expect([formatIsoDate('1997-05-01', 'en-GB'), formatIsoDate('2024-07', 'en-GB')]).toEqual([
          '1 May 1997',
          'July 2024',
        ]);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('shows a malformed date as written', () => {
    expect(formatIsoDate('2024-02-30', 'en-GB')).toBe('2024-02-30');
    expect(formatIsoDate('<b>soon</b>', 'en-GB')).toBe('<b>soon</b>');
  });
});

describe('choosing the timeline entries to show', () => {
  const entry = (date: string, text = date) => ({ date, text });

  it('counts an entry with a malformed date as the oldest', () => {
    const entries = [entry('2001'), entry('soon'), entry('1999'), entry('2000')];
    expect(relevantTimeline(entries).map((e) => e.text)).toEqual(['1999', '2000', '2001']);
  });

  it('keeps entries of the same date in the order they were written', () => {
    const entries = ['a', 'b', 'c', 'd', 'e'].map((text) => entry('2020', text));
    expect(relevantTimeline(entries, 5).map((e) => e.text)).toEqual(['a', 'b', 'c', 'd', 'e']);
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

  it('links the address as the browser reads it, once however it is spelled, named by its host without the port', () => {
    const sources = [
      { title: 'A', url: 'HTTPS://Example.ORG' },
      { title: 'B', url: 'https://example.org/' },
      { title: ' ', url: 'https://example.org:8443/c' },
    ];
    expect(safeSources(sources)).toEqual([
      { title: 'A', href: 'https://example.org/', host: 'example.org' },
      { title: 'example.org', href: 'https://example.org:8443/c', host: 'example.org' },
    ]);
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
