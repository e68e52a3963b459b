import { Badge } from "@/components/ui/badge";

/** What INACTIVE means for the on-call engineer, on hover and to screen readers. */
export const INACTIVE_REVISION_EXPLANATION =
  "This service runs a task-definition revision that has since been deregistered (INACTIVE), as cleanup tools do. Its tasks keep running, but ECS will not start new deployments of it; a rollback or deploy from here registers a fresh copy first.";

/** The overview's and service page's flag for a service running a deregistered revision. */
export function InactiveRevisionBadge() {
  return (
    <Badge tone="warn" title={INACTIVE_REVISION_EXPLANATION}>
      <span aria-hidden="true">revision INACTIVE</span>
      <span className="sr-only">{`Revision INACTIVE. ${INACTIVE_REVISION_EXPLANATION}`}</span>
    </Badge>
  );
}
