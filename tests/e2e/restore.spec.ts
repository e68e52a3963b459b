// Restoring production to a moment in chromium on the demo sandbox, with the real app, store and
// follower: two services are moved after the moment (by the API, as a script would), then a deployer
// opens the plan, unticks one, gives one reason, confirms once and watches the restore finish; the Audit
// timeline shows one restore entry with its service folded under it. The plan and the restore's page
// read on a phone in light and dark without scrolling sideways. The sandbox is reset before and after.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { TOKENS } from "./support/auth-fixtures";
import { expectOperationPage, followToOutcome } from "./support/follow-operation";
import { advanceClock, resetDemo } from "./support/sandbox-control";
import { signInAsDemo } from "./support/sign-in";
import { sandboxUrl } from "./sandbox-truth";

test.describe.configure({ mode: "serial" });
test.afterAll(async () => {
  await resetDemo();
});

const bot = { Authorization: `Bearer ${TOKENS.deployer.token}` };

/** A script rolls `service` back to its suggested version through the API; the clock moves until it succeeded. */
async function moveAway(request: APIRequestContext, service: string): Promise<void> {
  const started = await request.post(`/api/v1/services/sandbox/production/${service}/operations`, {
    headers: { ...bot, "Idempotency-Key": `e2e-restore-${service}-${Date.now()}` },
    data: { action: "rollback", target: { suggested: true }, reason: "moved after the moment" },
  });
  expect(started.status()).toBe(202);
  const { operation } = (await started.json()) as { operation: { id: string } };
  for (let i = 0; i < 60; i++) {
    const read = (await (await request.get(`/api/v1/operations/${operation.id}`, { headers: bot })).json()) as { status: string };
    if (read.status !== "running") return expect(read.status).toBe("succeeded");
    await advanceClock(15_000);
    await new Promise((r) => setTimeout(r, 1100));
  }
  throw new Error(`${service} did not finish moving`);
}

let at = "";
/** The restore the journey made, for the phone checks of its page. */
let restorePage = "";

test.beforeAll(async ({ request }) => {
  await resetDemo();
  const clock = (await (await fetch(`${sandboxUrl}/_sandbox/clock`)).json()) as { now: number };
  at = new Date(Math.min(clock.now, Date.now()) - 1000).toISOString();
  await advanceClock(60_000);
  await moveAway(request, "worker");
  await moveAway(request, "notifications");
});

test("plan, untick one, one reason, confirm once, and watch the restore finish", async ({ page }) => {
  await signInAsDemo(page.request, "deployer");
  await page.goto("/audit?source=ours&window=24h");
  await expect(page.getByRole("link", { name: "Restore to here" }).first()).toBeVisible();

  await page.goto(`/environments/sandbox/restore?at=${encodeURIComponent(at)}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Restore sandbox to / })).toBeVisible();
  const worker = page.locator('[data-restore-row="production/worker"]');
  const notifications = page.locator('[data-restore-row="production/notifications"]');
  await expect(worker).toHaveAttribute("data-status", "changed");
  await expect(notifications).toHaveAttribute("data-status", "changed");
  await expect(page.locator('[data-restore-row="production/payments"]')).toHaveAttribute("data-status", "unchanged");
  await expect(page.getByLabel("Restore production/worker")).toBeChecked();
  await page.getByLabel("Restore production/notifications").uncheck();

  await page.getByLabel(/^Reason/).fill("INC-404: back to before the release train");
  await page.getByRole("button", { name: "Confirm restore" }).click();
  await expectOperationPage(page);
  await expect(page.getByRole("heading", { level: 1, name: "Restore of sandbox" })).toBeVisible();
  await expect(page.locator("[data-restore-child]")).toHaveCount(1);
  await expect(page.locator('[data-restore-child="production/worker"]')).toBeVisible();

  restorePage = new URL(page.url()).pathname;
  const { final } = await followToOutcome(page);
  expect(final).toBe("succeeded");
  await expect(page.locator('[data-restore-child="production/worker"]')).toHaveAttribute("data-status", "succeeded");
  await expect(page.getByLabel("Outcome")).toContainText("All 1 services restored (production/worker: succeeded).");

  await page.goto("/audit?source=ours&window=24h");
  const restore = page.getByRole("listitem").filter({ hasText: "Why: INC-404: back to before the release train" }).first();
  await expect(restore).toContainText("Restore");
  await restore.getByText("1 service", { exact: true }).click();
  await expect(restore.getByRole("link", { name: "production/worker" })).toBeVisible();
});

test("a viewer sees no restore link and is refused the page", async ({ page }) => {
  await signInAsDemo(page.request, "viewer");
  await page.goto("/audit?source=ours&window=24h");
  await expect(page.getByRole("list", { name: "Changes, newest first" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Restore to here" })).toHaveCount(0);
  await page.goto(`/environments/sandbox/restore?at=${encodeURIComponent(at)}`);
  await expect(page.getByText(/This needs the deployer role/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm restore" })).toHaveCount(0);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the plan and the restore's page on a 390-px phone, ${colorScheme}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    const page = await context.newPage();
    await signInAsDemo(page.request, "deployer");
    await page.goto(`/environments/sandbox/restore?at=${encodeURIComponent(at)}`);
    await expect(page.locator('[data-restore-row="production/payments"]')).toBeVisible();
    const { scrollWidth, viewportWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth }));
    expect(scrollWidth, "the page scrolls sideways").toBeLessThanOrEqual(viewportWidth);
    await expect(page.getByRole("button", { name: "Confirm restore" })).toBeVisible();
    await page.goto(restorePage);
    await expect(page.locator('[data-restore-child="production/worker"]')).toBeVisible();
    const restore = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, viewportWidth: window.innerWidth }));
    expect(restore.scrollWidth, "the restore's page scrolls sideways").toBeLessThanOrEqual(restore.viewportWidth);
    await context.close();
  });
}
