/** Small format checks shared by the pack validator and the card editor. */

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for an ISO date at year, month or day precision that exists in the calendar. */
export function isIsoDate(value: string): boolean {
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const [, , month, day] = parts;
  if (month === undefined) return true;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const d = Number(day);
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(Number(parts[1]), m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
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
