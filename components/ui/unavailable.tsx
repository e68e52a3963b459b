import { getConfig } from "@/lib/config";
import type { UserFacingError } from "@/lib/errors";
import { AutoRefresh } from "./auto-refresh";
import { ErrorCallout } from "./error-callout";

/** The page's data could not be read from AWS: say why and keep retrying on the refresh interval. */
export function Unavailable({ title, error }: { title: string; error: UserFacingError }) {
  return (
    <div className="space-y-3">
      <ErrorCallout title={title} error={error} />
      <p className="flex items-center gap-2 text-xs text-muted">
        This page retries by itself. <AutoRefresh intervalMs={getConfig().ui.refreshIntervalMs} />
      </p>
    </div>
  );
}
