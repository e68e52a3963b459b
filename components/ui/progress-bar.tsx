/**
 * Running vs desired tasks, with pending shown as a lighter segment. Width is fixed by the parent,
 * so polling updates never move surrounding columns.
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
  tone?: "ok" | "warn" | "danger" | "info";
  label: string;
}) {
  const total = Math.max(desired, running + pending, 1);
  const pct = (n: number) => `${Math.min(100, (n / total) * 100)}%`;
  const fill = { ok: "bg-ok", warn: "bg-warn", danger: "bg-danger", info: "bg-info" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={Math.max(desired, 1)}
      aria-valuenow={running}
      aria-valuetext={`${running} of ${desired} running, ${pending} pending`}
      className="flex h-1.5 w-full overflow-hidden rounded-full bg-surface-2 ring-1 ring-border ring-inset"
    >
      <div className={`${fill} transition-[width] duration-500`} style={{ width: pct(running) }} />
      <div className={`${fill} opacity-35 transition-[width] duration-500`} style={{ width: pct(pending) }} />
    </div>
  );
}
