import { requestTime } from "@/app/_lib/request-time";
import { loadView } from "@/app/_lib/load-view";
import { decodeParam, parseRouteParams } from "@/app/_lib/route-params";
import { ImageFilters } from "@/components/images/image-filters";
import { ImageHistoryTable } from "@/components/images/image-history-table";
import { LifecyclePolicy } from "@/components/images/lifecycle-policy";
import { Pagination } from "@/components/images/pagination";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { LiveStatus } from "@/components/ui/live-status";
import { PageHeader } from "@/components/ui/page-header";
import { Unavailable } from "@/components/ui/unavailable";
import { getImageHistory } from "@/lib/queries/image-history";
import { imageHistoryQuerySchema, repositoryParamsSchema, searchParamsToObject } from "@/lib/queries/params";
import { requirePageRole } from "@/app/_lib/page-actor";

type Params = Promise<{ env: string; repo: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }) {
  const { repo } = await params;
  return { title: `${decodeParam(repo)} images` };
}

export default async function ImageHistoryPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await requirePageRole("viewer");
  const serverNow = await requestTime();
  const { env, repo } = await parseRouteParams(repositoryParamsSchema, params);
  const basePath = `/repositories/${env}/${encodeURIComponent(repo)}`;
  const crumbs = [{ label: "Repositories", href: "/repositories" }, { label: env }];

  // proxy.ts answers a malformed query with a 400 before we get here; if one slips through, say so.
  const parsed = imageHistoryQuerySchema.safeParse(searchParamsToObject(await searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return (
      <>
        <PageHeader crumbs={crumbs} title={repo} />
        <ErrorCallout
          title="These filters are not valid"
          error={{ message: `${issue?.path.join(".")}: ${issue?.message}`, action: "Clear the filters and choose them again." }}
        />
      </>
    );
  }

  const loaded = await loadView(getImageHistory(env, repo, parsed.data));
  if (!loaded.ok) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={repo} />
        <Unavailable title={`Could not read the images of ${repo}`} error={loaded.error} />
      </>
    );
  }
  const history = loaded.view;
  const { repository, query } = history;
  const filtered = query.prod || query.severity !== undefined || query.q !== undefined;

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={repository.name}
        badges={repository.scanOnPush ? <Badge tone="ok">scan on push</Badge> : <Badge tone="warn">not scanned on push</Badge>}
        description={
          <span className="font-mono text-xs">
            {repository.uri} · {history.totalImages} images
          </span>
        }
        aside={<LiveStatus asOf={history.asOf} stale={history.stale} serverNow={serverNow} live={false} />}
      />
      <div className="grid gap-5 2xl:grid-cols-[minmax(0,1fr)_24rem]">
        <Card title="Image history" description={filtered ? `${history.total} of ${history.totalImages} images match` : "Newest first"} flush>
          <div className="border-b border-border px-4 py-3">
            <ImageFilters basePath={basePath} query={query} />
          </div>
          {history.images.length === 0 ? (
            <EmptyState title={filtered ? "No image matches these filters" : "This repository has no images"}>
              {filtered ? "Try a lower minimum severity, or include images without a production tag." : undefined}
            </EmptyState>
          ) : (
            <>
              <ImageHistoryTable images={history.images} basePath={basePath} serverNow={serverNow} />
              <div className="border-t border-border">
                <Pagination basePath={basePath} query={query} total={history.total} pageCount={history.pageCount} />
              </div>
            </>
          )}
        </Card>
        <div>
          <LifecyclePolicy lifecycle={history.lifecycle} />
        </div>
      </div>
    </>
  );
}
