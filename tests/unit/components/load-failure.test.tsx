// @vitest-environment happy-dom
import { IDBKeyRange } from 'fake-indexeddb';
import { loadFailureMessage } from '@/components/manager/LoadFailure';
import { Manager } from '@/components/manager/Manager';
import { BackstoryDB } from '@/lib/db/schema';
import { fakeEnv } from './fake-env';
import { axeViolations, mount } from './harness';

/**
 * A database as Firefox gives an add-on page in a private window: every open is refused
 * with an InvalidStateError.
 */
function refusedDb(): BackstoryDB {
  const indexedDB = {
    open() {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    },
  };
  return new BackstoryDB(`refused-${Math.random()}`, {
    indexedDB: indexedDB as unknown as IDBFactory,
    IDBKeyRange,
  });
}

describe('when the cards cannot be opened', () => {
  it('says so, with the way out, instead of loading for ever', async () => {
    const { container } = await mount(<Manager db={refusedDb()} env={fakeEnv().env} view="popup" />);
    await vi.waitFor(() => expect(container.querySelector('[role=alert]')).not.toBeNull());
    expect(container.querySelector('[role=alert]')?.textContent).toBe(
      'Backstory cannot open your cards in this window. Firefox keeps an add-on’s saved data away from private windows: open Backstory from a normal window.',
    );
    expect(container.textContent).not.toContain('Loading cards…');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('names any other failure as it came', () => {
    expect(loadFailureMessage(new Error('QuotaExceededError: the disk is full'))).toBe(
      'Backstory could not open your cards: QuotaExceededError: the disk is full',
    );
  });
});
