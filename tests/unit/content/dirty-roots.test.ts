// @vitest-environment happy-dom
import { outermost } from '@/lib/content/dirty-roots';

describe('the outermost of the changed roots', () => {
  it('drops a component’s shadow root when the block around the component is read again', () => {
    document.body.innerHTML = '<p>Quoted: <x-quote></x-quote></p>';
    const block = document.querySelector('p') as HTMLElement;
    const shadow = (document.querySelector('x-quote') as HTMLElement).attachShadow({ mode: 'open' });
    expect([...outermost(new Set<Node>([shadow, block]))]).toEqual([block]);
  });

  it('keeps the shadow root of a standard element that has children, which reading it skips', () => {
    document.body.innerHTML = '<div><span>slotted</span></div>';
    const host = document.querySelector('div') as HTMLElement;
    const shadow = host.attachShadow({ mode: 'open' });
    expect(new Set(outermost(new Set<Node>([shadow, host])))).toEqual(new Set([shadow, host]));
  });

  it('drops roots inside another root, and roots the page took out', () => {
    document.body.innerHTML = '<section><p>One</p></section><p>Two</p>';
    const [section, inner, gone] = [...document.querySelectorAll('section, p')] as HTMLElement[];
    (gone as HTMLElement).remove();
    expect([...outermost(new Set<Node>([inner as Node, section as Node, gone as Node]))]).toEqual([section]);
  });
});
