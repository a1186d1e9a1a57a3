import { foldWords } from '@/lib/search/fold-words';

describe('foldWords', () => {
  it('ignores case and accents', () => {
    expect(foldWords('Kyïv and ZÜRICH')).toEqual(['kyiv', 'and', 'zurich']);
  });

  it('splits at every dash and apostrophe style', () => {
    expect(foldWords('NATO–Russia NATO’s post-war')).toEqual(['nato', 'russia', 's', 'post', 'war']);
  });

  it('keeps each word once, in order of first use', () => {
    expect(foldWords('the summit, the Hague, the end')).toEqual(['the', 'summit', 'hague', 'end']);
  });

  it('drops emoji and symbols but keeps right-to-left words', () => {
    expect(foldWords('🕊️ peace ✓ سلام')).toEqual(['peace', 'سلام']);
  });

  it('finds nothing in white space and punctuation alone', () => {
    expect(foldWords('  — !? ')).toEqual([]);
  });
});
