// The TaskDefinition shape: the stored body plus identity, status and registration metadata.
import type { TaskDefinitionRecord } from "../types";
import { date } from "./dates";

export function renderTaskDefinition(td: TaskDefinitionRecord, account: string) {
  return {
    taskDefinitionArn: td.arn,
    ...td.body,
    family: td.family,
    revision: td.revision,
    status: td.status,
    registeredAt: new Date(td.registeredAt),
    deregisteredAt: date(td.deregisteredAt),
    deleteRequestedAt: date(td.deleteRequestedAt),
    // Emulator choice: every call is made by the account root principal.
    registeredBy: `arn:aws:iam::${account}:root`,
  };
}
