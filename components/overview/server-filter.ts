import type { ClusterSection, EnvironmentSection, Overview, ServiceRow } from "@/lib/queries/types";
import { filterTerms, matchesFilter } from "./filter-match";
import { serviceSearchText } from "./search-text";

/** An environment showing an error, its own or a cluster's: such a section never hides. */
export function showsFailure(env: EnvironmentSection): boolean {
  return env.error !== undefined || env.clusters.some((c) => c.error !== undefined);
}

/**
 * The overview filter as the server applies it to `?q=`: each row's search text (computed once per
 * render) and whether it shows. The browser re-applies the same matching as the user types.
 */
export class OverviewFilter {
  readonly active: boolean;
  readonly total: number;
  readonly shown: number;
  private readonly rows = new Map<string, { text: string; visible: boolean }>();

  constructor(overview: Overview, query: string) {
    this.active = filterTerms(query).length > 0;
    for (const env of overview.environments) {
      for (const row of env.clusters.flatMap((c) => c.services)) {
        const text = serviceSearchText(row);
        this.rows.set(row.arn, { text, visible: matchesFilter(text, query) });
      }
    }
    this.total = this.rows.size;
    this.shown = [...this.rows.values()].filter((r) => r.visible).length;
  }

  text(row: ServiceRow): string {
    return this.rows.get(row.arn)?.text ?? "";
  }

  shows(row: ServiceRow): boolean {
    return this.rows.get(row.arn)?.visible ?? true;
  }

  /** A cluster hides while filtering when none of its services match, unless it shows an error. */
  showsCluster(cluster: ClusterSection): boolean {
    return !this.active || cluster.error !== undefined || cluster.services.some((s) => this.shows(s));
  }

  /** Likewise an environment: a failure anywhere in it must stay in view. */
  showsEnvironment(env: EnvironmentSection): boolean {
    return !this.active || showsFailure(env) || env.clusters.some((c) => c.services.some((s) => this.shows(s)));
  }
}
