import { requirePageRole } from "@/app/_lib/page-actor";
import { DeliveryLogTable } from "@/components/notifications/delivery-log-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorCallout } from "@/components/ui/error-callout";
import { PageHeader } from "@/components/ui/page-header";
import { getConfig } from "@/lib/config";
import { BadRequestError } from "@/lib/errors";
import { getNotificationLog, notificationLogQuerySchema, type NotificationLog } from "@/lib/queries/notification-log";
import { parseOrBadRequest, searchParamsToObject } from "@/lib/queries/params";

export const metadata = { title: "Notifications" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DESCRIPTION = "Where operation starts, outcomes and failed outside ECS deployments are sent, and what each delivery did. Admins only.";

async function load(params: Record<string, string>): Promise<NotificationLog | { invalid: string }> {
  try {
    return await getNotificationLog(getConfig(), parseOrBadRequest(notificationLogQuerySchema, params));
  } catch (error) {
    if (error instanceof BadRequestError) return { invalid: error.message };
    throw error;
  }
}

const href = (target: string, cursor?: string) => `/admin/notifications?${new URLSearchParams({ target, ...(cursor && { cursor }) }).toString()}`;

export default async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageRole("admin");
  const params = searchParamsToObject(await searchParams);
  const log = await load(params);
  if ("invalid" in log) {
    return (
      <>
        <PageHeader title="Notifications" description={DESCRIPTION} />
        <ErrorCallout title="This address is not valid" error={{ message: log.invalid, action: "Open the page from the header and choose a target again." }} />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Notifications" description={DESCRIPTION} />
      <div className="space-y-4">
        {log.targets.length === 0 ? (
          <Card>
            <EmptyState title="No notification targets are configured">Add Slack or webhook targets under notifications in the configuration (docs/configuration.md).</EmptyState>
          </Card>
        ) : (
          <nav aria-label="Notification targets" className="flex flex-wrap gap-2">
            {log.targets.map((t) => (
              <a
                key={t.id}
                href={href(t.id)}
                aria-current={t.id === log.selected ? "page" : undefined}
                className="inline-flex min-h-11 flex-col justify-center rounded-md border border-border px-3 py-1 text-sm hover:bg-surface-2 aria-[current=page]:border-accent aria-[current=page]:bg-accent-soft"
              >
                <span className="font-medium">
                  {t.id} <span className="text-xs font-normal text-muted">{t.kind === "slack" ? "Slack" : "webhook"} · {t.host}</span>
                </span>
                <span className="text-xs text-muted">{`${t.counts.delivered} delivered · ${t.counts.pending} pending · ${t.counts.failed} failed`}</span>
              </a>
            ))}
          </nav>
        )}
        {log.selected && (
          <Card title={`Delivery log: ${log.selected}`} description="Newest first. A delivery is retried with backoff until it is delivered or 24 hours have passed." flush>
            {log.deliveries.length === 0 ? (
              <EmptyState title="Nothing sent to this target yet" />
            ) : (
              <>
                <DeliveryLogTable target={log.selected} rows={log.deliveries} />
                <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-4 py-2 text-xs text-muted">
                  <span>{`${log.deliveries.length} deliveries on this page${log.nextCursor ? "; older ones on the next" : ""}`}</span>
                  <span className="flex gap-2">
                    {params.cursor && <ButtonLink href={href(log.selected)}>← Newest</ButtonLink>}
                    {log.nextCursor && (
                      <ButtonLink href={href(log.selected, log.nextCursor)} rel="next">
                        Older →
                      </ButtonLink>
                    )}
                  </span>
                </nav>
              </>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
