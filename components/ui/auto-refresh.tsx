"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

/**
 * Re-renders the page's server components every `intervalMs` (router.refresh keeps client state
 * such as the filter and scroll position). Skips ticks while the tab is hidden or a refresh is
 * still running, refreshes at once when the tab becomes visible again, and can be paused.
 */
export function AutoRefresh({ intervalMs }: { intervalMs: number }) {
  const router = useRouter();
  const [paused, setPaused] = useState(false);
  const [refreshing, startTransition] = useTransition();
  const inFlight = useRef(false);

  useEffect(() => {
    inFlight.current = refreshing;
  }, [refreshing]);

  useEffect(() => {
    if (paused) return;
    const tick = () => {
      if (document.visibilityState !== "visible" || inFlight.current) return;
      inFlight.current = true;
      startTransition(() => router.refresh());
    };
    const timer = setInterval(tick, intervalMs);
    const onVisible = () => document.visibilityState === "visible" && tick();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [paused, intervalMs, router]);

  const seconds = Math.max(1, Math.round(intervalMs / 1000));
  return (
    <button
      type="button"
      onClick={() => setPaused((p) => !p)}
      aria-pressed={!paused}
      title={paused ? "Auto-refresh is paused: click to resume" : `Refreshing every ${seconds} s: click to pause`}
      className="inline-flex h-6 items-center max-md:h-11 gap-1.5 rounded-md border border-border px-2 text-xs text-muted tabular-nums hover:bg-surface-2 hover:text-fg"
    >
      <span aria-hidden className={`size-1.5 rounded-full ${paused ? "bg-subtle" : "bg-ok"} ${refreshing ? "animate-pulse" : ""}`} />
      {paused ? "Paused" : `Auto-refresh ${seconds} s`}
    </button>
  );
}
