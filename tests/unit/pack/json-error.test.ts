import { jsonErrorOffset } from '@/lib/pack/json-error';

/** V8's position for texts where it gives one, to hold the scanner to the engine. */
function enginePosition(text: string): number | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const position = /at position (\d+)/.exec((error as Error).message);
    return position ? Number(position[1]) : -1;
  }
}

describe('finding where a JSON text breaks', () => {
  it('finds nothing wrong in valid JSON of every kind', () => {
    for (const text of [
      '{}',
      '[]',
      ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n\\"", {"b": {}}]} \n',
      '"just a string"',
      '0',
      JSON.stringify({ cards: [{ id: 'nato', title: 'NATO – ✓ 🕊️', related: [] }] }, null, 2),
    ]) {
      expect(jsonErrorOffset(text), text).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('points where V8 points, whenever V8 gives a position', () => {
    const broken = [
      '{"a": 1 "b": 2}',
      '{"a": 1,}',
      '[1, 2,]',
      '[1 2]',
      '{"a" 1}',
      '{a: 1}',
      '{"a": tru}',
      '{"a": 01}',
      '{"a": "tab\there"}',
      '{"a": "\\x"}',
      '{"a": [1, 2}',
      '{"a": 1}}',
      '{"a": 1',
      '[',
      '"open',
      '',
      'hello',
      '{"a": -}',
    ];
    for (const text of broken) {
      const found = jsonErrorOffset(text);
      expect(found, text).toBeDefined();
      const engine = enginePosition(text);
      if (engine !== undefined && engine >= 0) expect(found, text).toBe(engine);
    }
  });

  it('points past the letters a word shares with true, false or null, where V8 names its token', () => {
    expect(jsonErrorOffset('not json at all')).toBe(1);
    expect(jsonErrorOffset('[nuxl]')).toBe(3);
    expect(jsonErrorOffset('falsy')).toBe(4);
    expect(jsonErrorOffset('tru')).toBe(3);
    expect(jsonErrorOffset('True')).toBe(0);
  });

  it('points at the first bad character when V8 names only the token', () => {
    // "Unexpected token 'x', … is not valid JSON": no position in V8's message.
    expect(jsonErrorOffset('{\n  "a": x\n}')).toBe(9);
    expect(jsonErrorOffset('{\n  "cards": [\n}')).toBe(15);
  });

  it('survives a hostile file nested far deeper than any stack', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(999_999)}`;
    expect(jsonErrorOffset(deep)).toBe(deep.length);
    expect(jsonErrorOffset(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeUndefined();
  });
});
