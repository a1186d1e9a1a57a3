/**
 * happy-dom has no StaticRange. This stand-in keeps the four boundaries it was given, and,
 * like the browser's, does not follow later changes to the DOM. Install it with
 * `vi.stubGlobal('StaticRange', TestStaticRange)` where product code constructs one.
 */
export class TestStaticRange implements AbstractRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;

  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }

  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/** A static range over `[start, end)` of one text node. */
export function staticRange(text: Text, start: number, end: number): AbstractRange {
  return new TestStaticRange({
    startContainer: text,
    startOffset: start,
    endContainer: text,
    endOffset: end,
  });
}
