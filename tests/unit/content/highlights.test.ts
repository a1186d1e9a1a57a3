import { ACTIVE_HIGHLIGHT, clearMentions, MENTION_HIGHLIGHT } from '@/lib/content/highlights';

/** A registry like the page's, holding names only (Highlight objects do not matter here). */
function registryWith(names: string[]): Map<string, unknown> {
  return new Map(names.map((name) => [name, {}]));
}

describe('clearing the mentions', () => {
  it("removes every name of ours, including ones this copy of the script never set, and no one else's", () => {
    const registry = registryWith([MENTION_HIGHLIGHT, ACTIVE_HIGHLIGHT, 'backstory-old', 'page-own']);
    clearMentions(registry as unknown as HighlightRegistry);
    expect([...registry.keys()]).toEqual(['page-own']);
  });

  it('removes ours by name where the registry cannot be listed, as in a Firefox content script', () => {
    const registry = registryWith([MENTION_HIGHLIGHT, ACTIVE_HIGHLIGHT, 'page-own']);
    const xrayView = {
      delete: (name: string) => registry.delete(name),
      keys: () => {
        throw new Error('Xray wrapping of iterators not supported.');
      },
    };
    expect(() => clearMentions(xrayView as unknown as HighlightRegistry)).not.toThrow();
    expect([...registry.keys()]).toEqual(['page-own']);
  });
});
