// The incident journeys of issue 10 in chromium on the demo sandbox, with the real app, store and
// follower: roll payments back from its CRITICAL image (succeeded), deploy the crashing my-api image
// (rolled back by ECS, never "succeeded"), stop a blue/green web deployment during its bake time
// (stopped); then all three are found on the Audit timeline with their outcomes and reasons. The sandbox
// is reset before each journey and after the last, for the other specs; the store keeps the operations.
import { expect, test } from "@playwright/test";
import { MY_API_CRASHING_TAG, PAYMENTS_CRITICAL_TAG } from "../../sandbox/seed/demo-facts";
import { advanceUntil, expectOperationPage, followToOutcome } from "./support/follow-operation";
import { resetDemo } from "./support/sandbox-control";
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
  await expect(page.getByRole("list", { name: "Why tasks stopped" })).toBeVisible();
});

test("stopping a blue/green web deployment during its bake time ends stopped", async ({ page }) => {
  await signInAsDemo(page.request, "deployer");
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
  await expect(page.getByText(/bake time left/)).toBeVisible();
  await page.getByLabel("Reason for stopping (required)").fill("INC-303: stop during bake");
  await page.getByRole("button", { name: "Stop and roll back" }).click();
  await expectOperationPage(page);
  const { final } = await followToOutcome(page, 10_000);
  expect(final).toBe("stopped");
  await expect(page.getByText("stopped and rolled back", { exact: true })).toBeVisible();
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
});
