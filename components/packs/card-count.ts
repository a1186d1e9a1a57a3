/** A number of cards as the import and export messages write it: "1 card", "10,000 cards". */
export function cardCount(n: number): string {
  return n === 1 ? '1 card' : `${n.toLocaleString()} cards`;
}
