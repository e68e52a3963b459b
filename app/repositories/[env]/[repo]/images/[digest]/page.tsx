import { requestTime } from "@/app/_lib/request-time";
import { loadView } from "@/app/_lib/load-view";
import { parseRouteParams } from "@/app/_lib/route-params";
import { FindingsComparison } from "@/components/images/findings-comparison";
import { FindingsTable } from "@/components/images/findings-table";
import { RunningIn } from "@/components/images/running-in";
import { TagList } from "@/components/images/tag-list";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CommitLink } from "@/components/ui/commit-link";
import { Digest } from "@/components/ui/digest";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { LiveStatus } from "@/components/ui/live-status";
import { PageHeader } from "@/components/ui/page-header";
import { Unavailable } from "@/components/ui/unavailable";
import { SeverityPills } from "@/components/ui/severity";
import { formatDateTime } from "@/components/ui/time-format";
import { formatBytes } from "@/lib/domain/format";
import { getImageDetail } from "@/lib/queries/image-detail";
import { imageParamsSchema } from "@/lib/queries/params";
import { requirePageRole } from "@/app/_lib/page-actor";
import { DeployImageLinks } from "@/app/_deploy/deploy-image-links";
import { roleAtLeast } from "@/lib/domain/roles";
import { servicesUsingRepository } from "@/lib/queries/repository-users";

type Params = Promise<{ env: string; repo: string; digest: string }>;

export const metadata = { title: "Image" };

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">{label}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

export default async function ImagePage({ params }: { params: Params }) {
  const actor = await requirePageRole("viewer");
  const serverNow = await requestTime();
  const { env, repo, digest } = await parseRouteParams(imageParamsSchema, params);
  const users = roleAtLeast(actor.role, "deployer") ? servicesUsingRepository(env, repo).catch(() => null) : undefined;
  const crumbs = [
    { label: "Repositories", href: "/repositories" },
    { label: env },
    { label: repo, href: `/repositories/${env}/${encodeURIComponent(repo)}` },
  ];
  const loaded = await loadView(getImageDetail(env, repo, digest));
  if (!loaded.ok) {
    return (
      <>
        <PageHeader crumbs={crumbs} title={`${repo} @ ${digest.slice(7, 19)}`} />
        <Unavailable title="Could not read this image" error={loaded.error} />
      </>
    );
  }
  const detail = loaded.view;
  const { subject } = detail;
  const { image, findings } = subject;

  return (
    <>
      <PageHeader
        crumbs={crumbs}
        title={subject.commit ? `${repo} @ ${subject.commit.shortSha}` : `${repo} @ ${digest.slice(7, 19)}`}
        badges={
          detail.expiresByLifecycle && (
            <Badge tone="warn" title={detail.expiresByLifecycle.description}>
              expires by lifecycle rule {detail.expiresByLifecycle.rulePriority}
            </Badge>
          )
        }
        aside={<LiveStatus asOf={detail.asOf} stale={detail.stale} serverNow={serverNow} live={false} />}
      />
      <div className="space-y-5">
        <Card>
          <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Fact label="Digest">
              <Digest value={image.digest} />
            </Fact>
            <Fact label="Commit">
              {subject.commit ? <CommitLink sha={subject.commit.sha} shortSha={subject.commit.shortSha} url={subject.commit.url} /> : <span className="text-subtle">no commit tag</span>}
            </Fact>
            <Fact label="Pushed">
              <span className="tabular-nums">{formatDateTime(image.pushedAt)}</span>
            </Fact>
            <Fact label="Size">{image.sizeInBytes !== undefined ? formatBytes(image.sizeInBytes) : "—"}</Fact>
            <Fact label="Tags">
              <TagList tags={image.tags} commitTag={subject.commit?.tag} />
            </Fact>
            <Fact label="Runs in">
              <RunningIn locations={subject.runningIn} max={8} />
            </Fact>
            <Fact label="Scan">
              <span className="text-xs">
                {findings?.status?.toLowerCase().replaceAll("_", " ") ?? "not scanned"}
                {findings?.completedAt && <span className="text-muted"> · {formatDateTime(findings.completedAt)}</span>}
              </span>
            </Fact>
            <Fact label="Findings">
              <SeverityPills counts={findings?.severityCounts} />
            </Fact>
          </dl>
        </Card>
        {users && (
          <Card title="Deploy this image" description="Plans a deploy of this image, pinned by digest, to a service that uses this repository">
            <DeployImageLinks users={await users} digest={image.digest} />
          </Card>
        )}

        <Card title="Vulnerabilities" description={findings ? `${findings.findings.length} findings, most severe first` : undefined} flush>
          {subject.findingsError && (
            <div className="p-3">
              <ErrorCallout title="Could not read the scan findings" error={subject.findingsError} />
            </div>
          )}
          {!subject.findingsError && findings === undefined && (
            <EmptyState title="This image has not been scanned">Turn on scan on push for the repository, or start a scan in ECR.</EmptyState>
          )}
          {findings !== undefined && findings.findings.length === 0 && (
            <EmptyState title={findings.status === "COMPLETE" || findings.status === "ACTIVE" ? "No vulnerabilities found" : `Scan ${findings.status?.toLowerCase() ?? "pending"}`}>
              {findings.description}
            </EmptyState>
          )}
          {findings !== undefined && findings.findings.length > 0 && <FindingsTable findings={findings.findings} />}
        </Card>

        <FindingsComparison subject={subject} runningNow={detail.runningNow} envId={env} repo={repo} />
      </div>
    </>
  );
}
