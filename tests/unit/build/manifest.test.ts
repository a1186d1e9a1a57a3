import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'wxt';
import { ICON_SIZES, iconPaths } from '@/lib/icons';

const root = resolve(import.meta.dirname, '../../..');

/** Width and height from a PNG's header: the IHDR chunk comes first, after the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  if (bytes.subarray(12, 16).toString('latin1') !== 'IHDR') throw new Error('no IHDR chunk first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const expected = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));

describe('the extension icons', () => {
  it('are a PNG of the right pixel size for every size, in public/', async () => {
    for (const [size, path] of Object.entries(iconPaths())) {
      const bytes = await readFile(join(root, 'public', path));
      expect(pngSize(bytes), path).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  // Built for real: WXT discovers `icons` in public/ and handles the action key per manifest
  // version, so the config alone would not show what ships.
  it.each([
    ['chrome', 'action', ['activeTab', 'webNavigation']],
    ['firefox', 'browser_action', ['activeTab']],
  ] as const)(
    'are named in the %s build’s manifest, for the extension and its toolbar button (%s), which asks for %j alone',
    async (browser, actionKey, permissions) => {
      const outDir = await mkdtemp(join(tmpdir(), 'backstory-build-'));
      try {
        await build({ root, browser, outDir, logger: silent });
        const dir = join(outDir, browser === 'chrome' ? 'chrome-mv3' : 'firefox-mv2');
        const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
        expect(manifest.icons).toEqual(expected);
        expect(manifest.permissions).toEqual(permissions);
        if (browser === 'firefox')
          expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
        expect(manifest[actionKey].default_icon).toEqual(expected);
        for (const [size, path] of Object.entries(expected)) {
          const bytes = await readFile(join(dir, path));
          expect(pngSize(bytes), path).toEqual({ width: Number(size), height: Number(size) });
        }
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});

const quiet = () => undefined;
const silent = {
  debug: quiet,
  log: quiet,
  info: quiet,
  warn: quiet,
  error: quiet,
  fatal: quiet,
  success: quiet,
  level: 0,
};
