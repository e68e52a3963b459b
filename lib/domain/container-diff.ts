// What changes in one container between the running and the target revision: its image (tag, SHA and
// a compare link), environment variable names and whether their values changed (never the values: they
// may hold credentials), secret names, and any other member generically, so nobody rolls back a config
// change by surprise.
import { canonicalJson } from "./json-equal";
import { findCommit, type TagPatterns } from "./prod-tag";
import { commitUrlFor, compareUrlFor, type GitLinkSettings } from "./git-links";
import { parseImageReference } from "./image-reference";
import type { ContainerSpec } from "./task-definition";

export interface DiffOptions {
  tagPattern: TagPatterns;
  git: GitLinkSettings;
  /** What ECR knows about an image string of a task definition (its tags, its digest), when looked up. */
  images?: ReadonlyMap<string, { tags: readonly string[]; digest?: string }>;
}

export interface FieldChange {
  field: string;
  from?: string;
  to?: string;
}

export interface NamedChange {
  name: string;
  change: "added" | "removed" | "changed";
}

export interface ImageSide {
  image: string;
  repository?: string;
  tag?: string;
  digest?: string;
  sha?: string;
  commitUrl?: string;
}

export interface ContainerDiff {
  name: string;
  status: "changed" | "unchanged" | "added" | "removed";
  image: { from?: ImageSide; to?: ImageSide; changed: boolean; compareUrl?: string };
  environment: NamedChange[];
  secrets: NamedChange[];
  fields: FieldChange[];
}

const SHOWN_MAX = 200;
const SPECIAL = new Set(["name", "image", "environment", "secrets"]);

/** A member's value as text for the diff; long values are cut (the whole revision is a click away). */
export function shown(value: unknown): string | undefined {
  const text = typeof value === "string" ? value : canonicalJson(value);
  if (text === "") return undefined;
  return text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX - 1)}…` : text;
}

export function fieldChanges(from: Record<string, unknown>, to: Record<string, unknown>, skip: ReadonlySet<string>): FieldChange[] {
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((k) => !skip.has(k)).sort();
  return keys.flatMap((field) => {
    if (canonicalJson(from[field]) === canonicalJson(to[field])) return [];
    const change: FieldChange = { field };
    const before = shown(from[field]);
    const after = shown(to[field]);
    if (before !== undefined) change.from = before;
    if (after !== undefined) change.to = after;
    return [change];
  });
}

function namedChanges(from: Map<string, string>, to: Map<string, string>): NamedChange[] {
  const names = [...new Set([...from.keys(), ...to.keys()])].sort();
  return names.flatMap((name): NamedChange[] => {
    if (!to.has(name)) return [{ name, change: "removed" }];
    if (!from.has(name)) return [{ name, change: "added" }];
    return from.get(name) === to.get(name) ? [] : [{ name, change: "changed" }];
  });
}

const envMap = (c?: ContainerSpec) => new Map((c?.environment ?? []).map((e) => [e.name ?? "", e.value ?? ""]));
const secretMap = (c?: ContainerSpec) => new Map((c?.secrets ?? []).map((s) => [s.name ?? "", s.valueFrom ?? ""]));

function imageSide(image: string, opts: DiffOptions): ImageSide {
  const ref = parseImageReference(image);
  const known = opts.images?.get(image);
  const side: ImageSide = { image };
  if (!ref) return side;
  side.repository = ref.repository;
  if (ref.tag) side.tag = ref.tag;
  const digest = ref.digest ?? known?.digest;
  if (digest) side.digest = digest;
  const commit = findCommit([...(ref.tag ? [ref.tag] : []), ...(known?.tags ?? [])], opts.tagPattern);
  if (commit) {
    side.sha = commit.sha;
    side.tag ??= commit.tag;
    const url = commitUrlFor(opts.git, ref.repository, commit.sha);
    if (url) side.commitUrl = url;
  }
  return side;
}

function imageChange(from: ContainerSpec | undefined, to: ContainerSpec | undefined, opts: DiffOptions): ContainerDiff["image"] {
  const before = from && imageSide(from.image, opts);
  const after = to && imageSide(to.image, opts);
  const changed = from?.image !== to?.image;
  const out: ContainerDiff["image"] = { changed };
  if (before) out.from = before;
  if (after) out.to = after;
  if (before?.sha && after?.sha && before.sha !== after.sha && before.repository === after.repository && after.repository) {
    const url = compareUrlFor(opts.git, after.repository, before.sha, after.sha);
    if (url) out.compareUrl = url;
  }
  return out;
}

export function diffContainer(name: string, from: ContainerSpec | undefined, to: ContainerSpec | undefined, opts: DiffOptions): ContainerDiff {
  const diff: ContainerDiff = {
    name,
    status: "unchanged",
    image: imageChange(from, to, opts),
    environment: namedChanges(envMap(from), envMap(to)),
    secrets: namedChanges(secretMap(from), secretMap(to)),
    fields: fieldChanges(from ?? {}, to ?? {}, SPECIAL),
  };
  if (!from) diff.status = "added";
  else if (!to) diff.status = "removed";
  else if (diff.image.changed || diff.environment.length + diff.secrets.length + diff.fields.length > 0) diff.status = "changed";
  return diff;
}
