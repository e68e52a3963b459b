// `npm run bench`: the speed targets of the read side, measured against the sandbox with 30 ms of
// latency injected on every AWS call. Prints a table and writes bench/results/latest.json.
// BENCH_SOAK_SECONDS shortens the 60 s soak for a quick local look (the report says so).
// BENCH_ONLY=rollback, replicas (two replicas on Postgres), notify or restore runs only that suite and
// replaces just its section of latest.json.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { DescribeImagesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { formatCalls } from "./lib/aws-calls";
import { benchClientConfig } from "./lib/sandbox-env";
import { startApp, startSandboxProcess } from "./lib/servers";
import { firstLoadJsKb } from "./suites/first-load-js";
import { imageSuite } from "./suites/image";
import { overviewQueryCold } from "./suites/query-cold";
import { measurePage } from "./suites/overview";
import { notifySuite } from "./suites/notify";
import { checkNotify, printNotify } from "./suites/notify-report";
import { rollbackSuite } from "./suites/rollback";
import { checkRollback, printRollback } from "./suites/rollback-report";
import { replicasSuite } from "./suites/replicas";
import { checkReplicas, printReplicas } from "./suites/replicas-report";
import { restoreSuite } from "./suites/restore";
import { checkRestore, printRestore } from "./suites/restore-report";
import { sandboxSpeed } from "./suites/sandbox-speed";
import { soak } from "./suites/soak";

const LATENCY_MS = 30;
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
const REFRESH_MS = 5000;
const ENV = "sandbox";
const ONLY = process.env.BENCH_ONLY;
const RESULTS = "bench/results/latest.json";

