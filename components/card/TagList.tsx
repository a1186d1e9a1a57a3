/** The card's tags as quiet chips; nothing when there are none. */
export function TagList({ tags = [], max = 8 }: { tags?: readonly string[]; max?: number }) {
  if (tags.length === 0) return null;
  return (
    <ul class="bs-tags" aria-label="Tags">
      {[...new Set(tags)].slice(0, max).map((tag) => (
        <li key={tag} dir="auto">
          {tag}
        </li>
      ))}
    </ul>
  );
}
