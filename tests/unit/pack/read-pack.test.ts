import { checkPackSize, decodePackBytes, MAX_PACK_BYTES, readPackText, sizeText } from '@/lib/pack/read-pack';
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
      const read = readPackText('f.json', decodePackBytes(bytes));
      expect(read.ok && read.pack.cards[0]?.title).toBe('Kyïv – قمة 🕊️');
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