interface Target {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

async function main(): Promise<void> {
  // We pin the SDK on Node 20 knowingly; its end-of-support notice would only clutter the report.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  if (!existsSync(".next/BUILD_ID") || process.env.BENCH_BUILD !== "0") {
    console.log("bench: building the app (next build)…");
    execFileSync("npx", ["next", "build"], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  }
  const sandbox = await startSandboxProcess();
  const { control } = sandbox;
  const targets: Target[] = [];
  const check = (name: string, value: number, unit: string, limit: number, op: "<=" | ">=" = "<=") =>
    targets.push({ name, value: `${value} ${unit}`, target: `${op} ${limit} ${unit}`, pass: op === "<=" ? value <= limit : value >= limit });

  try {
    if (ONLY === "rollback") return await onlyOne("rollback", "rollback ", () => rollbackSuite(sandbox.url, control, LATENCY_MS), (r) => checkRollback(r, check), printRollback, targets);
    if (ONLY === "replicas") return await onlyOne("replicas", "replicas ", () => replicasSuite(sandbox.url, control, LATENCY_MS), (r) => checkReplicas(r, check), printReplicas, targets);
    if (ONLY === "notify") return await onlyOne("notify", "notification", () => notifySuite(sandbox.url, control, LATENCY_MS), (r) => checkNotify(r, check), printNotify, targets);
    if (ONLY === "restore") return await onlyOne("restore", "restore ", () => restoreSuite(sandbox.url, control, LATENCY_MS), (r) => checkRestore(r, check), printRestore, targets);
    if (ONLY) throw new Error(`BENCH_ONLY=${ONLY}: expected rollback, replicas, notify or restore`);
    console.log("bench: sandbox speed (10,000 images, 500 services, no injected latency)…");
    const speed = await sandboxSpeed(sandbox.url, control, 30);
    check("sandbox DescribeImages 1,000 (median)", speed.describeImages1000.median, "ms", 50);
    check("sandbox DescribeServices 10 (median)", speed.describeServices10.median, "ms", 50);
    check("sandbox DescribeServiceDeployments 20 (median)", speed.describeServiceDeployments20.median, "ms", 10);

    console.log("bench: seeding 60 services in 3 clusters and five 5,000-image repositories…");
    await control.reset("empty");
    await control.seed("scale", { clusters: 3, servicesPerCluster: 20, repositories: 5, imagesPerRepository: 5000 });
    await control.setFaults({ seed: 1, rules: { "*": { latencyMs: LATENCY_MS } } });

    console.log("bench: overview, cold caches (5 fresh servers, each warmed by a 404) and warm…");
    const overview = await measurePage(sandbox.url, control, ["/", "/", "/", "/", "/"], "/", 30);
    check("overview cold caches (median)", overview.cold.median, "ms", 5 * LATENCY_MS + 150);
    console.log("bench: the overview's data path alone, cold caches, in-process (10 runs)…");
    const queryCold = await overviewQueryCold(sandbox.url, 10);
    console.log("bench: overview, first request of a fresh server (5 servers)…");
    const firstRequest = await measurePage(sandbox.url, control, ["/", "/", "/", "/", "/"], "/", 1, { warmUpProcess: false });
    check("overview warm (median)", overview.warm.median, "ms", 30);
    check("overview warm DescribeTaskDefinition calls", overview.warmCalls.DescribeTaskDefinition ?? 0, "calls", 0);

    console.log("bench: image history of 5,000-image repositories, cold and warm…");
    const repos = [0, 1, 2, 3, 4].map((i) => `/repositories/${ENV}/repo-000${i}`);
    const history = await measurePage(sandbox.url, control, repos, repos[0] as string, 30);
    check("image history cold first page (median)", history.cold.median, "ms", 6 * LATENCY_MS + 200);
    check("image history warm (median)", history.warm.median, "ms", 50);
    check("image history DescribeImageScanFindings calls", history.coldCalls.DescribeImageScanFindings ?? 0, "calls", 0);

    console.log(`bench: soak, 1 viewer then 50 viewers refreshing every ${REFRESH_MS / 1000} s for ${SOAK_SECONDS} s…`);
    const one = await soak(sandbox.url, control, { viewers: 1, seconds: SOAK_SECONDS, intervalMs: REFRESH_MS, path: "/" });
    const fifty = await soak(sandbox.url, control, { viewers: 50, seconds: SOAK_SECONDS, intervalMs: REFRESH_MS, path: "/" });
    check("50 viewers: AWS calls vs 1 viewer", Math.round((fifty.totalCalls / Math.max(1, one.totalCalls)) * 100), "%", 110);
    check("50 viewers: p99", fifty.latency.p99, "ms", 300);
    check("50 viewers: errors", fifty.errors, "errors", 0);
    check("50 viewers: server memory (max RSS)", fifty.maxRssMb, "MB", 300);

    console.log("bench: first-load JavaScript per route…");
    const ecr = new ECRClient(benchClientConfig(sandbox.url));
    await control.clearFaults();
    const digest = (await ecr.send(new DescribeImagesCommand({ repositoryName: "repo-0000", maxResults: 1 }))).imageDetails?.[0]?.imageDigest;
    ecr.destroy();
    const app = await startApp(sandbox.url);
    const routes = ["/", `/services/${ENV}/cluster-0000/service-0000`, "/repositories", repos[0] as string, `${repos[0]}/images/${digest}`, "/audit"];
    const js: Record<string, number> = {};
    for (const route of routes) js[route] = await firstLoadJsKb(app.url, route);
    await app.stop();
    for (const [route, kb] of Object.entries(js)) check(`first-load JS ${route.replace(/sha256:[0-9a-f]+/, "sha256:…")}`, kb, "kB gz", 150);

    console.log("bench: container image (the Dockerfile's COPY lines, 5 cold starts of node server.js)…");
    const image = await imageSuite(sandbox.url);
    console.log(`Image: standalone bundle ${image.bundleMb} MB; cold start → /api/health median ${image.coldStartToHealthS.median} s, → first overview median ${image.coldStartToOverviewS.median} s`);

    console.log("bench: rollback, 12 rollouts then the follower with 1 and 20 operations (time scale 1, about 2 minutes)…");
    const rollback = await rollbackSuite(sandbox.url, control, LATENCY_MS);
    checkRollback(rollback, check);

    console.log("bench: two replicas on Postgres, rollouts then kill -9 and SIGTERM of the follower (about 4 minutes)…");
    const replicas = await replicasSuite(sandbox.url, control, LATENCY_MS);
    checkReplicas(replicas, check);

    console.log("bench: notifications, 12 rollouts to a healthy receiver, then 12 confirms beside a 500 and a hanging receiver (about 2 minutes)…");
    const notify = await notifySuite(sandbox.url, control, LATENCY_MS);
    checkNotify(notify, check);

    console.log("bench: restore of 5 services (time scale 1, about 2 minutes)…");
    const restore = await restoreSuite(sandbox.url, control, LATENCY_MS);
    checkRestore(restore, check);

    const results = {
      at: new Date().toISOString(),
      latencyInjectedMs: LATENCY_MS,
      soakSeconds: SOAK_SECONDS,
      sandboxSpeed: speed,
      overview,
      overviewFirstRequestOfFreshServer: firstRequest.cold,
      overviewQueryColdInProcess: queryCold,
      imageHistory: history,
      soak: { oneViewer: one, fiftyViewers: fifty },
      firstLoadJsKb: js,
      image,
      rollback,
      replicas,
      notify,
      restore,
      targets,
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(RESULTS, JSON.stringify(results, null, 2) + "\n");
    printReport(results, targets);
    printRollback(rollback);
    printReplicas(replicas);
    printNotify(notify);
    printRestore(restore);
  } finally {
    await control.clearFaults().catch(() => undefined);
    await sandbox.stop();
  }
}

/** One suite alone: its section (and its targets, by name prefix) replace theirs in an existing latest.json. */
async function onlyOne<R>(name: "rollback" | "replicas" | "notify" | "restore", targetPrefix: string, run: () => Promise<R>, checkIt: (r: R) => void, print: (r: R) => void, targets: Target[]): Promise<void> {
  console.log(`bench: ${name} only (BENCH_ONLY=${name})…`);
  const result = await run();
  checkIt(result);
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as { targets?: Target[] }) : {};
  const kept = (previous.targets ?? []).filter((t) => !t.name.startsWith(targetPrefix));
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(RESULTS, JSON.stringify({ ...previous, [`${name}At`]: new Date().toISOString(), [name]: result, targets: [...kept, ...targets] }, null, 2) + "\n");
  print(result);
  console.table(targets.map((t) => ({ target: t.name, measured: t.value, wanted: t.target, result: t.pass ? "pass" : "FAIL" })));
  console.log(`Written to ${RESULTS}`);
}

function printReport(r: { overview: Awaited<ReturnType<typeof measurePage>>; overviewFirstRequestOfFreshServer: Awaited<ReturnType<typeof measurePage>>["cold"]; overviewQueryColdInProcess: Awaited<ReturnType<typeof overviewQueryCold>>; imageHistory: Awaited<ReturnType<typeof measurePage>>; soak: { oneViewer: Awaited<ReturnType<typeof soak>>; fiftyViewers: Awaited<ReturnType<typeof soak>> } }, targets: Target[]) {
  console.log(`\nServer time (ms, ${LATENCY_MS} ms injected per AWS call)`);
  console.table({
    "overview cold caches": { ...r.overview.cold, "AWS calls": formatCalls(r.overview.coldCalls) },
    "overview 1st request of a fresh server": { ...r.overviewFirstRequestOfFreshServer, "AWS calls": "same" },
    "overview data path only (in-process)": { ...r.overviewQueryColdInProcess, "AWS calls": "same" },
    "overview warm": { ...r.overview.warm, "AWS calls": formatCalls(r.overview.warmCalls) },
    "image history cold": { ...r.imageHistory.cold, "AWS calls": formatCalls(r.imageHistory.coldCalls) },
    "image history warm": { ...r.imageHistory.warm, "AWS calls": formatCalls(r.imageHistory.warmCalls) },
    "soak 1 viewer": { ...r.soak.oneViewer.latency, "AWS calls": `${r.soak.oneViewer.totalCalls}: ${formatCalls(r.soak.oneViewer.calls)}` },
    "soak 50 viewers": { ...r.soak.fiftyViewers.latency, "AWS calls": `${r.soak.fiftyViewers.totalCalls}: ${formatCalls(r.soak.fiftyViewers.calls)}` },
  });
  console.log("Targets");
  console.table(targets.map((t) => ({ target: t.name, measured: t.value, wanted: t.target, result: t.pass ? "pass" : "FAIL" })));
  if (SOAK_SECONDS !== 60) console.log(`(soak shortened to ${SOAK_SECONDS} s by BENCH_SOAK_SECONDS)`);
  console.log("Written to bench/results/latest.json");
}

main().catch((error: unknown) => {
  console.error("bench failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
