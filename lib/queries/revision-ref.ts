// `family:N` from a task-definition ARN (`arn:aws:ecs:r:a:task-definition/family:N`), no AWS call needed.
import { taskDefinitionRef } from "@/lib/domain/arn";
import type { RevisionRef } from "./types";

export function revisionRef(arn: string): RevisionRef {
  const { family, revision } = taskDefinitionRef(arn);
  return { arn, family, revision, label: `${family}:${revision}` };
}
