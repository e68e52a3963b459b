// Tags for a cloned revision: the source's own tags (minus the reserved `aws:` ones, which
// RegisterTaskDefinition refuses, §2.2), plus ours recording where the clone came from. Our keys
// from an earlier clone are replaced, so a clone of a clone names its own operation.

export const TAG_PREFIX = "steadystate:";
export const TAG_KEYS = {
  operation: `${TAG_PREFIX}operation`,
  clonedFrom: `${TAG_PREFIX}cloned-from`,
  sourceTag: `${TAG_PREFIX}source-tag`,
  sha: `${TAG_PREFIX}sha`,
} as const;

/** ECS's limit on tags per resource (§2.5). */
export const MAX_TAGS = 50;

export interface CloneProvenance {
  operationId: string;
  /** `family:N` of the revision the clone copies. */
  clonedFrom: string;
  sourceTag?: string;
  sha?: string;
}

const reserved = (text: string) => text.toLowerCase().startsWith("aws:");

export function cloneTags(
  source: ReadonlyArray<{ key: string; value: string }>,
  provenance: CloneProvenance,
): { ok: true; tags: { key: string; value: string }[] } | { ok: false; error: string } {
  const kept = source.filter((t) => !reserved(t.key) && !reserved(t.value) && !t.key.startsWith(TAG_PREFIX));
  const ours = [
    { key: TAG_KEYS.operation, value: provenance.operationId },
    { key: TAG_KEYS.clonedFrom, value: provenance.clonedFrom },
    ...(provenance.sourceTag ? [{ key: TAG_KEYS.sourceTag, value: provenance.sourceTag }] : []),
    ...(provenance.sha ? [{ key: TAG_KEYS.sha, value: provenance.sha }] : []),
  ];
  const tags = [...kept, ...ours];
  if (tags.length > MAX_TAGS) {
    return { ok: false, error: `${provenance.clonedFrom} has ${kept.length} tags; with Steady State's ${ours.length} the clone would exceed ECS's limit of ${MAX_TAGS}` };
  }
  return { ok: true, tags };
}
