import { request } from '../protocol/client';
import type { ScanResult } from '../protocol/messages';
import { clearMentions, mentionRanges, paintMentions } from './highlights';
import { adoptMentionStyle } from './style';
import { collectBlocks } from './text-blocks';

/** What one scan of the page found, for the features that follow (the card, the popup). */
export interface PageScan {
  result: ScanResult;
  ranges: Range[];
}

/**
 * Reads the page, asks the background for mentions and paints them. Everything it adds is
 * removed when `signal` aborts (extension update or reload, site switched off).
 */
export async function annotatePage(
  signal: AbortSignal,
  doc: Document = document,
): Promise<PageScan | undefined> {
  if (!doc.body || typeof CSS === 'undefined' || !('highlights' in CSS)) return undefined;
  const blocks = collectBlocks(doc.body);
  const result = await request('page.scan', { url: doc.location.href, blocks: blocks.map((b) => b.text) });
  if (signal.aborted || !result.enabled) return undefined;
  const ranges = mentionRanges(blocks, result.mentions);
  const removeStyle = adoptMentionStyle(doc);
  paintMentions(ranges);
  signal.addEventListener('abort', () => {
    clearMentions();
    removeStyle();
  });
  return { result, ranges };
}
