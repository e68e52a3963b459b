// The "what changed?" timeline of the Audit page and GET /api/v1/timeline: our operations (store) and
// the ECS service deployments made outside the dashboard, newest first, filtered, one page at a time.
// An ECS deployment one of our operations made shows once, as ours, carrying ECS's status.
// Paging merges the two newest-first streams and remembers a position in each (timeline-cursor.ts),
// so a page costs one store query plus the window's (cached) ECS listing at any depth.
import { compareText } from "@/lib/domain/compare";
import { commitUrlFor } from "@/lib/domain/git-links";
import type { TimeWindow } from "@/lib/domain/time-window";
import { BadRequestError } from "@/lib/errors";
import { childrenOf, cursorAfter, getStore, listOperations, operationsOfServiceDeployments, StoreInputError, type Operation, type Store } from "@/lib/store";
import { freshness, queryContext, type QueryOptions } from "./context";
import { decodeTimelineCursor, encodeTimelineCursor, type EcsPosition, type TimelineCursor } from "./timeline-cursor";
import { ecsDeploymentsInWindow, type TimelineReadError } from "./timeline-ecs";
import { ecsTime, operationEntry, outsideEntry, type CommitUrl, type EcsDeployment, type TimelineEntry } from "./timeline-entry";
import { withProvenance } from "./timeline-provenance";
import type { TimelineFilters, TimelineQuery } from "./timeline-query";
import type { Freshness } from "./types";

export interface Timeline extends Freshness {
  filters: TimelineFilters;
  window: TimeWindow;
  entries: TimelineEntry[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  /** Parts of AWS that could not be read: their outside deployments are missing from this page. */
  errors: TimelineReadError[];
}

export interface TimelineOptions extends QueryOptions {
  /** Defaults to the server's store. */
  store?: Store;
}

type Candidate = { entry: TimelineEntry } & ({ op: Operation } | { ecs: EcsPosition });

const newestFirst = (a: Candidate, b: Candidate) => b.entry.at.getTime() - a.entry.at.getTime() || compareText(b.entry.key, a.entry.key);
const olderThan = (d: EcsDeployment, p: EcsPosition) => ecsTime(d.record) < p.at || (ecsTime(d.record) === p.at && compareText(d.record.arn, p.arn) < 0);

async function operationsPage(store: Store, query: TimelineQuery, cursor: string | null) {
  const { env, cluster, service, actor, outcome } = query.filters;
  // A restore is one entry with its children folded under it; asked about one cluster or service, the
  // timeline shows that service's own child rollback instead (the restore spans every cluster).
  const topLevel = !cluster && !service;
  const filters = { env, cluster, service, actor, ...(outcome && { statuses: [outcome] }), from: query.window.from, to: query.window.to, topLevel };
  try {
    return await listOperations(store.db, filters, { limit: query.limit, ...(cursor && { cursor }) });
  } catch (error) {
    if (error instanceof StoreInputError) throw new BadRequestError("cursor: not a timeline cursor; follow the page links (or nextCursor) unchanged");
    throw error;
  }
}

/** The outside deployments still to show (a page's worth): not ours, of the outcome asked for, older than the cursor's position. */
async function outsideCandidates(store: Store, query: TimelineQuery, all: EcsDeployment[], position: EcsPosition | null) {
  const ours = await operationsOfServiceDeployments(store.db, all.map((d) => d.record.arn));
  const remaining: Candidate[] = all
    .filter((d) => !ours.has(d.record.arn) && (!position || olderThan(d, position)))
    .map((d) => ({ entry: outsideEntry(d), ecs: { at: ecsTime(d.record), arn: d.record.arn } }))
    .filter((c) => !query.filters.outcome || c.entry.outcome === query.filters.outcome)
    .sort(newestFirst);
  return { candidates: remaining.slice(0, query.limit), more: remaining.length > query.limit };
}

/** Where the operations stream continues after a page took `taken` of the `fetched` it was offered. */
function nextOperations(taken: Operation[], fetched: number, current: string | null, storeNext: string | null): TimelineCursor["operations"] {
  if (taken.length === fetched) return storeNext ?? "done";
  const last = taken.at(-1);
  return last ? cursorAfter(last) : current;
}

/** Where the ECS stream continues after a page took `taken` of the `offered`. */
function nextEcs(taken: EcsPosition[], offered: number, more: boolean, current: EcsPosition | null): TimelineCursor["ecs"] {
  if (taken.length === offered && !more) return "done";
  return taken.at(-1) ?? current;
}

export async function getTimeline(query: TimelineQuery, opts: TimelineOptions = {}): Promise<Timeline> {
  const ctx = queryContext(opts);
  const store = opts.store ?? (await getStore());
  const cursor = decodeTimelineCursor(query.cursor);
  const { source, actor } = query.filters;
  // Where each stream resumes; undefined when it is not wanted or already exhausted.
  const operationsFrom = source === "outside" || cursor.operations === "done" ? undefined : cursor.operations;
  // Deployments made outside the dashboard have no actor of ours: an actor filter leaves only operations.
  const ecsFrom = source === "ours" || actor || cursor.ecs === "done" ? undefined : cursor.ecs;

  // The window's ECS listing is read even for "ours only": it carries ECS's status of our deployments.
  const [ecs, operations] = await Promise.all([
    ecsDeploymentsInWindow(ctx, query.filters, query.window),
    operationsFrom !== undefined ? operationsPage(store, query, operationsFrom) : undefined,
  ]);
  const byArn = new Map(ecs.deployments.map((d) => [d.record.arn, d.record]));
  const outside = ecsFrom !== undefined ? await outsideCandidates(store, query, ecs.deployments, ecsFrom) : { candidates: [], more: false };
  const commitUrl: CommitUrl = (repository, sha) => commitUrlFor(ctx.config.git, repository, sha);
  const ecsOf = (op: Operation) => (op.serviceDeploymentArn ? byArn.get(op.serviceDeploymentArn) : undefined);
  const restores = (operations?.operations ?? []).filter((op) => op.action === "restore").map((op) => op.id);
  const children = restores.length > 0 ? await childrenOf(store.db, restores) : new Map<string, Operation[]>();
  const ownCandidates: Candidate[] = (operations?.operations ?? []).map((op) => {
    const entry = operationEntry(op, ecsOf(op), commitUrl);
    if (op.action === "restore") entry.children = (children.get(op.id) ?? []).map((child) => operationEntry(child, ecsOf(child), commitUrl));
    return { entry, op };
  });
  const page = [...ownCandidates, ...outside.candidates].sort(newestFirst).slice(0, query.limit);

  const next: TimelineCursor = {
    operations:
      operations && operationsFrom !== undefined
        ? nextOperations(page.flatMap((c) => ("op" in c ? [c.op] : [])), ownCandidates.length, operationsFrom, operations.nextCursor)
        : "done",
    ecs: ecsFrom !== undefined ? nextEcs(page.flatMap((c) => ("ecs" in c ? [c.ecs] : [])), outside.candidates.length, outside.more, ecsFrom) : "done",
  };
  const more = next.operations !== "done" || next.ecs !== "done";
  return {
    ...freshness(ctx),
    filters: query.filters,
    window: query.window,
    entries: await withProvenance(ctx, page.map((c) => c.entry), commitUrl),
    nextCursor: more ? encodeTimelineCursor(next) : null,
    errors: ecs.errors,
  };
}
