import { readStoredMatcher } from './stored-matcher';

/**
 * The stored matcher, read from the moment the worker's script starts to run. The background
 * entry imports this module before any other, so the read (tens of milliseconds for a
 * dictionary of 100,000 cards) overlaps evaluating the rest of the worker's code and Dexie
 * opening the database, instead of following them. Only the background imports it.
 */
export const storedMatcherAtStart = readStoredMatcher();
