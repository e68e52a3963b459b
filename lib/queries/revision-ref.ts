// `family:N` from a task-definition ARN (`arn:aws:ecs:r:a:task-definition/family:N`), no AWS call needed.
import type { RevisionRef } from "./types";

export function revisionRef(arn: string): RevisionRef {
  const tail = arn.slice(arn.lastIndexOf("/") + 1);
  const colon = tail.lastIndexOf(":");
  const family = colon === -1 ? tail : tail.slice(0, colon);
  const revision = colon === -1 ? 0 : Number(tail.slice(colon + 1)) || 0;
  return { arn, family, revision, label: `${family}:${revision}` };
}
