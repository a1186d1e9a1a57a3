import { isIsoDate } from '@/lib/pack/formats';

/**
 * Formats a pack date (YYYY, YYYY-MM or YYYY-MM-DD) for the reader, at the precision it was
 * written with. Anything else is shown as written: it is text, never parsed further.
 */
export function formatIsoDate(value: string, locale?: string): string {
  if (!isIsoDate(value)) return value;
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return String(year);
  // UTC on both sides, so a reader west of Greenwich does not see the day before.
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions =
    day === undefined
      ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
      : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}
