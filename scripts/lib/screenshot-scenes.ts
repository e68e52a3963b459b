// What `npm run screenshots` shows, on the demo: the overview and production payments' suggested rollback
// (its running image has a CRITICAL finding) before anything changes; then that rollback, confirmed by the
// demo deployer, caught mid-rollout on its operation page; then the Audit timeline with it.
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { openPage, shoot, ShotError, type Session } from "./screenshot-browser";
import { advanceClock, catchUpClock } from "./screenshot-sandbox";
import { shotFile, variantLabel, type ShotPage } from "./screenshot-shots";

const PAYMENTS = "/services/sandbox/production/payments";
const REASON = "INC-101: CRITICAL CVE in the running image";
// Sandbox time from UpdateService to the shot: the new tasks have started (PROVISIONING 2 s, PENDING 5 s)
// but are not yet healthy (40 s), so the old revision still serves beside them.
const ROLLOUT_MS = 20_000;
// Ahead of the server's clock by more than confirming takes, so the rollout's events come after its start.
const CLOCK_LEAD_MS = 10_000;
const PROGRESS_TIMEOUT_MS = 30_000;

const changes = (page: Page) => page.getByRole("list", { name: "Changes, newest first" }).locator(":scope > li");

interface Scene {
  url: string;
  ready: (page: Page) => Locator;
  /** The part the shot is about when it is below the fold. */
  focus?: (page: Page) => Locator;
}

const SCENES: Record<ShotPage, (operationId: string) => Scene> = {
  overview: () => ({ url: "/", ready: (page) => page.getByRole("table", { name: "Services in Sandbox / production" }) }),
  "rollback-plan": () => ({
    url: `${PAYMENTS}/rollback`,
    ready: (page) => page.getByRole("heading", { name: /^Suggested: payments:\d+/ }),
  }),
  operation: (id: string) => ({
    url: `/operations/${id}`,
    ready: (page) => page.getByRole("list", { name: "Deployments" }),
    focus: (page) => page.locator("section").filter({ has: page.getByRole("list", { name: "Deployments" }) }),
  }),
  timeline: () => ({
    url: "/audit",
    // The rollback first, once the timeline has matched it with ECS's own record of the deployment.
    ready: (page) => changes(page).first().filter({ hasText: "Rollback" }).filter({ hasText: "ECS: in progress" }),
    // On a phone the filters fill the first screen: show the first two changes.
    focus: (page) => changes(page).nth(1),
  }),
};

async function take(session: Session, outDir: string, shot: ShotPage, operationId = ""): Promise<string> {
  const scene = SCENES[shot](operationId);
  const what = `${shot} (${variantLabel(session.variant)})`;
  await openPage(session.page, scene.url, scene.ready, what);
  const file = path.join(outDir, path.basename(shotFile(shot, session.variant)));
  await shoot(session.page, file, what, scene.focus?.(session.page));
  return file;
}

/** Confirms payments' suggested rollback the way a person does, and returns the operation's id. */
async function startRollback({ page }: Session): Promise<string> {
  await openPage(page, `${PAYMENTS}/rollback`, SCENES["rollback-plan"]("").ready, "starting the rollback");
  await page.getByLabel(/^Reason/).fill(REASON);
  await page.getByRole("button", { name: "Confirm rollback" }).click();
  await page.waitForURL(/\/operations\/[0-9a-f-]{36}$/, { timeout: PROGRESS_TIMEOUT_MS }).catch(() => {
    throw new ShotError(`confirming payments' rollback did not open its operation page (still on ${page.url()})`);
  });
  return page.url().split("/").pop()!;
}

interface OperationProgress {
  status: string;
  progress?: { deployments: { status: string; running: number }[] } | null;
}

/** Waits until the server's follower has recorded the frozen rollout: new tasks running, still in progress. */
async function waitForProgress({ context }: Session, id: string): Promise<void> {
  const deadline = Date.now() + PROGRESS_TIMEOUT_MS;
  let last = "nothing";
  while (Date.now() < deadline) {
    const response = await context.request.get(`/api/v1/operations/${id}`);
    if (!response.ok()) throw new ShotError(`GET /api/v1/operations/${id} answered ${response.status()}: ${await response.text()}`);
    const op = (await response.json()) as OperationProgress;
    if (op.status !== "running") throw new ShotError(`the rollback ended ${op.status} before its in-progress shot`);
    const deployments = op.progress?.deployments ?? [];
    if (deployments.some((d) => d.status === "PRIMARY" && d.running > 0) && deployments.length > 1) return;
    last = JSON.stringify(deployments);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new ShotError(`the rollback showed no progress within ${PROGRESS_TIMEOUT_MS / 1000} s (last seen: ${last})`);
}

/** Takes every shot in every session (variant) into `outDir` and returns the files written. */
export async function takeAllShots(sessions: Session[], sandboxUrl: string, outDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const session of sessions) files.push(await take(session, outDir, "overview"), await take(session, outDir, "rollback-plan"));
  await catchUpClock(sandboxUrl, CLOCK_LEAD_MS);
  const operationId = await startRollback(sessions[0]!);
  await advanceClock(sandboxUrl, ROLLOUT_MS);
  await waitForProgress(sessions[0]!, operationId);
  for (const session of sessions) files.push(await take(session, outDir, "operation", operationId), await take(session, outDir, "timeline"));
  return files;
}
