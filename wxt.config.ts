import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { PAGE_MATCHES } from './lib/content/page-matches';
import { PAGE_STYLESHEET_PATH, pageStylesheet } from './lib/content/style-rules';
import { iconPaths } from './lib/icons';
import { checkSeedFiles } from './lib/pack/seed-check';
import { readSeedFiles } from './tests/support/seed-files';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // An invalid seed pack fails the build, naming the file, the card and the field.
    'build:before': () => {
      const problems = checkSeedFiles(readSeedFiles(resolve(import.meta.dirname, 'seeds')));
      if (problems.length > 0) throw new Error(`Invalid seed packs:\n${problems.join('\n')}`);
    },
    // The highlights' style comes with the manifest (lib/content/style-rules.ts).
    'build:publicAssets': (wxt, files) => {
      const browser = wxt.config.browser === 'firefox' ? 'firefox' : 'chrome';
      files.push({ relativeDest: PAGE_STYLESHEET_PATH, contents: pageStylesheet(browser) });
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Backstory',
    description: 'Background cards for the terms in the news you read.',
    // activeTab: the popup reads the current tab's address for the per-site switch.
    // webNavigation (Chrome): the background wakes when a navigation starts (see
    // entrypoints/background.ts); it adds no install warning beside the content scripts'
    // access to every site. Nothing else: the cards live in IndexedDB (no `storage`).
    permissions: browser === 'firefox' ? ['activeTab'] : ['activeTab', 'webNavigation'],
    // WXT finds public/icon/<size>.png for `icons` but leaves the toolbar button without one.
    // MV2 is named here: with a popup, WXT 0.21 writes `browser_action` from the popup alone
    // and drops an `action` (convertActionToMv2 skips a manifest that has one already).
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: iconPaths() },
    // entrypoints/early.ts, an unlisted script so that it is built without WXT's content
    // script wrapper; WXT adds entrypoints/content after it.
    content_scripts: [
      { matches: PAGE_MATCHES, run_at: 'document_start', js: ['early.js'] },
      // In the page from its first element, so it costs no style recalculation; see style-rules.ts.
      { matches: PAGE_MATCHES, css: [PAGE_STYLESHEET_PATH] },
    ],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next marked term and open its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous marked term and open its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.invalid',
              // The first Firefox with the CSS Custom Highlight API on by default; an older
              // one would install Backstory and quietly mark nothing.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
