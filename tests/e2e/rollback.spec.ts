// The incident journeys of issue 10 in chromium on the demo sandbox, with the real app, store and
// follower: roll payments back from its CRITICAL image (succeeded), deploy the crashing my-api image
// (rolled back by ECS, never "succeeded"), stop a blue/green web deployment during its bake time
// (stopped); then all three are found on the Audit timeline with their outcomes and reasons. The sandbox
// is reset before each journey and after the last, for the other specs; the store keeps the operations.
import { expect, test } from "@playwright/test";
import { MY_API_CRASHING_TAG, PAYMENTS_CRITICAL_TAG } from "../../sandbox/seed/demo-facts";
import { advanceUntil, expectOperationPage, followToOutcome } from "./support/follow-operation";
import { advanceClock, resetDemo } from "./support/sandbox-control";
import { signInAsDemo } from "./support/sign-in";

test.describe.configure({ mode: "serial" });
test.beforeEach(async () => {
  await resetDemo();
});
test.afterAll(async () => {
  await resetDemo();
});

test("deploying the crashing my-api image ends rolled back by ECS, never succeeded", async ({ page }) => {
  await signInAsDemo(page.request, "admin");
  await page.goto("/services/sandbox/production/my-api");
  await page.getByRole("link", { name: "Deploy", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deploy my-api" })).toBeVisible();
  await page.getByRole("list", { name: /Images of my-api for container app/ }).getByRole("link", { name: MY_API_CRASHING_TAG }).click();
  await expect(page).toHaveURL(/container=app&digest=sha256/);
  await expect(page.getByRole("list", { name: "Preflight checks" })).toBeVisible();
  await expect(page.getByText("image changes").first()).toBeVisible();

  await page.getByLabel(/^Reason/).fill("drill: deploy the crashing build");
  const override = page.getByLabel(/Override the scan gate/);
  if (await override.isVisible()) await override.fill("drill: accepted for the exercise");
  await page.getByRole("button", { name: "Confirm deploy" }).click();
  await expectOperationPage(page);
  await expect(page.getByText("drill: deploy the crashing build")).toBeVisible();

  const { final, seen } = await followToOutcome(page);
  expect(final).toBe("rolled_back");
  expect(seen.has("succeeded")).toBe(false);
  await expect(page.getByText("rolled back by ECS", { exact: true })).toBeVisible();
  const causes = page.getByRole("list", { name: "Why tasks stopped" });
  await expect(causes).toBeVisible();
  // Only failed tasks are causes: the scheduler's clean scale-downs (exit 0) are not.
  await expect(causes).toContainText("Essential container in task exited");
  await expect(causes).not.toContainText("Scaling activity");
  await expect(causes).not.toContainText("exit code 0");
  // One clock on the page, its zone said: "started" and the event times are the server's, in UTC.
  await expect(page.getByText(/^started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/)).toBeVisible();
  const eventTimes = await page.getByRole("list", { name: "Latest events" }).locator("time").allInnerTexts();
  expect(eventTimes.length).toBeGreaterThan(0);
  for (const time of eventTimes) expect(time).toMatch(/^\d\d:\d\d:\d\d UTC$/);
});

test("stopping a blue/green web deployment during its bake time ends stopped", async ({ page }) => {
  await signInAsDemo(page.request, "deployer");
  await advanceClock(2 * 3600_000);
  // Three clicks and a reason from the overview: service → Roll back → Confirm.
  await page.goto("/");
  await page.getByRole("table", { name: "Services in Sandbox / production" }).getByRole("link", { name: "web", exact: true }).click();
  await page.getByRole("link", { name: "Roll back", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Suggested: web:\d+/ })).toBeVisible();
  await expect(page.getByText(/blue\/green, \d+ min bake time/)).toBeVisible();
  await page.getByLabel(/^Reason/).fill("INC-303: back to the previous web build");
  await page.getByRole("button", { name: "Confirm rollback" }).click();
  await expectOperationPage(page);

  await advanceUntil(page, () => page.getByText("stage BAKE_TIME", { exact: true }).isVisible(), 10_000, "BAKE_TIME");
  // ECS's clock is two hours ahead of ours here (moved on before the rollback): the bake is still at
  // most its 4 minutes, counted on ECS's clock, never ECS's time minus the browser's.
  const bake = page.getByTestId("bake-left");
  await expect(bake).toHaveText(/^bake time left (\d+ min( \d+ s)?|\d+ s|\d+ ms)$/);
  expect(await bake.innerText()).not.toMatch(/ h| d/);
  await page.getByLabel("Reason for stopping (required)").fill("INC-303: stop during bake");
  await page.getByRole("button", { name: "Stop and roll back" }).click();
  await expectOperationPage(page);
  const { final } = await followToOutcome(page, 10_000);
  expect(final).toBe("stopped");
  await expect(page.getByText("stopped and rolled back", { exact: true })).toBeVisible();
  await expect(page.getByTestId("bake-left")).toHaveCount(0);
  // Tasks the scheduler stopped cleanly while ECS rolled back are no causes: nothing failed here.
  await expect(page.getByRole("list", { name: "Why tasks stopped" })).toHaveCount(0);

  // The service page says who stopped it, not that the circuit breaker rolled back.
  await page.goto("/services/sandbox/production/web");
  const statement = page.getByText(/^Stopped by .+ \(deployer\) with "Stop and roll back": INC-303: stop during bake\. ECS rolled back to ecs-svc\/\d+\.$/);
  await expect(statement).toBeVisible();
  await expect(page.getByText(/circuit breaker rolled back/)).toHaveCount(0);
});

test("rolling payments back to the suggested version succeeds, and the timeline shows all three with their reasons", async ({ page }) => {
  await signInAsDemo(page.request, "deployer");
  await page.goto("/services/sandbox/production/payments");
  await page.getByRole("link", { name: "Roll back", exact: true }).click();
  await expect(page.getByRole("heading", { name: /^Suggested: payments:\d+/ })).toBeVisible();
  await expect(page.getByText(PAYMENTS_CRITICAL_TAG).first()).toBeVisible();
  await page.getByLabel(/^Reason/).fill("INC-101: CRITICAL CVE in the running image");
  await page.getByRole("button", { name: "Confirm rollback" }).click();
  await expectOperationPage(page);
  expect((await followToOutcome(page)).final).toBe("succeeded");

  await page.goto("/audit?source=ours&window=24h");
  const timeline = page.getByRole("list", { name: "Changes, newest first" });
  const entryOf = (service: string) => timeline.getByRole("listitem").filter({ has: page.getByRole("link", { name: service, exact: true }) }).first();
  await expect(entryOf("payments")).toContainText("succeeded");
  await expect(entryOf("payments")).toContainText("Why: INC-101: CRITICAL CVE in the running image");
  await expect(entryOf("web")).toContainText("stopped");
  await expect(entryOf("web")).toContainText("Why: INC-303: back to the previous web build");
  await expect(entryOf("my-api")).toContainText("rolled back");
  await expect(entryOf("my-api")).toContainText("Why: drill: deploy the crashing build");

  // The CSV says how ECS ended each of these three operations (ecs_status), not an empty column. (Other
  // specs' operations may have been followed without the service-deployments API, which has no status.)
  const csv = await page.request.get("/api/v1/timeline?source=ours&window=24h&format=csv");
  const [header = "", ...rows] = (await csv.text()).trimEnd().split("\r\n");
  const columns = header.split(",");
  const [service, ecsStatus, reason] = ["service", "ecs_status", "reason"].map((name) => columns.indexOf(name));
  const ours = rows.map((row) => row.split(",")).filter((cells) => ["payments", "web", "my-api"].includes(cells[service!] ?? "") && /^(INC-101|INC-303|drill)/.test(cells[reason!] ?? ""));
  expect(ecsStatus).toBeGreaterThan(-1);
  expect(ours.length).toBeGreaterThanOrEqual(3);
  for (const cells of ours) expect(cells[ecsStatus!], cells.join(",")).toMatch(/^[A-Z_]+$/);
});
