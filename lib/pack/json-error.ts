const LITERAL = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/;
const ESCAPE = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/;

const KEYWORDS = ['true', 'false', 'null'];

/** How many characters at `at` begin one of JSON's three words, as far as they agree. */
function keywordStart(text: string, at: number): number {
  const word = KEYWORDS.find((keyword) => keyword[0] === text[at]);
  let length = 0;
  while (word && length < word.length && text[at + length] === word[length]) length++;
  return length;
}

/** What the scanner expects next. */
type Want = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'next';

/**
 * Where a JSON text stops being JSON: the offset of the first character no JSON could have
 * there (the text's length when it ends too soon), or undefined for valid JSON. Used when
 * the engine's own message gives no position: V8 says only "Unexpected token" for some
 * errors. A loop with a stack of open containers, not recursion, so a hostile file nested
 * a million deep cannot overflow the call stack.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const open: ('{' | '[')[] = [];
  let at = 0;
  let want: Want = 'value';
  /** Reads a string from its opening quote; false (with `at` on the culprit) if it is bad. */
  const string = (): boolean => {
    at++;
    while (at < text.length) {
      const c = text.charCodeAt(at);
      if (c === 0x22) {
        at++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const escaped = ESCAPE.exec(text.slice(at + 1, at + 6));
        at++;
        if (!escaped) return false;
        at += escaped[0].length;
      } else at++;
    }
    return false;
  };
  for (;;) {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
    const c = text[at];
    if (want === 'next') {
      const container = open.at(-1);
      if (!container) return at === text.length ? undefined : at;
      if (c === ',') {
        at++;
        want = container === '[' ? 'value' : 'key';
      } else if (c === (container === '[' ? ']' : '}')) {
        open.pop();
        at++;
      } else return at;
    } else if ((want === 'valueOrEnd' && c === ']') || (want === 'keyOrEnd' && c === '}')) {
      open.pop();
      at++;
      want = 'next';
    } else if (want === 'key' || want === 'keyOrEnd') {
      if (c !== '"' || !string()) return at;
      while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
      if (text[at] !== ':') return at;
      at++;
      want = 'value';
    } else if (c === '{' || c === '[') {
      open.push(c);
      at++;
      want = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
    } else if (c === '"') {
      if (!string()) return at;
      want = 'next';
    } else {
      const literal = LITERAL.exec(text.slice(at, at + 400));
      // A lone minus sign is wrong at the character after it, as V8 reports it; so is a
      // word that starts as true, false or null ("not": the "o", which V8 names).
      if (!literal) return c === '-' ? at + 1 : at + keywordStart(text, at);
      at += literal[0].length;
      want = 'next';
    }
  }
}
