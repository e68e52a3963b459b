/** An image's tags; the one carrying the commit (prod-<sha>) is emphasised, `latest` is marked as moving. */
export function TagList({ tags, commitTag }: { tags: string[]; commitTag?: string }) {
  if (tags.length === 0) return <span className="text-xs text-subtle italic">untagged</span>;
  const ordered = [...tags].sort((a, b) => Number(b === commitTag) - Number(a === commitTag));
  return (
    <ul className="flex flex-wrap gap-1">
      {ordered.map((t) => (
        <li
          key={t}
          title={t}
          className={`max-w-full truncate rounded px-1.5 font-mono text-[11px] leading-5 ring-1 ring-inset ${
            t === commitTag ? "bg-accent-soft text-accent ring-accent/25" : "bg-surface-2 text-muted ring-border"
          }`}
        >
          {t === commitTag && t.length > 20 ? `${t.slice(0, 16)}…` : t}
        </li>
      ))}
    </ul>
  );
}
