import type { CSSProperties } from "react";

const FILL = { ok: "text-ok", warn: "text-warn", danger: "text-danger", info: "text-info" } as const;

/**
 * Running vs desired tasks, with pending shown as a lighter segment. Width is fixed by the parent,
 * so polling updates never move surrounding columns. One element: `.progress` in globals.css draws
 * both segments in the fill colour (currentColor) from --running and --pending, and animates them.
 */
export function ProgressBar({
  running,
  pending,
  desired,
  tone = "ok",
  label,
}: {
  running: number;
  pending: number;
  desired: number;
  tone?: keyof typeof FILL;
  label: string;
}) {
  const total = Math.max(desired, running + pending, 1);
  const pct = (n: number) => `${Math.min(100, (n / total) * 100)}%`;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.max(desired, 1)}
      aria-valuenow={running}
      aria-valuetext={`${running} of ${desired} running, ${pending} pending`}
      className={`progress ${FILL[tone]}`}
      style={{ "--running": pct(running), "--pending": pct(pending) } as CSSProperties}
    />
  );
}
