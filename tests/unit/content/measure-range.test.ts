// @vitest-environment jsdom
// jsdom, not happy-dom: happy-dom's Range reports itself collapsed once its start moves, so
// it cannot show whether the shared Range still holds on to the page's text.
import { measureRange } from '@/lib/content/highlights';
import { staticRange } from '../static-range';

describe('the Range shared by measurements', () => {
  it('holds no node of the page once a measurement is done', () => {
    document.body.innerHTML = '<p>NATO met. The Founding Act held.</p>';
    const text = document.querySelector('p')?.firstChild as Text;
    let shared: Range | undefined;
    const measured = measureRange(staticRange(text, 14, 26), (live) => {
      shared = live;
      return live.toString();
    });
    expect(measured).toBe('Founding Act');
    expect([shared?.startContainer, shared?.endContainer]).toEqual([document, document]);
  });
});
