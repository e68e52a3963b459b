import type { RunningLocation } from "@/lib/queries/types";

/** "runs in production/my-api" links, one per service (containers of one service are merged). Plain anchors: see SoftNavigation. */
export function RunningIn({ locations, max = 3 }: { locations: RunningLocation[]; max?: number }) {
  const seen = new Map<string, RunningLocation>();
  for (const l of locations) seen.set(`${l.envId}/${l.cluster}/${l.service}`, l);
  const unique = [...seen.values()];
  if (unique.length === 0) return <span className="text-xs text-subtle">—</span>;
  return (
    <ul className="flex flex-wrap gap-1 max-md:gap-y-6 max-md:py-3">
      {unique.slice(0, max).map((l) => (
        <li key={`${l.envId}/${l.cluster}/${l.service}`}>
          <a
            href={`/services/${l.envId}/${l.cluster}/${l.service}`}
            className="relative inline-flex h-5 items-center gap-1 rounded max-md:after:absolute max-md:after:inset-x-0 max-md:after:-inset-y-3 bg-ok-soft px-1.5 text-[11px] font-medium text-ok ring-1 ring-ok/25 ring-inset hover:underline"
            title={`Runs in ${l.envId} / ${l.cluster} / ${l.service}`}
          >
            <span aria-hidden className="size-1.5 rounded-full bg-ok" />
            {l.cluster}/{l.service}
          </a>
        </li>
      ))}
      {unique.length > max && <li className="text-xs text-muted">+{unique.length - max} more</li>}
    </ul>
  );
}
