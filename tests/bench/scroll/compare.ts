import { median, ms, printTable } from '../pages/format';

/** One page's figures with Backstory and without it. */
export interface Compared<T> {
  name: string;
  mentions: number;
  with: T;
  without: T;
}

/**
 * A summary row of what Backstory adds, with minus without per page: the median over the
 * pages, the median over the pages with mentions, and the worst page by name. `totals`,
 * the last two cells, say what the whole run came to without and with ("–" by default:
 * a sum of longest frames, say, means nothing).
 */
export function differenceRow<T>(
  rows: readonly Compared<T>[],
  label: string,
  pick: (figures: T) => number,
  totals: [string, string] = ['–', '–'],
): string[] {
  const extra = (of: readonly Compared<T>[]) => of.map((row) => pick(row.with) - pick(row.without));
  const all = extra(rows);
  const worst = all.reduce((best, value, i) => (value > (all[best] ?? -Infinity) ? i : best), 0);
  return [
    label,
    ms(median(all)),
    ms(median(extra(rows.filter((row) => row.mentions > 0)))),
    `${ms(all[worst])} (${rows[worst]?.name ?? '–'})`,
    ...totals,
  ];
}

/** The sums of a figure over the pages without Backstory and with it, for differenceRow. */
export function sums<T>(rows: readonly Compared<T>[], pick: (figures: T) => number): [string, string] {
  const sum = (side: 'with' | 'without') => ms(rows.reduce((total, row) => total + pick(row[side]), 0));
  return [sum('without'), sum('with')];
}

/** The columns of a differenceRow table. */
export const DIFFERENCE_COLUMNS = [
  'figure',
  'median',
  'median on pages with mentions',
  'worst page',
  'total without',
  'total with',
];

/**
 * Prints the table of every page: its name, its mentions, `first` (label and cell, such as
 * the steps taken), then for each figure a column without Backstory and one with it.
 */
export function printPages<T>(
  title: string,
  rows: readonly Compared<T>[],
  first: [string, (row: Compared<T>) => string],
  figures: [string, (figures: T) => string][],
): void {
  printTable(
    title,
    ['page', 'mentions', first[0], ...figures.flatMap(([label]) => [`${label} without`, 'with'])],
    rows.map((row) => [
      row.name,
      String(row.mentions),
      first[1](row),
      ...figures.flatMap(([, cell]) => [cell(row.without), cell(row.with)]),
    ]),
  );
}
