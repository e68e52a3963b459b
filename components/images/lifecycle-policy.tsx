import { Card } from "@/components/ui/card";
import type { LifecycleView } from "@/lib/queries/types";

/** The repository's lifecycle policy in words, what it would expire now, and the raw JSON. */
export function LifecyclePolicy({ lifecycle }: { lifecycle: LifecycleView }) {
  if (lifecycle.policyText === undefined) {
    return (
      <Card title="Lifecycle policy">
        <p className="text-muted">No lifecycle policy: images are kept until someone deletes them.</p>
      </Card>
    );
  }
  return (
    <Card
      title="Lifecycle policy"
      description={
        lifecycle.parseError
          ? undefined
          : lifecycle.expiringCount > 0
            ? `${lifecycle.expiringCount} ${lifecycle.expiringCount === 1 ? "image" : "images"} would expire now`
            : "Nothing would expire now"
      }
    >
      {lifecycle.parseError ? (
        <p className="text-danger">The policy could not be read ({lifecycle.parseError}), so expiry is not shown.</p>
      ) : (
        <ol className="space-y-1.5">
          {lifecycle.rules.map((r) => (
            <li key={r.rulePriority} className="flex gap-2">
              <span className="inline-flex h-5 min-w-14 shrink-0 items-center justify-center rounded bg-surface-2 px-1.5 text-[11px] font-medium text-muted ring-1 ring-border ring-inset">
                rule {r.rulePriority}
              </span>
              <span>{r.description}</span>
            </li>
          ))}
        </ol>
      )}
      <details className="mt-3 text-xs">
        <summary className="cursor-pointer text-muted hover:text-fg">Policy JSON</summary>
        <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-surface-2 p-3 font-mono text-[11px] leading-4">{prettyJson(lifecycle.policyText)}</pre>
      </details>
    </Card>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
