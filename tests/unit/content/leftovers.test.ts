// @vitest-environment happy-dom
import { HOST_TAG } from '@/lib/content/card/host';
import { ACTIVE_HIGHLIGHT, MENTION_HIGHLIGHT } from '@/lib/content/highlights';
import { clearLeftovers } from '@/lib/content/leftovers';

const registry = new Map<string, unknown>();
beforeAll(() => vi.stubGlobal('CSS', { highlights: registry }));
afterAll(() => vi.unstubAllGlobals());

describe('what an earlier copy left on the page', () => {
  it('is taken off: its highlights and its card hosts, and nothing of the page', () => {
    for (const name of [MENTION_HIGHLIGHT, ACTIVE_HIGHLIGHT, 'page-own']) registry.set(name, {});
    document.body.innerHTML = '<p>Text</p><div id="keep"></div>';
    document.documentElement.append(document.createElement(HOST_TAG));
    document.body.append(document.createElement(HOST_TAG));
    clearLeftovers(document);
    expect([...registry.keys()]).toEqual(['page-own']);
    expect(document.getElementsByTagName(HOST_TAG)).toHaveLength(0);
    expect(document.body.innerHTML).toBe('<p>Text</p><div id="keep"></div>');
  });
});
