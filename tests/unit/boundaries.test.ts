import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The runtime contexts must not leak into each other (see ../shared/STYLE.md): a content
// script that pulled in the database would open the page's IndexedDB, not ours.
const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return spec;
  const base = spec.startsWith('@/') ? join(root, spec.slice(2)) : resolve(root, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return relative(root, base);
}

const graph = new Map<string, string[]>();
for (const file of ['lib', 'components', 'entrypoints'].flatMap(sourceFiles)) {
  const text = readFileSync(join(root, file), 'utf8');
  // Either quote: Biome writes single quotes, but the graph must not depend on the formatter.
  // `import` counts only at a line's start or as `import(`, so prose such as "the import's
  // state" in a comment is not read as a specifier.
  const specifier = /(?:^\s*import|\bfrom|\bimport\s*\()\s*(['"])([^'"\n]+)\1/gm;
  const specs = [...text.matchAll(specifier)].map((m) => m[2] as string);
  graph.set(
    file,
    specs.map((spec) => resolveImport(file, spec)),
  );
}

/** Every module `file` reaches through imports, itself excluded. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  for (const dep of graph.get(file) ?? []) {
    if (seen.has(dep)) continue;
    seen.add(dep);
    reach(dep, seen);
  }
  return seen;
}

function offending(files: string[], forbidden: (dep: string) => boolean, transitive = true): string[] {
  return files.flatMap((file) =>
    [...(transitive ? reach(file) : new Set(graph.get(file)))]
      .filter(forbidden)
      .map((dep) => `${file} -> ${dep}`),
  );
}

const files = [...graph.keys()];
const under = (prefix: string) => (file: string) => file.startsWith(prefix);

describe('module boundaries', () => {
  it('reads a non-trivial import graph', () => {
    expect(graph.get('entrypoints/background.ts')).toContain('lib/db/schema.ts');
  });

  it('keeps the database and the background out of content-script code', () => {
    // Content scripts: lib/content/, entrypoints/content/, any entrypoints/<name>.content.ts,
    // and entrypoints/early.ts, an unlisted script that wxt.config.ts lists as a content script.
    const isContent = (f: string) =>
      f.startsWith('lib/content/') ||
      /^entrypoints\/([^/]+\.)?content[./]/.test(f) ||
      f === 'entrypoints/early.ts';
    const content = files.filter(isContent);
    expect(content).toContain('entrypoints/early.ts');
    const forbidden = (dep: string) =>
      dep === 'dexie' || dep.startsWith('lib/db/') || dep.startsWith('lib/background/');
    expect(offending(content, forbidden)).toEqual([]);
  });

  it('keeps content-script code out of the background', () => {
    const background = files.filter(
      (f) => f.startsWith('lib/background/') || f === 'entrypoints/background.ts',
    );
    expect(offending(background, under('lib/content/'))).toEqual([]);
  });

  it('keeps lib/ free of entrypoints and components, and components free of entrypoints', () => {
    const fromLib = offending(
      files.filter(under('lib/')),
      (d) => d.startsWith('entrypoints/') || d.startsWith('components/'),
      false,
    );
    const fromComponents = offending(files.filter(under('components/')), under('entrypoints/'), false);
    expect([...fromLib, ...fromComponents]).toEqual([]);
  });

  it('keeps the background out of the UI', () => {
    // The popup and its components run in an extension page, not the service worker; what
    // both need (setting keys, command names) lives in lib/db or lib/protocol.
    const ui = files.filter((f) => f.startsWith('components/') || f.startsWith('entrypoints/popup/'));
    expect(ui).toContain('entrypoints/popup/App.tsx');
    expect(offending(ui, under('lib/background/'))).toEqual([]);
  });

  it('imports the browser API only through wxt/browser', () => {
    expect(offending(files, (dep) => dep === 'webextension-polyfill', false)).toEqual([]);
  });
});
