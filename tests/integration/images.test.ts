// Image history (filters, pagination, runningIn, one DescribeImages listing per TTL) and the image
// page (basic and enhanced findings, side-by-side with what runs now) on the demo scenario.
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { getImageDetail } from "@/lib/queries/image-detail";
import { getImageHistory } from "@/lib/queries/image-history";
import type { ImageHistoryQuery, ImageRow } from "@/lib/queries/types";
import { ENHANCED_SCAN_REPOSITORY, MY_API_CRASHING_SHA, PAYMENTS_CRITICAL_FINDING, PAYMENTS_CRITICAL_SHA } from "../../sandbox/seed/demo-facts";
import { callsOf, demoConfig, useAppSandbox } from "./support";

const sandbox = useAppSandbox({ scenario: "demo" });
const config = demoConfig();
const query = (q: Partial<ImageHistoryQuery> = {}): ImageHistoryQuery => ({ page: 1, pageSize: 50, prod: false, ...q });

async function allImages(repo: string): Promise<ImageRow[]> {
  return (await getImageHistory("sandbox", repo, query({ pageSize: 200 }), { config })).images;
}

describe("getImageHistory", () => {
  it("lists every image newest first with scan summaries; other filters and pages cost no AWS call", async () => {
    const history = await getImageHistory("sandbox", "my-api", query(), { config });
    expect(history.totalImages).toBeGreaterThanOrEqual(30);
    expect(history.images.length).toBe(Math.min(50, history.total));
    const pushed = history.images.map((i) => i.pushedAt.getTime());
    expect(pushed).toEqual([...pushed].sort((a, b) => b - a));
    expect(history.images.filter((i) => i.commit).every((i) => i.scan?.status === "COMPLETE")).toBe(true);
    expect(callsOf(await sandbox.control.counters(), "DescribeImageScanFindings")).toBe(0);
    await sandbox.control.resetCounters();
    await getImageHistory("sandbox", "my-api", query({ page: 2, pageSize: 5, prod: true, severity: "LOW", q: "prod" }), { config });
    expect((await sandbox.control.counters()).total.calls).toBe(0);
  });

  it("pages through the whole list without gaps or repeats", async () => {
    const all = await allImages("web");
    const paged: ImageRow[] = [];
    const first = await getImageHistory("sandbox", "web", query({ pageSize: 7 }), { config });
    for (let page = 1; page <= first.pageCount; page += 1) {
      paged.push(...(await getImageHistory("sandbox", "web", query({ page, pageSize: 7 }), { config })).images);
    }
    expect(first.pageCount).toBe(Math.ceil(all.length / 7));
    expect(paged.map((i) => i.digest)).toEqual(all.map((i) => i.digest));
    const beyond = await getImageHistory("sandbox", "web", query({ page: first.pageCount + 1, pageSize: 7 }), { config });
    expect(beyond.images).toEqual([]);
  });

  it.each([
    ["prod-only", query({ prod: true }), (i: ImageRow) => i.commit !== undefined && i.tags.some((t) => t.startsWith("prod-"))],
    ["severity CRITICAL", query({ severity: "CRITICAL" }), (i: ImageRow) => (i.scan?.severityCounts?.CRITICAL ?? 0) > 0],
    ["severity HIGH (or worse)", query({ severity: "HIGH" }), (i: ImageRow) => i.highestSeverity === "CRITICAL" || i.highestSeverity === "HIGH"],
    ["text: the short SHA", query({ q: PAYMENTS_CRITICAL_SHA.slice(0, 7) }), (i: ImageRow) => i.commit?.sha === PAYMENTS_CRITICAL_SHA],
  ])("filters %s on the server", async (_name, q, predicate) => {
    const all = await allImages("payments");
    const filtered = await getImageHistory("sandbox", "payments", { ...q, pageSize: 200 }, { config });
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.images.map((i) => i.digest)).toEqual(all.filter(predicate).map((i) => i.digest));
  });

  it("says where images run now: the CRITICAL payments image is in production", async () => {
    const rows = await allImages("payments");
    const critical = rows.find((i) => i.commit?.sha === PAYMENTS_CRITICAL_SHA);
    expect(critical?.highestSeverity).toBe("CRITICAL");
    expect(critical?.runningIn).toContainEqual({ envId: "sandbox", cluster: "production", service: "payments", container: "app" });
    expect(rows.filter((i) => i.runningIn.length > 0).length).toBeGreaterThanOrEqual(1);
  });

  it("describes the lifecycle policy's rules", async () => {
    const history = await getImageHistory("sandbox", "my-api", query(), { config });
    expect(history.lifecycle.rules.map((r) => r.rulePriority)).toEqual([1, 2]);
    expect(history.lifecycle.policyText).toContain("imageCountMoreThan");
    expect(history.lifecycle.parseError).toBeUndefined();
  });

  it.each([
    ["environment", "nope", "my-api"],
    ["repository", "sandbox", "no-such-repo"],
  ])("answers NotFoundError(%s)", async (what, env, repo) => {
    const error = await getImageHistory(env, repo, query(), { config }).catch((e: unknown) => e);
    expect((error as NotFoundError).what).toBe(what);
  });
});

