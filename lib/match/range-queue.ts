/**
 * A FIFO of (state, from, to) triples in one growing Int32Array ring: the breadth-first
 * work list of the automaton builder, without an object per trie node.
 */
export class RangeQueue {
  private items = new Int32Array(3 * 1024);
  private head = 0;
  /** Triples waiting. */
  size = 0;
  /** The triple last taken by `take`. */
  state = 0;
  from = 0;
  to = 0;

  /** Adds a triple at the back. */
  push(state: number, from: number, to: number): void {
    if (3 * (this.size + 1) > this.items.length) this.grow();
    const at = (this.head + 3 * this.size) % this.items.length;
    this.items[at] = state;
    this.items[at + 1] = from;
    this.items[at + 2] = to;
    this.size++;
  }

  /** Removes the front triple into `state`, `from` and `to`. */
  take(): void {
    const { items, head } = this;
    this.state = items[head] as number;
    this.from = items[head + 1] as number;
    this.to = items[head + 2] as number;
    this.head = (head + 3) % items.length;
    this.size--;
  }

  private grow(): void {
    const items = new Int32Array(this.items.length * 2);
    for (let i = 0; i < 3 * this.size; i++)
      items[i] = this.items[(this.head + i) % this.items.length] as number;
    this.items = items;
    this.head = 0;
  }
}
