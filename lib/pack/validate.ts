import { isId, isLanguageTag, isoDateProblem, isWebUrl } from './formats';
import { LIMITS } from './limits';
import { CARD_FIELDS, type Card, PACK_FORMAT_VERSION, type Pack } from './types';

/** One reason a pack is invalid, located by card and field. */
export interface PackIssue {
  /** Id of the card at fault, when the fault is inside a card that has a readable id. */
  cardId?: string;
  /** Index of the card in `cards`, when the fault is inside a card. */
  cardIndex?: number;
  /**
   * Dotted path of the field inside the card (or the pack), e.g. `sources[0].url`; empty
   * when the fault is the card itself (not an object).
   */
  field: string;
  message: string;
}

/** The verdict on a pack: the typed pack, or every issue found (up to a limit). */
export type PackResult = { ok: true; pack: Pack } | { ok: false; issues: PackIssue[] };

type Json = Record<string, unknown>;

const CARD_FIELD_SET = new Set<string>(CARD_FIELDS);
const PACK_INFO_FIELDS = new Set(['id', 'title', 'version', 'language']);

/** Collects issues for one card or the pack header; knows where it is. */
class Checker {
  constructor(
    private readonly issues: PackIssue[],
    private readonly where: Pick<PackIssue, 'cardId' | 'cardIndex'>,
  ) {}

  /** Records an issue; returns false so checks can `return c.fail(…)`. */
  fail(field: string, message: string): false {
    if (this.issues.length < LIMITS.errors) this.issues.push({ ...this.where, field, message });
    return false;
  }

  text(value: unknown, field: string, max: number, required: boolean): value is string {
    if (value === undefined && !required) return false;
    if (typeof value !== 'string')
      return this.fail(field, required ? 'is required and must be text' : 'must be text');
    if (value.trim() === '') return this.fail(field, 'must not be empty');
    if (value.length > max) return this.fail(field, `is ${value.length} characters; the limit is ${max}`);
    return true;
  }

  date(value: unknown, field: string, required: boolean): void {
    // No length limit of its own: a date with a time after it is told it is not a date.
    if (!this.text(value, field, Number.POSITIVE_INFINITY, required)) return;
    const problem = isoDateProblem(value);
    if (problem !== undefined) this.fail(field, `${quoted(value)} ${problem}`);
  }