describe("getImageDetail", () => {
  it("shows the basic-scan findings of the running payments image, CRITICAL first", async () => {
    const image = (await allImages("payments")).find((i) => i.commit?.sha === PAYMENTS_CRITICAL_SHA);
    const detail = await getImageDetail("sandbox", "payments", image?.digest ?? "", { config });
    const findings = detail.subject.findings?.findings ?? [];
    expect(findings[0]).toMatchObject({
      id: PAYMENTS_CRITICAL_FINDING.id,
      severity: "CRITICAL",
      packageName: PAYMENTS_CRITICAL_FINDING.packageName,
      source: "basic",
    });
    expect(detail.subject.runningIn.map((l) => l.service)).toContain("payments");
    expect(detail.subject.findings?.severityCounts.CRITICAL).toBeGreaterThanOrEqual(1);
  });

  it("normalises enhanced (Inspector) findings with package and fixed-in versions", async () => {
    const running = (await allImages(ENHANCED_SCAN_REPOSITORY)).find((i) => i.runningIn.length > 0);
    const detail = await getImageDetail("sandbox", ENHANCED_SCAN_REPOSITORY, running?.digest ?? "", { config });
    const findings = detail.subject.findings?.findings ?? [];
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.source === "enhanced" && f.packageName && f.id.startsWith("CVE-"))).toBe(true);
    expect(findings.some((f) => f.fixedInVersion)).toBe(true);
    // Enhanced scanning leaves DescribeImages' summary empty; the counts come from the findings call.
    expect(Object.keys(detail.subject.findings?.severityCounts ?? {}).length).toBeGreaterThan(0);
  });

  it("compares the crashing my-api image with the image running now, and caches complete findings", async () => {
    const shortTtl = demoConfig({ mutableTtlMs: 1 });
    const rows = (await getImageHistory("sandbox", "my-api", query({ pageSize: 200 }), { config: shortTtl })).images;
    const crashing = rows.find((i) => i.commit?.sha === MY_API_CRASHING_SHA);
    const detail = await getImageDetail("sandbox", "my-api", crashing?.digest ?? "", { config: shortTtl });
    expect(detail.subject.runningIn).toEqual([]);
    expect(detail.runningNow.length).toBeGreaterThanOrEqual(1);
    expect(detail.runningNow.flatMap((r) => r.runningIn.map((l) => `${l.cluster}/${l.service}`))).toContain("production/my-api");
    expect(detail.runningNow.every((r) => r.findings !== undefined)).toBe(true);
    await sandbox.control.resetCounters();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await getImageDetail("sandbox", "my-api", crashing?.digest ?? "", { config: shortTtl });
    expect(callsOf(await sandbox.control.counters(), "DescribeImageScanFindings")).toBe(0);
  });

  it("answers NotFoundError(image) for a digest the repository does not hold", async () => {
    const error = await getImageDetail("sandbox", "my-api", `sha256:${"0".repeat(64)}`, { config }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).what).toBe("image");
  });
  it.each([
    ["environment", "nope", "payments"],
    ["repository", "sandbox", "no-such-repo"],
  ])("answers NotFoundError(%s) even though its other reads fail too", async (what, env, repo) => {
    const error = await getImageDetail(env, repo, `sha256:${"0".repeat(64)}`, { config }).catch((e: unknown) => e);
    expect((error as NotFoundError).what).toBe(what);
  });
});
