// @vitest-environment happy-dom
import { adoptSheet } from '@/lib/content/style';
import { ACTIVE_RULES, FIREFOX_STYLESHEET, MENTION_RULES } from '@/lib/content/style-rules';

describe('adopting a stylesheet', () => {
  it('adds a constructed sheet to the document and takes only it away again', () => {
    const theirs = new CSSStyleSheet();
    document.adoptedStyleSheets = [theirs];
    const remove = adoptSheet(document, '::highlight(backstory-mention) { color: red }');
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(document.adoptedStyleSheets[0]).toBe(theirs);
    const later = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, later];
    remove();
    expect(document.adoptedStyleSheets).toEqual([theirs, later]);
  });
});

describe('the highlight style', () => {
  it('applies on screen only, in both builds: nothing of Backstory is printed', () => {
    for (const css of [MENTION_RULES, ACTIVE_RULES, FIREFOX_STYLESHEET]) {
      // As many print guards as highlight rules (happy-dom would drop an unguarded one silently).
      expect(css).toContain('::highlight(backstory-');
      expect(css.split('@media not print').length).toBe(css.split('::highlight(').length);
      // happy-dom keeps the @media rules but drops the ::highlight() rules inside them
      // (Chromium applies them: tests/e2e/annotation.spec.ts); no rule may sit outside.
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      const rules = [...sheet.cssRules];
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules) {
        expect(rule).toBeInstanceOf(CSSMediaRule);
        expect((rule as CSSMediaRule).media.mediaText).toBe('not print');
      }
    }
  });
});
