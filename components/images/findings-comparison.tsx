import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CommitLink } from "@/components/ui/commit-link";
import { Digest } from "@/components/ui/digest";
import { SeverityBadge } from "@/components/ui/severity";
import { sortFindings } from "@/lib/domain/severity";
import type { ScanFinding } from "@/lib/domain/types";
import type { ImageWithFindings } from "@/lib/queries/types";
import { RunningIn } from "./running-in";

const key = (f: ScanFinding) => `${f.id}|${f.packageName ?? ""}`;

/** Splits two findings lists into only-in-a, only-in-b and both (same vulnerability in the same package). */
function diffFindings(a: ScanFinding[], b: ScanFinding[]) {
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  return {
    onlyA: sortFindings(a.filter((f) => !inB.has(key(f)))),
    onlyB: sortFindings(b.filter((f) => !inA.has(key(f)))),
    both: sortFindings(a.filter((f) => inB.has(key(f)))),
  };
}

const LIMIT = 40;

function FindingList({ title, findings, tone }: { title: string; findings: ScanFinding[]; tone: string }) {
  return (
    <div className="min-w-0">
      <h4 className={`mb-1.5 text-xs font-semibold ${tone}`}>
        {title} <span className="tabular-nums">({findings.length})</span>
      </h4>
      {findings.length === 0 ? (
        <p className="text-xs text-subtle">None</p>
      ) : (
        <ul className="space-y-1">
          {findings.slice(0, LIMIT).map((f) => (
            <li key={key(f)} className="flex min-w-0 items-center gap-1.5 text-xs">
              <SeverityBadge severity={f.severity} />
              <span className="truncate font-mono" title={`${f.id} in ${f.packageName ?? "unknown package"}`}>
                {f.id}
              </span>
              <span className="truncate text-muted">{f.packageName}</span>
            </li>
          ))}
          {findings.length > LIMIT && <li className="text-xs text-muted">and {findings.length - LIMIT} more</li>}
        </ul>
      )}
    </div>
  );
}

/** This image's findings against each image of the repository that services run now. */
export function FindingsComparison({ subject, runningNow, envId, repo }: { subject: ImageWithFindings; runningNow: ImageWithFindings[]; envId: string; repo: string }) {
  const others = runningNow.filter((r) => r.image.digest !== subject.image.digest);
  if (others.length === 0) {
    return (
      <Card title="Compared with what runs now">
        <p className="text-muted">
          {subject.runningIn.length > 0
            ? "This is the image services run now; there is no other running image to compare with."
            : "No service runs an image of this repository right now."}
        </p>
      </Card>
    );
  }
  return (
    <div className="space-y-4">
      {others.map((running) => {
        const { onlyA, onlyB, both } = diffFindings(subject.findings?.findings ?? [], running.findings?.findings ?? []);
        return (
          <Card
            key={running.image.digest}
            title={
              <span className="flex flex-wrap items-center gap-2">
                Compared with the image running now
                <RunningIn locations={running.runningIn} />
              </span>
            }
            description={
              <span className="inline-flex flex-wrap items-center gap-2">
                <Link href={`/repositories/${envId}/${encodeURIComponent(repo)}/images/${running.image.digest}`} className="text-accent hover:underline max-md:inline-flex max-md:min-h-11 max-md:items-center">
                  open running image
                </Link>
                <Digest value={running.image.digest} />
                {running.commit && <CommitLink sha={running.commit.sha} shortSha={running.commit.shortSha} url={running.commit.url} />}
              </span>
            }
          >
            {running.findings === undefined || subject.findings === undefined ? (
              <p className="text-muted">
                {subject.findings === undefined ? "This image" : "The running image"} has no scan results, so findings cannot be compared.
              </p>
            ) : (
              <div className="grid gap-4 md:grid-cols-3">
                <FindingList title="Only in this image" findings={onlyA} tone="text-danger" />
                <FindingList title="Only in the running image" findings={onlyB} tone="text-ok" />
                <FindingList title="In both" findings={both} tone="text-muted" />
              </div>
            )}
          </Card>
        );
      })}
    </div>
  );
}
