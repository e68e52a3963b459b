// Task-definition families and revisions of one region. Revisions are numbered max+1 per family and
// never reused, even after deregistration (aws-behaviour.md §2.2).
import { clientException } from "../core/aws-error";
import type { Input } from "../core/operation";
import { parseEcsArn, taskDefinitionArn, type ArnScope } from "./arns";
import { unableToDescribeTaskDefinition } from "./errors";
import { buildTaskDefinitionBody, checkFamily } from "./task-definition-body";
import type { Tag, TaskDefinitionRecord } from "./types";

interface Family {
  revisions: Map<number, TaskDefinitionRecord>;
  maxRevision: number;
}

/** A parsed `family`, `family:revision` or ARN reference. */
interface Reference {
  family: string;
  revision?: number;
}

function parseReference(ref: string): Reference | undefined {
  const arn = ref.startsWith("arn:") ? parseEcsArn(ref) : undefined;
  if (ref.startsWith("arn:") && arn?.type !== "task-definition") return undefined;
  const text = arn ? arn.rest : ref;
  const colon = text.lastIndexOf(":");
  if (colon < 0) return arn ? undefined : { family: text };
  const revision = Number(text.slice(colon + 1));
  if (!Number.isInteger(revision) || revision < 1) return undefined;
  return { family: text.slice(0, colon), revision };
}

export class TaskDefinitionRegistry {
  private readonly families = new Map<string, Family>();

  constructor(private readonly scope: ArnScope) {}

  register(input: Input, tags: Tag[], now: number): TaskDefinitionRecord {
    const family = input.family;
    if (typeof family !== "string" || family === "") throw clientException("Family is required.");
    checkFamily(family);
    const body = buildTaskDefinitionBody(input);
    const entry = this.families.get(family) ?? { revisions: new Map(), maxRevision: 0 };
    this.families.set(family, entry);
    const revision = entry.maxRevision + 1;
    const containers = body.containerDefinitions as Input[];
    const record: TaskDefinitionRecord = {
      family,
      revision,
      arn: taskDefinitionArn(this.scope, family, revision),
      status: "ACTIVE",
      body,
      containerNames: containers.map((c) => String(c.name)),
      images: containers.map((c) => String(c.image)),
      cpu: typeof body.cpu === "string" ? body.cpu : undefined,
      memory: typeof body.memory === "string" ? body.memory : undefined,
      hasHealthCheck: containers.some((c) => c.healthCheck !== undefined),
      registeredAt: now,
      tags,
    };
    entry.revisions.set(revision, record);
    entry.maxRevision = revision;
    return record;
  }

  /** `family` means the latest ACTIVE revision; `family:N` and ARNs name one revision whatever its status. */
  find(ref: string): TaskDefinitionRecord | undefined {
    const parsed = parseReference(ref);
    const entry = parsed && this.families.get(parsed.family);
    if (!parsed || !entry) return undefined;
    if (parsed.revision !== undefined) return entry.revisions.get(parsed.revision);
    for (let rev = entry.maxRevision; rev >= 1; rev--) {
      const record = entry.revisions.get(rev);
      if (record?.status === "ACTIVE") return record;
    }
    return undefined;
  }

  describe(ref: string): TaskDefinitionRecord {
    const record = this.find(ref);
    if (!record) throw unableToDescribeTaskDefinition();
    return record;
  }

  /** One revision named by `family:N` or ARN; a bare family is refused as AWS refuses it. */
  private revision(ref: string): TaskDefinitionRecord {
    const parsed = parseReference(ref);
    if (parsed && parsed.revision === undefined) throw clientException("Revision is missing.");
    const record = parsed && this.families.get(parsed.family)?.revisions.get(parsed.revision ?? 0);
    if (!record) throw clientException("The specified task definition does not exist.");
    return record;
  }

  /**
   * DeleteTaskDefinitions of one revision: only an INACTIVE one moves to DELETE_IN_PROGRESS. Emulator
   * choice: the deletion never completes (AWS finishes it once nothing references the revision), so the
   * revision stays describable and what runs it keeps running.
   */
  requestDelete(ref: string, now: number): TaskDefinitionRecord {
    const record = this.revision(ref);
    if (record.status === "ACTIVE") throw clientException("The task definition must be INACTIVE before it can be deleted. Deregister it first.");
    if (record.status === "INACTIVE") {
      record.status = "DELETE_IN_PROGRESS";
      record.deleteRequestedAt = now;
    }
    return record;
  }

  deregister(ref: string, now: number): TaskDefinitionRecord {
    const record = this.revision(ref);
    if (record.status === "ACTIVE") {
      record.status = "INACTIVE";
      record.deregisteredAt = now;
    }
    return record;
  }

  /** Every revision, sorted by family then revision ascending (ListTaskDefinitions' ASC order). */
  list(filter: { family?: string; status: string }): TaskDefinitionRecord[] {
    const names = filter.family !== undefined ? [filter.family] : [...this.families.keys()].sort();
    const out: TaskDefinitionRecord[] = [];
    for (const name of names) {
      const entry = this.families.get(name);
      if (!entry) continue;
      const revisions = [...entry.revisions.values()].sort((a, b) => a.revision - b.revision);
      out.push(...revisions.filter((r) => r.status === filter.status));
    }
    return out;
  }

  /** Family names with a true-prefix filter; ACTIVE = has an ACTIVE revision, INACTIVE = has none. */
  listFamilies(filter: { prefix?: string; status: "ACTIVE" | "INACTIVE" | "ALL" }): string[] {
    const names = [...this.families.keys()].filter((name) => filter.prefix === undefined || name.startsWith(filter.prefix));
    return names.sort().filter((name) => {
      if (filter.status === "ALL") return true;
      const entry = this.families.get(name);
      const active = entry !== undefined && [...entry.revisions.values()].some((r) => r.status === "ACTIVE");
      return filter.status === "ACTIVE" ? active : !active;
    });
  }

  familyCount(): number {
    return this.families.size;
  }
}
