// ECS tags: lower-case `key`/`value` (ECR uses Key/Value), at most 50 per resource, keys ≤128 and
// values ≤256 characters (aws-behaviour.md §2.5); the `aws:` key prefix is reserved (ECS model, Tag).
import { AwsError, invalidParameter } from "../core/aws-error";
import type { Input } from "../core/operation";
import { optionalObjectList } from "../core/validate";
import type { Tag } from "./types";

export function readTags(input: Input, key = "tags"): Tag[] | undefined {
  const raw = optionalObjectList(input, key);
  if (!raw) return undefined;
  return raw.map((item) => {
    const tagKey = item.key;
    const value = item.value ?? "";
    if (typeof tagKey !== "string" || tagKey.length < 1 || tagKey.length > 128) {
      throw invalidParameter("Tag keys must be between 1 and 128 characters.");
    }
    if (typeof value !== "string" || value.length > 256) throw invalidParameter("Tag values must be at most 256 characters.");
    if (tagKey.toLowerCase().startsWith("aws:")) throw invalidParameter("Tag keys beginning with aws: are reserved.");
    return { key: tagKey, value };
  });
}

/** Tags not named in `changes` are left unchanged; a named key gets the new value. */
export function mergeTags(current: Tag[], changes: Tag[]): Tag[] {
  const merged = new Map(current.map((t) => [t.key, t.value]));
  for (const t of changes) merged.set(t.key, t.value);
  if (merged.size > 50) throw new AwsError("LimitExceededException", "A resource can have at most 50 tags.");
  return [...merged].map(([key, value]) => ({ key, value }));
}

export function removeTags(current: Tag[], keys: string[]): Tag[] {
  const drop = new Set(keys);
  return current.filter((t) => !drop.has(t.key));
}
