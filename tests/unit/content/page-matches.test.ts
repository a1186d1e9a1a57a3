import { MatchPattern } from 'wxt/utils/match-patterns';
import { PAGE_MATCHES } from '@/lib/content/page-matches';

const read = (url: string) => PAGE_MATCHES.some((pattern) => new MatchPattern(pattern).includes(url));

describe('the pages Backstory reads', () => {
  it('are every http and https page, on any host and path', () => {
    expect(read('https://www.example.org/news/2024/the-founding-act?x=1#top')).toBe(true);
    expect(read('http://localhost:8080/')).toBe(true);
  });

  it('are not local files, the browser’s own pages or other schemes', () => {
    for (const url of [
      'file:///home/reader/page.html',
      'chrome://settings/',
      'about:blank',
      'ftp://example.org/',
    ])
      expect([url, read(url)]).toEqual([url, false]);
  });
});
