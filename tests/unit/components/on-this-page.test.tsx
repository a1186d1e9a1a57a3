// @vitest-environment happy-dom
import { OnThisPage, type OnThisPageProps } from '@/components/page/OnThisPage';
import type { PageCard } from '@/lib/protocol/messages';
import { fakeEnv } from './fake-env';
import { axeViolations, button, click, mount, settle } from './harness';

// In order of first mention, which is neither count order (either way) nor title order.
const pageCards: PageCard[] = [
  { id: 'nato', title: 'NATO', count: 3 },
  { id: 'moscow', title: 'Moscow', count: 12 },
  { id: 'kyiv', title: 'Kyiv', count: 1 },
];
const tab = { id: 7, url: 'https://news.example/article' };

async function render(
  options: Parameters<typeof fakeEnv>[0] = { tab, pageCards },
  props: Partial<OnThisPageProps> = {},
) {
  const { env, calls } = fakeEnv(options);
  const revealed: string[] = [];
  const mounted = await mount(
    <OnThisPage tab={options.tab} env={env} onRevealed={(card) => revealed.push(card.id)} {...props} />,
  );
  await settle();
  return { ...mounted, calls, revealed };
}

describe('On this page', () => {
  it('lists the page’s cards in order of first mention, with their counts', async () => {
    const { container } = await render();
    const items = [...container.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['NATO3 mentions', 'Moscow12 mentions', 'Kyiv1 mention']);
  });

  it('asks the page to reveal the chosen card, then reports it', async () => {
    const { container, calls, revealed } = await render();
    await click(button(container, /^Moscow/));
    await settle();
    expect(calls.tabRequests.at(-1)).toEqual({
      tabId: 7,
      method: 'tab.reveal',
      params: { cardId: 'moscow' },
    });
    expect(revealed).toEqual(['moscow']);
  });

  it('says a chosen card is gone right under it, where the reader is looking', async () => {
    const { container, revealed } = await render({ tab, pageCards, gone: ['kyiv'] });
    const kyiv = button(container, /^Kyiv/);
    await click(kyiv);
    await settle();
    const message = container.querySelector('[role="alert"]');
    expect(message?.textContent).toBe('“Kyiv” is no longer on the page.');
    expect(message?.closest('li')).toBe(kyiv.closest('li'));
    expect(kyiv.getAttribute('aria-describedby')).toBe(message?.id);
    expect(revealed).toEqual([]);
  });

  it('stays calm on a page Backstory cannot read', async () => {
    const { container } = await render({ tab, unreadable: true });
    expect(container.textContent).toContain('Backstory can’t read this page.');
  });

  it('stays calm when there is no tab to read', async () => {
    const { container } = await render({});
    expect(container.textContent).toContain('Backstory can’t read this page.');
  });

  it('says so when the page mentions no card', async () => {
    const { container } = await render({ tab, pageCards: [] });
    expect(container.textContent).toContain('This page mentions none of your cards.');
  });

  it('passes an accessibility check', async () => {
    const { container } = await render();
    expect(await axeViolations(container)).toEqual([]);
  });
});