  list(value: unknown, field: string, max: number): unknown[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.fail(field, 'must be a list');
      return [];
    }
    if (value.length > max) {
      this.fail(field, `has ${value.length} entries; the limit is ${max}`);
      return [];
    }
    return value;
  }

  object(value: unknown, field: string): value is Json {
    if (isObject(value)) return true;
    this.fail(field, 'must be an object');
    return false;
  }

  known(value: Json, allowed: Set<string>, prefix: string): void {
    for (const key of Object.keys(value)) {
      // The key as the file has it, escaped and cut short like any value quoted back.
      if (!allowed.has(key))
        this.fail(`${prefix}${quoted(key).slice(1, -1)}`, 'is not a field of the pack format');
    }
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Longest stretch of a value a message repeats, in characters. */
const QUOTED_LENGTH = 60;

/**
 * A value from the file as a message quotes it: in JSON's quotes and escapes, so a line
 * break or a quote in it cannot break the message apart, and cut short, so a file of long
 * values cannot make messages many times its size.
 */
export function quoted(value: string): string {
  const characters = Array.from(value.slice(0, QUOTED_LENGTH * 2));
  if (characters.length <= QUOTED_LENGTH && value.length <= QUOTED_LENGTH * 2) return JSON.stringify(value);
  return JSON.stringify(`${characters.slice(0, QUOTED_LENGTH).join('')}…`);
}

function checkCard(card: Json, c: Checker): void {
  c.known(card, CARD_FIELD_SET, '');
  c.text(card.title, 'title', LIMITS.titleLength, true);
  c.text(card.summary, 'summary', LIMITS.summaryLength, true);
  c.list(card.aliases, 'aliases', LIMITS.aliases).forEach((alias, i) => {
    c.text(alias, `aliases[${i}]`, LIMITS.aliasLength, true);
  });
  c.list(card.facts, 'facts', LIMITS.facts).forEach((fact, i) => {
    if (!c.object(fact, `facts[${i}]`)) return;
    c.known(fact, new Set(['label', 'value']), `facts[${i}].`);
    c.text(fact.label, `facts[${i}].label`, LIMITS.factLabelLength, true);
    c.text(fact.value, `facts[${i}].value`, LIMITS.factValueLength, true);
  });
  c.list(card.timeline, 'timeline', LIMITS.timeline).forEach((entry, i) => {
    if (!c.object(entry, `timeline[${i}]`)) return;
    c.known(entry, new Set(['date', 'text']), `timeline[${i}].`);
    c.date(entry.date, `timeline[${i}].date`, true);
    c.text(entry.text, `timeline[${i}].text`, LIMITS.timelineTextLength, true);
  });
  c.list(card.sources, 'sources', LIMITS.sources).forEach((source, i) => {
    if (!c.object(source, `sources[${i}]`)) return;
    c.known(source, new Set(['title', 'url']), `sources[${i}].`);
    c.text(source.title, `sources[${i}].title`, LIMITS.sourceTitleLength, true);
    if (c.text(source.url, `sources[${i}].url`, LIMITS.urlLength, true) && !isWebUrl(source.url)) {
      c.fail(`sources[${i}].url`, 'must be an http or https address');
    }
  });
  c.list(card.tags, 'tags', LIMITS.tags).forEach((tag, i) => {
    c.text(tag, `tags[${i}]`, LIMITS.tagLength, true);
  });
  const related = new Set<string>();
  c.list(card.related, 'related', LIMITS.related).forEach((id, i) => {
    if (typeof id !== 'string' || !isId(id) || id.length > LIMITS.idLength)
      c.fail(`related[${i}]`, 'must be a card id');
    else if (id === card.id) c.fail(`related[${i}]`, 'must not name the card itself');
    else if (related.has(id)) c.fail(`related[${i}]`, `${quoted(id)} is named earlier in the list`);
    related.add(id as string);
  });
  c.date(card.updated, 'updated', false);
}

function checkId(value: unknown, c: Checker, field: string): value is string {
  if (!c.text(value, field, LIMITS.idLength, true)) return false;
  if (isId(value)) return true;
  c.fail(field, `${quoted(value)} is not a valid id (lower-case letters, digits, ".", "-", "_")`);
  return false;
}

/** Checks one card alone, as the editor and single-card import do. */
export function validateCard(value: unknown, cardIndex?: number): PackIssue[] {
  const issues: PackIssue[] = [];
  const card = value as Json;
  const id = isObject(value) && typeof value.id === 'string' ? value.id : undefined;
  const c = new Checker(issues, { cardId: id, cardIndex });
  if (!c.object(value, '')) return issues;
  checkId(card.id, c, 'id');
  checkCard(card, c);
  return issues;
}

/** Validates a parsed pack against the pack format, collecting every issue found. */
export function validatePack(value: unknown): PackResult {
  const issues: PackIssue[] = [];
  const top = new Checker(issues, {});
  if (!top.object(value, '(pack)')) return { ok: false, issues };
  top.known(value, new Set(['backstory', 'pack', 'cards']), '');
  if (value.backstory !== PACK_FORMAT_VERSION) {
    const hint = typeof value.backstory === 'number' && value.backstory > PACK_FORMAT_VERSION;
    top.fail(
      'backstory',
      hint ? `format ${value.backstory} is newer than this Backstory reads (1)` : 'must be 1',
    );
  }
  if (top.object(value.pack, 'pack')) {
    const info = value.pack;
    top.known(info, PACK_INFO_FIELDS, 'pack.');
    checkId(info.id, top, 'pack.id');
    top.text(info.title, 'pack.title', LIMITS.titleLength, true);
    top.text(info.version, 'pack.version', LIMITS.packVersionLength, true);
    if (
      top.text(info.language, 'pack.language', LIMITS.languageLength, false) &&
      !isLanguageTag(info.language)
    ) {
      top.fail('pack.language', `${quoted(info.language)} is not a language tag such as "en" or "pt-BR"`);
    }
  }
  let cards: unknown[] = [];
  if (Array.isArray(value.cards)) cards = top.list(value.cards, 'cards', LIMITS.cards);
  else top.fail('cards', 'is required and must be a list');
  const seen = new Set<string>();
  cards.forEach((card, i) => {
    if (issues.length >= LIMITS.errors) return;
    issues.push(...validateCard(card, i));
    const id = isObject(card) ? card.id : undefined;
    if (typeof id === 'string' && seen.has(id)) {
      issues.push({
        cardId: id,
        cardIndex: i,
        field: 'id',
        message: `${quoted(id)} is used by an earlier card`,
      });
    }
    if (typeof id === 'string') seen.add(id);
  });
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, LIMITS.errors) };
  return { ok: true, pack: value as unknown as Pack };
}

/** One line per issue, naming the file, the card and the field. */
export function issueLines(issues: PackIssue[], file = 'pack'): string[] {
  return issues.map((issue) => {
    const card =
      issue.cardIndex === undefined
        ? undefined
        : `card ${issue.cardId ? quoted(issue.cardId) : `#${issue.cardIndex + 1}`} (cards[${issue.cardIndex}])`;
    // "card #3 (cards[2]) must be an object": the card is at fault, not a field of it.
    if (issue.field === '') return `${file}: ${card ?? 'the card'} ${issue.message}`;
    return `${file}:${card ? ` ${card},` : ''} field "${issue.field}" ${issue.message}`;
  });
}

/** The issues as one text, a line each (see `issueLines`). */
export function describeIssues(issues: PackIssue[], file = 'pack'): string {
  return issueLines(issues, file).join('\n');
}

export type { Card };
