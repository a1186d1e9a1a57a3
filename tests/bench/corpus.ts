/**
 * The shared corpus for the benchmark: term lists as matcher entries, and the visible text
 * of every saved page. It lives outside the repository; `sharedDir` says where, or undefined.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TermEntry } from '../../lib/match';
import { visibleText } from './visible-text';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared folder (BACKSTORY_SHARED or ../shared next to the repository), if it has the corpus. */
export function sharedDir(): string | undefined {
  const dir = process.env.BACKSTORY_SHARED ?? path.resolve(repoRoot, '../shared');
  return existsSync(path.join(dir, 'corpus/terms/cities-all.json')) ? dir : undefined;
}

/** A named list of matcher entries. */
export interface Dictionary {
  name: string;
  entries: TermEntry[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** countries (every name variant, one card per country), cities (23k) and cities-all (119k), one card per name. */
export function loadDictionaries(shared: string): Dictionary[] {
  const terms = path.join(shared, 'corpus/terms');
  const countries = readJson(path.join(terms, 'countries.json')) as { id: string; terms: string[] }[];
  const cities = (file: string) =>
    (readJson(path.join(terms, file)) as string[]).map((term, i) => ({ term, cardId: `city-${i}` }));
  return [
    { name: 'countries', entries: countries.flatMap((c) => c.terms.map((term) => ({ term, cardId: c.id }))) },
    { name: 'cities', entries: cities('cities.json') },
    { name: 'cities-all', entries: cities('cities-all.json') },
  ];
}

/** One saved page's visible text. */
export interface Page {
  name: string;
  text: string;
  /** The corpus's own measure of the page's visible text, to check the extraction against. */
  expectedLength: number;
}

/**
 * A fresh copy of `text`. Text reaches the background through extension messaging, that is
 * as new flat strings; a slice of a bigger string is read more slowly by V8, which would
 * measure the benchmark's own string handling rather than the engine.
 */
export function asMessaged(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Every page under corpus/pages (or only those named), as visible text. */
export function loadPages(shared: string, only?: string[]): Page[] {
  const pages = path.join(shared, 'corpus/pages');
  return readdirSync(pages)
    .filter((name) => !only || only.includes(name))
    .sort()
    .map((name) => {
      const html = readFileSync(path.join(pages, name, 'source.html'), 'utf8');
      const meta = readJson(path.join(pages, name, 'metadata.json')) as {
        corpus: { visibleTextLength: number };
      };
      return { name, text: asMessaged(visibleText(html)), expectedLength: meta.corpus.visibleTextLength };
    });
}
