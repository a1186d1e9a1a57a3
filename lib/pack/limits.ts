/**
 * Size limits of the pack format. They keep one hostile or corrupt pack from
 * filling the database or freezing the UI, while leaving room for real cards.
 */
export const LIMITS = {
  idLength: 128,
  titleLength: 300,
  summaryLength: 200_000,
  aliasLength: 300,
  aliases: 100,
  factLabelLength: 100,
  factValueLength: 1_000,
  facts: 50,
  timelineTextLength: 1_000,
  timeline: 200,
  sourceTitleLength: 300,
  urlLength: 2_048,
  sources: 50,
  tagLength: 50,
  tags: 50,
  related: 50,
  packVersionLength: 50,
  languageLength: 35,
  cards: 100_000,
  /** Errors reported for one pack before the validator stops collecting. */
  errors: 50,
} as const;
