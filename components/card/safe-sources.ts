import { isWebUrl } from '@/lib/pack/formats';
import type { Source } from '@/lib/pack/types';

/** A source ready to render as a link: its `href` is an absolute http(s) URL. */
export interface SafeSource {
  title: string;
  href: string;
  host: string;
}

/**
 * The sources a card may link to: http and https only (javascript:, data:, file: and the
 * rest are dropped, not neutralised), each URL once, at most `max`. Cards can come from
 * imported packs, so the data is not trusted even though the validator checked it once.
 */
export function safeSources(sources: readonly Source[] = [], max = 6): SafeSource[] {
  const seen = new Set<string>();
  const safe: SafeSource[] = [];
  for (const source of sources) {
    if (typeof source?.url !== 'string' || !isWebUrl(source.url)) continue;
    const url = new URL(source.url);
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const title = typeof source.title === 'string' ? source.title.trim() : '';
    safe.push({ title: title || url.hostname, href: url.href, host: url.hostname });
    if (safe.length === max) break;
  }
  return safe;
}
