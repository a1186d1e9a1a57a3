import {
  checkPackSize,
  firstNonUtf8Byte,
  MAX_PACK_BYTES,
  readPackBytes,
  readPackText,
  sizeText,
} from '@/lib/pack/read-pack';
import { makeCard, makePack } from '../factories';

const text = (value: unknown) => JSON.stringify(value, null, 2);

describe('reading a pack file', () => {
  it('reads a valid pack, with or without a byte-order mark', () => {
    const pack = makePack();
    expect(readPackText('a.json', text(pack))).toEqual({ ok: true, pack });
    expect(readPackText('a.json', `\uFEFF${text(pack)}`)).toEqual({ ok: true, pack });
  });

  it('says where the JSON breaks, by line and column', () => {
    const broken = '{\n  "backstory": 1,\n  "pack": { "id": "x" }\n  "cards": []\n}';
    const result = readPackText('broken.json', broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^broken\.json: not a JSON file \(line 4, column 3\): \S/);
    expect(result.problems[0]).not.toMatch(/position/);
  });

  it('reads the line and column from the engine’s own wording in Firefox too', () => {
    // SpiderMonkey's message; the engine here is V8, so this checks the other wording.
    const parse = vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new SyntaxError(
        "JSON.parse: expected ',' or '}' after property value in object at line 4 column 3 of the JSON data",
      );
    });
    const result = readPackText('ff.json', '{}');
    parse.mockRestore();
    expect(result).toEqual({
      ok: false,
      problems: [
        "ff.json: not a JSON file (line 4, column 3): expected ',' or '}' after property value in object",
      ],
    });
  });

  it('calls an empty file empty, and names the file, card and field of every format problem', () => {
    expect(readPackText('empty.json', ' \n')).toEqual({
      ok: false,
      problems: ['empty.json: the file is empty'],
    });
    const bad = makePack([makeCard({ sources: [{ title: 'x', url: 'javascript:alert(1)' }] })]);
    expect(readPackText('bad.json', text(bad))).toEqual({
      ok: false,
      problems: ['bad.json: card "nato" (cards[0]), field "sources[0].url" must be an http or https address'],
    });
  });

  it('says when it stopped counting problems', () => {
    const cards = Array.from({ length: 60 }, (_, i) => makeCard({ id: `c${i}`, summary: '' }));
    const result = readPackText('many.json', text(makePack(cards)));
    if (result.ok) throw new Error('read a bad pack');
    expect(result.problems).toHaveLength(51);
    expect(result.problems.at(-1)).toBe('many.json: stopped after 50 problems; there may be more');
  });

  it('refuses a file too large before it is read, and an empty one, saying its size', () => {
    expect(checkPackSize('big.json', MAX_PACK_BYTES + 1024 * 1024)).toBe(
      'big.json: the file is 101.0 MB; Backstory reads packs of up to 100.0 MB',
    );
    expect(checkPackSize('edge.json', MAX_PACK_BYTES + 1)).toBeDefined();
    expect(checkPackSize('huge.json', 3 * 1024 ** 3)).toMatch(/the file is 3072\.0 MB/);
    expect(checkPackSize('ok.json', MAX_PACK_BYTES)).toBeUndefined();
    expect(checkPackSize('none.json', 0)).toBe('none.json: the file is empty');
    expect([sizeText(12), sizeText(700 * 1024), sizeText(1.5 * 1024 * 1024)]).toEqual([
      '12 bytes',
      '700 KB',
      '1.5 MB',
    ]);
  });

  it('reads UTF-16 files with a byte-order mark, either byte order, and UTF-8 with or without one', () => {
    const text = JSON.stringify(makePack([makeCard({ title: 'Kyïv – قمة 🕊️' })]));
    const utf16 = (littleEndian: boolean) => {
      const bytes = new Uint8Array(2 + text.length * 2);
      const view = new DataView(bytes.buffer);
      view.setUint16(0, 0xfeff, littleEndian);
      for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
      return bytes;
    };
    const utf8 = new TextEncoder().encode(text);
    const withMark = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    for (const bytes of [utf16(true), utf16(false), utf8, withMark]) {
      const read = readPackBytes('f.json', bytes);
      expect(read.ok && read.pack.cards[0]?.title).toBe('Kyïv – قمة 🕊️');
    }
  });

  it('refuses a file that is not UTF-8, naming the byte and line, rather than change its text', () => {
    // "Café" saved as Latin-1 (Windows-1252): é is the one byte 0xE9.
    const latin1 = new TextEncoder().encode(JSON.stringify(makePack([makeCard({ title: 'Cafe' })]), null, 2));
    const at = latin1.lastIndexOf(0x65); // the "e" of "Cafe"
    latin1[at] = 0xe9;
    const line = new TextDecoder().decode(latin1.subarray(0, at)).split('\n').length;
    expect(readPackBytes('latin1.json', latin1)).toEqual({
      ok: false,
      problems: [
        `latin1.json: not UTF-8 text: byte ${at + 1} (line ${line}) is not part of a UTF-8 character; save the file as UTF-8 and import it again`,
      ],
    });
    // A lone surrogate in a UTF-16 file.
    const utf16 = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8, 0x7d, 0x00]);
    expect(readPackBytes('u16.json', utf16)).toEqual({
      ok: false,
      problems: [
        'u16.json: starts as UTF-16 text but holds bytes that are not; save it as UTF-8 and import it again',
      ],
    });
  });

  it('finds the first byte that is not UTF-8 exactly where a strict decoder stops', () => {
    const strictOk = (bytes: Uint8Array) => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const edges = [
      [0xc0, 0x80], // overlong
      [0xc2, 0x80], // U+0080
      [0xe0, 0x80, 0x80], // overlong
      [0xe0, 0xa0, 0x80], // U+0800
      [0xed, 0xa0, 0x80], // a surrogate
      [0xed, 0x9f, 0xbf], // U+D7FF
      [0xef, 0xbf, 0xbf], // U+FFFF
      [0xf0, 0x8f, 0xbf, 0xbf], // overlong
      [0xf0, 0x90, 0x80, 0x80], // U+10000
      [0xf4, 0x8f, 0xbf, 0xbf], // U+10FFFF
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf5, 0x80, 0x80, 0x80],
      [0xe2, 0x82], // cut short
      [0x80],
    ];
    for (const edge of edges) {
      const bytes = new Uint8Array([0x41, ...edge, 0x42]);
      expect(firstNonUtf8Byte(bytes) === -1, edge.join(' ')).toBe(strictOk(bytes));
      if (!strictOk(bytes)) expect(firstNonUtf8Byte(bytes)).toBe(1);
    }
    // Random bytes, mostly from the ranges where the rules are.
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 3000; n++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 6) }, () =>
        next() % 3 === 0 ? next() % 256 : 0x80 + (next() % 0x78),
      );
      const bad = firstNonUtf8Byte(bytes);
      expect(bad === -1, [...bytes].join(' ')).toBe(strictOk(bytes));
      if (bad !== -1) {
        expect(strictOk(bytes.subarray(0, bad))).toBe(true);
      }
    }
  });

  it('says a file is not a pack when it holds a list or another value, not a field problem', () => {
    expect(readPackText('list.json', '[1, 2]')).toEqual({
      ok: false,
      problems: [
        'list.json: not a pack: it holds a list, where a pack is an object with "backstory", "pack" and "cards"',
      ],
    });
    expect(readPackText('n.json', 'null').ok).toBe(false);
    expect(readPackText('s.json', '"pack"')).toMatchObject({
      problems: [expect.stringContaining('it holds a string')],
    });
  });

  it('leaves out the engine’s quote of the file from a JSON error, and says where', () => {
    const result = readPackText('hello.json', 'hello world, this is not JSON at all');
    expect(result).toEqual({
      ok: false,
      problems: ["hello.json: not a JSON file (line 1, column 1): Unexpected token 'h'"],
    });
  });

  it('names the character at the place it gives for a word that starts as null, true or false', () => {
    expect(readPackText('words.json', 'not json at all')).toEqual({
      ok: false,
      problems: ["words.json: not a JSON file (line 1, column 2): Unexpected token 'o'"],
    });
    expect(readPackText('x.json', '{\n  "cards": trux\n}')).toMatchObject({
      problems: [expect.stringMatching(/\(line 2, column 15\): Unexpected token 'x'$/)],
    });
  });
});
