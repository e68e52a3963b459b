// What a rollback or deploy asks for, checked against the service's current task definition before any
// AWS call: an earlier revision of the same family (restored whole), one container's image by tag or
// digest (only that container changes), or the suggested last good version.
import { z } from "zod";
import { parseImageReference } from "./image-reference";
import type { TaskDefinition } from "./task-definition";

const REVISION = /^([A-Za-z0-9_-]{1,255}):([1-9]\d{0,8})$/;
const REVISION_ARN = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/([A-Za-z0-9_-]{1,255}:[1-9]\d{0,8})$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

const container = z.string().trim().min(1, "container is empty").max(255);
const repository = z.string().trim().min(1).max(256).optional();

/** The four target shapes of the API (`{"revision"}`, `{"container","tag"}`, `{"container","digest"}`, `{"suggested": true}`). */
export const targetInputSchema = z.union([
  z.strictObject({ revision: z.string().trim().min(1, "revision is empty").max(600) }),
  z.strictObject({ container, tag: z.string().trim().min(1, "tag is empty").max(600), repository }),
  z.strictObject({ container, digest: z.string().trim().min(1, "digest is empty").max(600), repository }),
  z.strictObject({ suggested: z.literal(true) }),
]);
export type TargetInput = z.infer<typeof targetInputSchema>;

export type Target =
  | { kind: "revision"; family: string; revision: number }
  | { kind: "image"; container: string; registry?: string; repository: string; tag?: string; digest?: string }
  | { kind: "suggested" };

/** `registry/repository` of an image target: where its digest is pinned (`<uri>@sha256:…`). */
export function repositoryUri(target: Extract<Target, { kind: "image" }>): string {
  return target.registry === undefined ? target.repository : `${target.registry}/${target.repository}`;
}

export type TargetResult = { ok: true; target: Target } | { ok: false; error: string };

const fail = (error: string): TargetResult => ({ ok: false, error });

function revisionTarget(text: string, current: TaskDefinition): TargetResult {
  const label = REVISION_ARN.exec(text)?.[1] ?? text;
  const match = REVISION.exec(label);
  if (!match) return fail(`revision "${text}" is not of the form family:N (e.g. ${current.family}:12)`);
  const family = match[1] ?? "";
  if (family !== current.family) {
    return fail(`revision ${label} belongs to family ${family}, but this service runs family ${current.family}`);
  }
  return { ok: true, target: { kind: "revision", family, revision: Number(match[2]) } };
}

/** `value` may be the bare tag/digest or a whole reference copied from ECR (`repo:tag`, `repo@sha256:…`). */
function imageTarget(input: { container: string; repository?: string }, field: "tag" | "digest", value: string, current: TaskDefinition): TargetResult {
  const def = current.spec.containerDefinitions.find((c) => c.name === input.container);
  if (!def) {
    const names = current.spec.containerDefinitions.map((c) => c.name).join(", ");
    return fail(`container "${input.container}" is not in ${current.family}:${current.revision} (containers: ${names})`);
  }
  const running = parseImageReference(def.image);
  if (!running) return fail(`container "${def.name}" runs an image reference that cannot be parsed: ${def.image}`);
  const whole = field === "tag" ? /[/:]/.test(value) : value.includes("@");
  const given = whole ? parseImageReference(value) : undefined;
  const bare = whole ? given?.[field] : value;
  const pattern = field === "tag" ? TAG : DIGEST;
  if (bare === undefined || !pattern.test(bare)) {
    return fail(field === "tag" ? `tag "${value}" is not a valid image tag` : `digest "${value}" is not of the form sha256:<64 hex>`);
  }
  const wanted = given?.repository ?? input.repository;
  const wrongRegistry = given?.registry !== undefined && given.registry !== running.registry;
  if ((wanted !== undefined && wanted !== running.repository) || wrongRegistry) {
    const from = given ? `${given.registry ? `${given.registry}/` : ""}${given.repository}` : wanted;
    return fail(`container "${def.name}" takes images from ${running.repository}, not from ${from}`);
  }
  const target: Target = { kind: "image", container: def.name, repository: running.repository, [field]: bare };
  if (running.registry !== undefined) target.registry = running.registry;
  return { ok: true, target };
}

/** Validates raw input (zod) and checks it against the service's current revision. */
export function parseTarget(raw: unknown, current: TaskDefinition): TargetResult {
  const parsed = targetInputSchema.safeParse(raw);
  if (!parsed.success) {
    return fail('target must be one of {"revision": "family:N"}, {"container", "tag"}, {"container", "digest"} or {"suggested": true}');
  }
  const input = parsed.data;
  if ("suggested" in input) return { ok: true, target: { kind: "suggested" } };
  if ("revision" in input) return revisionTarget(input.revision, current);
  if ("tag" in input) return imageTarget(input, "tag", input.tag, current);
  return imageTarget(input, "digest", input.digest, current);
}
