import { getConfig } from "@/lib/config";
import { AutoRefresh } from "./auto-refresh";
import { Freshness } from "./freshness";

/**
 * How fresh the view is, plus (for live views) the auto-refresh control. A view that has not been
 * refreshed for three intervals is marked stale in the browser even if the server never said so.
 */
export function LiveStatus({ asOf, stale, serverNow, live = true }: { asOf: Date; stale: boolean; serverNow: number; live?: boolean }) {
  const { refreshIntervalMs } = getConfig().ui;
  return (
    <>
      <Freshness
        asOf={asOf.getTime()}
        stale={stale}
        serverNow={serverNow}
        staleAfterMs={live ? Math.max(3 * refreshIntervalMs, 15_000) : undefined}
      />
      {live && <AutoRefresh intervalMs={refreshIntervalMs} />}
    </>
  );
}
