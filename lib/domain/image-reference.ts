// Container image references as they appear in task definitions and task containers, following the
// Docker reference grammar: [registry[:port]/]repository[:tag][@digest].
import type { ImageReference } from "./types";

// A first path component is a registry host when it has a dot or a port, or is localhost (Docker's rule).
const REGISTRY = /^(?:localhost|[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)+|[a-zA-Z0-9-]+)(?::\d{1,5})?$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const ECR_REGISTRY = /^(\d{12})\.dkr(?:-fips)?\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

function looksLikeRegistry(component: string): boolean {
  return component === "localhost" || component.includes(".") || component.includes(":");
}

// Every render parses the images of every service and task again, and an account has few distinct
// image strings: remember the answers (frozen, since callers share them). Cleared when full
// rather than evicted one by one: refilling costs microseconds.
const MEMO_MAX = 5000;
const memo = new Map<string, Readonly<ImageReference> | undefined>();

/** Parses an image reference; undefined when it is not a valid reference. */
export function parseImageReference(ref: string): Readonly<ImageReference> | undefined {
  if (memo.has(ref)) return memo.get(ref);
  if (memo.size >= MEMO_MAX) memo.clear();
  const parsed = parse(ref);
  memo.set(ref, parsed && Object.freeze(parsed));
  return parsed;
}

function parse(ref: string): ImageReference | undefined {
  const [nameAndTag = "", digest, ...rest] = ref.trim().split("@");
  if (rest.length > 0 || (digest !== undefined && !DIGEST.test(digest))) return undefined;

  const slash = nameAndTag.lastIndexOf("/");
  const colon = nameAndTag.lastIndexOf(":");
  const hasTag = colon > slash;
  const name = hasTag ? nameAndTag.slice(0, colon) : nameAndTag;
  const tag = hasTag ? nameAndTag.slice(colon + 1) : undefined;
  if (tag !== undefined && !TAG.test(tag)) return undefined;

  const components = name.split("/");
  const first = components[0] ?? "";
  const registry = components.length > 1 && looksLikeRegistry(first) ? first : undefined;
  if (registry !== undefined && !REGISTRY.test(registry)) return undefined;
  const pathComponents = registry === undefined ? components : components.slice(1);
  if (pathComponents.length === 0 || !pathComponents.every((c) => PATH_COMPONENT.test(c))) return undefined;

  const ecr = registry === undefined ? undefined : ECR_REGISTRY.exec(registry);
  return {
    ...(registry !== undefined && { registry }),
    ...(ecr?.[1] !== undefined && ecr[2] !== undefined && { ecr: { accountId: ecr[1], region: ecr[2] } }),
    repository: pathComponents.join("/"),
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
  };
}

/** The canonical string form: `registry/repository:tag@digest`, each part only when present. */
export function formatImageReference(ref: ImageReference): string {
  const name = ref.registry === undefined ? ref.repository : `${ref.registry}/${ref.repository}`;
  return `${name}${ref.tag === undefined ? "" : `:${ref.tag}`}${ref.digest === undefined ? "" : `@${ref.digest}`}`;
}
