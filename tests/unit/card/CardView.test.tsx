// @vitest-environment happy-dom
import { render as renderInto } from 'preact';
import { CardView, type CardViewProps, SUMMARY_MAX } from '@/components/card/CardView';
import { makeCard } from '../factories';
import { expectNoAxeViolations } from './axe';
import { button, listNamed } from './queries';

function render(props: Partial<CardViewProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const handlers = { onSelect: vi.fn(), onPin: vi.fn(), onClose: vi.fn(), onEdit: vi.fn(), onHide: vi.fn() };
  renderInto(<CardView card={makeCard()} locale="en-GB" {...handlers} {...props} />, container);
  const dialog = container.querySelector('[role="dialog"]') as HTMLElement;
  return { container, dialog, ...handlers };
}

const founding = makeCard({ id: 'founding-act', title: 'NATO–Russia Founding Act' });

afterEach(() => {
  for (const child of [...document.body.children]) {
    renderInto(null, child);
    child.remove();
  }
});

describe('the card view', () => {
  it('is a non-modal dialog named by the card title', () => {
    const { dialog } = render();
    const title = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('NATO');
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
  });

  it('renders markup in the summary as text, never as elements', () => {
    const summary = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>';
    const { dialog } = render({ card: makeCard({ summary }) });
    expect(dialog.querySelector('img, script, b')).toBeNull();
    expect(dialog.querySelector('.bs-summary')?.textContent).toBe(summary);
  });

  it('opens sources in a new tab without opener or referrer', () => {
    const { container } = render();
    const link = listNamed(container, 'Sources')?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.nato.int/');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('drops sources whose address is not http or https', () => {
    const sources = [
      { title: 'Script', url: 'javascript:alert(1)' },
      { title: 'Spaced script', url: ' JavaScript:alert(1)' },
      { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
      { title: 'File', url: 'file:///etc/passwd' },
      { title: 'Relative', url: '/relative' },
      { title: 'Fine', url: 'https://example.org/a' },
    ];
    const { container } = render({ card: makeCard({ sources }) });
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['Fine']);
  });

  it('shows the three most recent timeline entries, oldest first', () => {
    const timeline = [
      { date: '2024-03-07', text: 'Sweden joins' },
      { date: '1949-04-04', text: 'Treaty signed' },
      { date: '2023-04-04', text: 'Finland joins' },
      { date: '1952', text: 'Greece and Türkiye join' },
    ];
    const { container } = render({ card: makeCard({ timeline }) });
    const items = [...(listNamed(container, 'Timeline')?.querySelectorAll('li') ?? [])];
    expect(items.map((li) => li.textContent)).toEqual([
      '1952 Greece and Türkiye join',
      '4 April 2023 Finland joins',
      '7 March 2024 Sweden joins',
    ]);
  });

  it('lists the key facts as label and value', () => {
    const { container } = render();
    const facts = listNamed(container, 'Key facts');
    expect(facts?.querySelector('dt')?.textContent).toBe('Founded');
    expect(facts?.querySelector('dd')?.textContent).toBe('4 April 1949');
  });

  it('says when the card was last checked', () => {
    const { dialog } = render();
    expect(dialog.querySelector('.bs-checked')?.textContent).toBe('Last checked 28 November 2026');
    expect(dialog.querySelector('.bs-checked time')?.getAttribute('datetime')).toBe('2026-11-28');
  });

  it('shows the tags', () => {
    const { container } = render({ card: makeCard({ tags: ['nato', 'alliance', 'nato'] }) });
    const tags = container.querySelector('[aria-label="Tags"]');
    expect([...(tags?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'nato',
      'alliance',
    ]);
  });

  it('clips a 100 KB summary to a glance', () => {
    const { dialog } = render({ card: makeCard({ summary: 'word '.repeat(20_000) }) });
    const shown = dialog.querySelector('.bs-summary')?.textContent ?? '';
    expect(shown.length).toBeLessThanOrEqual(SUMMARY_MAX + 1);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('keeps right-to-left and emoji text intact and lets it set its own direction', () => {
    const title = 'حلف شمال الأطلسي 🛡️';
    const { dialog } = render({ card: makeCard({ title, summary: 'נאט״ו 👩‍👩‍👧 ברית' }) });
    const heading = dialog.querySelector('h2');
    expect(heading?.textContent).toBe(title);
    expect(heading?.getAttribute('dir')).toBe('auto');
    expect(dialog.querySelector('.bs-summary')?.textContent).toBe('נאט״ו 👩‍👩‍👧 ברית');
  });

  it('lays out right to left when the page around the mention does', () => {
    const { dialog } = render({ dir: 'rtl' });
    expect(dialog.getAttribute('dir')).toBe('rtl');
  });

  it('follows the reader’s theme', () => {
    const { dialog } = render({ theme: 'dark' });
    expect(dialog.dataset.theme).toBe('dark');
  });

  it('lets the reader choose when a term refers to several cards', () => {
    const { container, onSelect } = render({ choices: [makeCard(), founding] });
    const chooser = container.querySelector('fieldset');
    expect(chooser?.querySelector('legend')?.textContent).toBe('This term refers to 2 cards');
    expect(button(container, 'NATO').getAttribute('aria-pressed')).toBe('true');
    button(container, 'NATO–Russia Founding Act').click();
    expect(onSelect).toHaveBeenCalledWith('founding-act');
  });

  it('shows no chooser when the term refers to one card', () => {
    const { container } = render({ choices: [makeCard()] });
    expect(container.querySelector('fieldset')).toBeNull();
  });

  it('switches to a related card in place', () => {
    const { container, onSelect } = render({ related: [founding] });
    listNamed(container, 'Related')?.querySelector('button')?.click();
    expect(onSelect).toHaveBeenCalledWith('founding-act');
  });

  it('pins the card', () => {
    const { container, onPin } = render();
    const pin = button(container, 'Pin card');
    expect(pin.getAttribute('aria-pressed')).toBe('false');
    pin.click();
    expect(onPin).toHaveBeenCalledWith(true);
  });

  it('unpins a pinned card', () => {
    const { container, onPin } = render({ pinned: true });
    button(container, 'Pin card').click();
    expect(onPin).toHaveBeenCalledWith(false);
  });

  it('closes with its close button', () => {
    const { container, onClose } = render();
    button(container, 'Close card').click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('offers to edit the card in the manager', () => {
    const { container, onEdit } = render();
    button(container, 'Edit in Backstory').click();
    expect(onEdit).toHaveBeenCalledOnce();
  });

  it('offers not to mark the term on this site', () => {
    const { container, onHide } = render();
    button(container, /mark on this site/).click();
    expect(onHide).toHaveBeenCalledOnce();
  });

  it('announces a status message', () => {
    const { container } = render({ status: 'Backstory could not save that choice.' });
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Backstory could not save that choice.',
    );
  });

  it('walks its controls in reading order', () => {
    const { dialog } = render({ choices: [makeCard(), founding], related: [founding] });
    const order = [...dialog.querySelectorAll('a[href], button')].map(
      (el) => el.getAttribute('aria-label') ?? el.textContent,
    );
    expect(order).toEqual([
      'Pin card',
      'Close card',
      'NATO',
      'NATO–Russia Founding Act',
      'NATO',
      'NATO–Russia Founding Act',
      'Edit in Backstory',
      'Don’t mark on this site',
    ]);
  });

  it('has no accessibility violations with every part shown', async () => {
    const { dialog } = render({ choices: [makeCard(), founding], related: [founding], status: 'Saved.' });
    await expectNoAxeViolations(dialog);
  });
});
