// The commit and CI run of each outside deployment on a timeline page, read off the revision it deployed
// (DescribeTaskDefinition with its tags, cached forever like every revision body, so a page costs one
// call per revision the server has not seen yet and none after). A revision that cannot be read leaves
// its entry without them: the deployment itself is still shown.
import { describeTaskDefinition } from "@/lib/aws";
import { deploymentProvenance } from "@/lib/domain/deployment-provenance";
import { findEnvironment, scopeOf, type QueryContext } from "./context";
import { timelineCommits, type CommitUrl, type TimelineEntry } from "./timeline-entry";

export async function withProvenance(ctx: QueryContext, entries: TimelineEntry[], commitUrl: CommitUrl): Promise<TimelineEntry[]> {
  return Promise.all(
    entries.map(async (entry) => {
      if (entry.source !== "outside" || !entry.toTaskDefinitionArn) return entry;
      try {
        const revision = await describeTaskDefinition(scopeOf(ctx, findEnvironment(ctx, entry.envId)), entry.toTaskDefinitionArn);
        const { commits, runUrl } = deploymentProvenance(revision, ctx.config.tagPattern);
        return { ...entry, commits: timelineCommits(commits, commitUrl), runUrl };
      } catch {
        return entry;
      }
    }),
  );
}
