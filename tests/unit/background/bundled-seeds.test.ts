import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundledSeedPacks } from '@/lib/background/bundled-seeds';
import { makeCard, makePack } from '../factories';

describe('the bundled seed packs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are the packs in seeds/, as the build inlines them', () => {
    const file = resolve(import.meta.dirname, '../../../seeds/nato-russia.json');
    const packs = bundledSeedPacks();
    expect(packs.map((pack) => pack.pack.id)).toEqual(['nato-russia']);
    expect(packs[0]).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });

  it('skip an invalid pack with an error naming its file, card and field, and keep the rest', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const good = makePack();
    const bad = makePack([makeCard({ summary: '' })], { id: 'broken' });
    const packs = bundledSeedPacks({ '/seeds/broken.json': bad, '/seeds/good.json': good });
    expect(packs).toEqual([good]);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[0]).toMatch(
      /^Backstory: seed pack skipped\n\/seeds\/broken\.json: card "nato" \(cards\[0\]\), field "summary" /,
    );
  });
});
