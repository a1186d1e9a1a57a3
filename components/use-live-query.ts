import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * Runs a Dexie query and re-renders whenever its result changes, in this page or in any
 * other extension page that writes the same database. `undefined` until the first answer.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // The caller names the query's inputs in deps, as with useEffect itself.
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('Backstory: query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
