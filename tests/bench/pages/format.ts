/** Numbers and Markdown tables for the page benchmark's output (pasted into docs as is). */

export { median } from '../measure';
export { printTable } from '../table';

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
