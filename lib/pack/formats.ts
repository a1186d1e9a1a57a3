/** Small format checks shared by the pack validator and the card editor. */

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * What keeps `value` from being an ISO date at year, month or day precision that exists in
 * the calendar, as words to follow the quoted value; undefined when it is one.
 */
export function isoDateProblem(value: string): string | undefined {
  const parts = ISO_DATE.exec(value);
  if (!parts) return 'is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)';
  const [, year = '', month, day] = parts;
  if (month === undefined) return undefined;
  const m = Number(month);
  if (m < 1 || m > 12) return `is not a real date: there is no month ${month}`;
  if (day === undefined) return undefined;
  const d = Number(day);
  // Day 0 of the next month is the last day of this one. Set apart from the constructor,
  // which reads the years 0 to 99 as 1900 to 1999 (and year 0, a leap year, as 1900).
  const last = new Date(0);
  last.setUTCFullYear(Number(year), m, 0);
  const daysInMonth = last.getUTCDate();
  // No year in the words: the editor puts separators in long numbers ("2,024").
  return d >= 1 && d <= daysInMonth ? undefined : `is not a real date: that month has ${daysInMonth} days`;
}

/** True for an ISO date at year, month or day precision that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  return isoDateProblem(value) === undefined;
}

/** True for an absolute http or https URL; every other scheme (javascript:, data:…) is refused. */
export function isWebUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/** True for a card or pack id: lower-case letters, digits, dot, dash, underscore. */
export function isId(value: string): boolean {
  return ID.test(value);
}

const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** True for a BCP 47 language tag of the common shapes (en, pt-BR, zh-Hant-TW). */
export function isLanguageTag(value: string): boolean {
  return LANGUAGE.test(value);
}
