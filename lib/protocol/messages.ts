/**
 * The one typed protocol between the content script, the background and the UI.
 * Every request is declared here once: method name -> params -> result.
 */
import type { Card } from '../pack/types';

/** Protocol version carried by every request, so stray messages are told apart. */
export const PROTOCOL_VERSION = 1;

/** A mention inside one text block sent by the content script. */
export interface BlockMention {
  /** Index of the block in the request's `blocks`. */
  block: number;
  /** UTF-16 offsets in that block's text. */
  start: number;
  end: number;
  cardIds: string[];
}

/** What the background answers for a page's text. */
export interface ScanResult {
  /** False when Backstory is paused or switched off for the page's site: paint nothing. */
  enabled: boolean;
  mentions: BlockMention[];
  /** Every card a mention refers to, so a hover needs no further round trip. */
  cards: Record<string, Card>;
}

/** Every request, by method name. */
export interface Protocol {
  /** Finds mentions in the text blocks of the page at `url`. */
  'page.scan': { params: { url: string; blocks: string[] }; result: ScanResult };
}

export type Method = keyof Protocol;
export type Params<M extends Method> = Protocol[M]['params'];
export type Result<M extends Method> = Protocol[M]['result'];

/** The envelope of a request as it crosses contexts. */
export interface Request<M extends Method = Method> {
  backstory: typeof PROTOCOL_VERSION;
  method: M;
  params: Params<M>;
}

/** The envelope of an answer: a result, or an error that says what went wrong. */
export type Response<M extends Method = Method> =
  | { ok: true; result: Result<M> }
  | { ok: false; error: string };
