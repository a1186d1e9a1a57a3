import { jsonErrorOffset } from './json-error';
import { LIMITS } from './limits';
import type { Pack } from './types';
import { issueLines, validatePack } from './validate';

/**
 * The largest pack file Backstory reads. A pack at the card limit with cards like a
 * reader's (a three-sentence summary, two aliases, a fact, a date, a source, two tags) is
 * about 87 MB (`npm run bench:packs`); reading one takes its size in text and more once
 * parsed, so a file well past that is refused before it is read at all.
 */
export const MAX_PACK_BYTES = 100 * 1024 * 1024;

/** A pack file read and checked, or every problem found in it, each naming the file. */
export type PackFileResult = { ok: true; pack: Pack } | { ok: false; problems: string[] };

/** The file's size for a message: "1.5 MB", "700 KB", "12 bytes". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Refuses a file too large to read, before reading it. */
export function checkPackSize(file: string, bytes: number): string | undefined {
  if (bytes === 0) return `${file}: the file is empty`;
  if (bytes > MAX_PACK_BYTES)
    return `${file}: the file is ${sizeText(bytes)}; Backstory reads packs of up to ${sizeText(MAX_PACK_BYTES)}`;
  return undefined;
}

/**
 * Where the first byte that is not part of well-formed UTF-8 is, or -1 when there is none.
 * The ranges are the Unicode standard's (table 3-7): no overlong forms, no surrogates,
 * nothing past U+10FFFF.
 */
export function firstNonUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let follow: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) follow = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      follow = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      follow = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= follow; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += follow + 1;
  }
  return -1;
}

/** Lines (from 1) up to a byte offset. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/**
 * Reads a pack file's bytes: UTF-8, or UTF-16 when the file starts with a UTF-16
 * byte-order mark (as Windows Notepad's "Unicode" and PowerShell's `>` write). Browsers'
 * `File.text()` always decodes UTF-8, and Firefox then refused such a file where Chromium
 * happened to read it. Bytes that are not text in that encoding (a file saved as Latin-1,
 * say) refuse the file, saying where: replacing them would change the cards' text unseen.
 */
export function readPackBytes(file: string, bytes: Uint8Array): PackFileResult {
  const [a, b] = bytes;
  const utf16 = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    let text: string;
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
    } catch {
      return {
        ok: false,
        problems: [
          `${file}: starts as UTF-16 text but holds bytes that are not; save it as UTF-8 and import it again`,
        ],
      };
    }
    return readPackText(file, text);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Found again byte by byte, only now: the decoder does not say where it stopped.
    const bad = Math.max(0, firstNonUtf8Byte(bytes));
    return {
      ok: false,
      problems: [
        `${file}: not UTF-8 text: byte ${bad + 1} (line ${lineOfByte(bytes, bad)}) is not part of a UTF-8 character; save the file as UTF-8 and import it again`,
      ],
    };
  }
  return readPackText(file, text);
}

/** Line and column (from 1) of a character offset in `text`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where a JSON.parse error points, as "line L, column C". Engines word it differently:
 * V8 gives a character position (and, lately, the line and column too) for most errors and
 * none for an unexpected token, SpiderMonkey the line and column; without one, the text is
 * scanned for the place.
 */
function whereParseFailed(text: string, message: string): string | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : jsonErrorOffset(text);
  if (offset === undefined) return undefined;
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line}, column ${column}`;
}

/** The engine's description of a JSON error without the location it also gives. */
function parseProblem(message: string): string {
  return (
    message
      .replace(/^JSON\.parse: /, '')
      .replace(/ at line \d+ column \d+ of the JSON data$/, '')
      .replace(/,? ?(?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?$/, '')
      // V8 quotes the text around an unexpected token (`"hello worl"... is not valid JSON`),
      // which for a pack can be a long stretch, and binary besides.
      .replace(/, ".*is not valid JSON$/s, '')
  );
}

/**
 * Reads the text of a pack file named `file`: JSON first (a byte-order mark is allowed),
 * then the pack format. Problems name the file and, for JSON, the line and column; for the
 * format, the card and field (see `issueLines`).
 */
export function readPackText(file: string, text: string): PackFileResult {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problems: [`${file}: the file is empty`] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = whereParseFailed(body, message);
    return {
      ok: false,
      problems: [`${file}: not a JSON file${where ? ` (${where})` : ''}: ${parseProblem(message)}`],
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const found = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`;
    return {
      ok: false,
      problems: [
        `${file}: not a pack: it holds ${found}, where a pack is an object with "backstory", "pack" and "cards"`,
      ],
    };
  }
  const result = validatePack(value);
  if (!result.ok) {
    const problems = issueLines(result.issues, file);
    if (result.issues.length >= LIMITS.errors)
      problems.push(`${file}: stopped after ${LIMITS.errors} problems; there may be more`);
    return { ok: false, problems };
  }
  return { ok: true, pack: result.pack };
}
