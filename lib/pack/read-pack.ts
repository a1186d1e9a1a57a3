import { jsonErrorOffset } from './json-error';
import { LIMITS } from './limits';
import type { Pack } from './types';
import { describeIssues, validatePack } from './validate';

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
 * The text of a pack file's bytes: UTF-8, or UTF-16 when the file starts with a UTF-16
 * byte-order mark (as Windows Notepad's "Unicode" and PowerShell's `>` write). Browsers'
 * `File.text()` always decodes UTF-8, and Firefox then refused such a file where Chromium
 * happened to read it.
 */
export function decodePackBytes(bytes: Uint8Array): string {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
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
 * format, the card and field (see `describeIssues`).
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
    const problems = describeIssues(result.issues, file).split('\n');
    if (result.issues.length >= LIMITS.errors)
      problems.push(`${file}: stopped after ${LIMITS.errors} problems; there may be more`);
    return { ok: false, problems };
  }
  return { ok: true, pack: result.pack };
}
