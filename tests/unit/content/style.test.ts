// @vitest-environment happy-dom
import { ACTIVE_RULES, FORCED_COLOUR_RULES, MENTION_RULES, pageStylesheet } from '@/lib/content/style-rules';

describe('the highlight style', () => {
  it('applies on screen only, in both builds: nothing of Backstory is printed', () => {
    for (const css of [MENTION_RULES, ACTIVE_RULES, pageStylesheet('chrome'), pageStylesheet('firefox')]) {
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

  it('draws mentions in system colours under forced colours in Firefox only, the open one apart', () => {
    // Firefox would otherwise show nothing there (tests/e2e/firefox-forced-colors.spec.ts);
    // Chromium ignores such rules in that mode.
    expect(pageStylesheet('firefox')).toContain(FORCED_COLOUR_RULES);
    expect(pageStylesheet('chrome')).not.toContain('forced-colors');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(FORCED_COLOUR_RULES);
    const inner = [...sheet.cssRules].map((rule) => [...(rule as CSSMediaRule).cssRules]);
    expect(inner.map((rules) => rules.map((rule) => (rule as CSSMediaRule).media.mediaText))).toEqual([
      ['(forced-colors: active)'],
      ['(forced-colors: active)'],
    ]);
    expect(FORCED_COLOUR_RULES).toMatch(
      /backstory-mention\) \{\s*background-color: Mark;\s*color: MarkText;/,
    );
    expect(FORCED_COLOUR_RULES).toMatch(/backstory-active\) \{\s*background-color: MarkText;\s*color: Mark;/);
  });

  it('styles the mention whose card is open in both builds, and tints every mention only in Firefox', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(pageStylesheet(browser)).toContain(MENTION_RULES);
      expect(pageStylesheet(browser)).toContain(ACTIVE_RULES);
    }
    // Firefox 140 does not draw a highlight's text-decoration; Chromium needs no tint.
    const tints = (css: string) => css.split('background-color').length - 1;
    expect(tints(pageStylesheet('chrome'))).toBe(1);
    expect(tints(pageStylesheet('firefox'))).toBe(2 + tints(FORCED_COLOUR_RULES));
  });
});
