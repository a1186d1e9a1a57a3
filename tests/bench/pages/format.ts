/** Numbers and Markdown tables for the page benchmark's output (pasted into docs as is). */

/** Middle value of `values` (mean of the two middle ones for an even count); NaN when empty. */
export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds with one decimal (whole numbers from 1,000 up); "–" for a missing value. */
export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return '∞';
  return value >= 1000 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1);
}

/** A ratio such as "12.3×"; "≥ 12.3×" when it is only a lower bound. */
export function ratio(value: number, lowerBound = false): string {
  if (!Number.isFinite(value)) return '–';
  const text = value >= 100 ? `${Math.round(value)}×` : `${value.toFixed(1)}×`;
  return lowerBound ? `≥ ${text}` : text;
}

/** Prints a titled Markdown table with aligned columns. */
export function printTable(title: string, headers: string[], rows: string[][]): void {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(headers));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}
