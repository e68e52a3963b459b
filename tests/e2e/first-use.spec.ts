// What a new user found in a browser (issue 15): the phone header, which digest is whose on a phone,
// a reason over the limit (said while typing, refused by the server with nothing written), the
// deployment history in pages, and the commit of an image tagged only sha-<7>. Each test stands alone
// (a failure does not skip the others); the sandbox is reset after them all.
import { BatchDeleteImageCommand, ECRClient } from "@aws-sdk/client-ecr";
import { expect, test, type Page } from "@playwright/test";
import { TOKENS } from "./support/auth-fixtures";
import { resetDemo } from "./support/sandbox-control";
import { signInAsDemo } from "./support/sign-in";
import { sandboxUrl } from "./sandbox-truth";

test.afterAll(async () => {
  await resetDemo();
});

/** The element a finger lands on at the middle of `name`'s link is that link, not something over it. */
async function topmostAtCentre(page: Page, name: string): Promise<boolean> {
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
  const box = await link.boundingBox();
  if (!box) return false;
  return link.evaluate((el, [x, y]) => {
    const hit = document.elementFromPoint(x as number, y as number);
    return hit !== null && (hit === el || el.contains(hit));
  }, [box.x + box.width / 2, box.y + box.height / 2]);
}

/** What each digest line of production/my-api (app + log-router) shows before its digest, per CSS. */
async function digestOwners(page: Page): Promise<string[]> {
  await page.goto("/");
  const row = page
    .getByRole("table", { name: "Services in Sandbox / production" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "my-api", exact: true }) });
  return row.locator("td:nth-child(5) [data-container]").evaluateAll((els) => els.map((el) => getComputedStyle(el, "::before").content));
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, colorScheme: "dark" });

  test("every nav item is whole on screen and tappable, none under the role badge", async ({ page }) => {
    await signInAsDemo(page.request, "deployer");
    await page.goto("/");
    for (const name of ["Overview", "Repositories", "Audit"]) {
      const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
      await expect(link).toBeVisible();
      await expect(link).toHaveText(name);
      const box = await link.boundingBox();
      expect(box).not.toBeNull();
      if (!box) continue;
      expect(box.x, `${name} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, `${name} ends on screen`).toBeLessThanOrEqual(390);
      // Not clipped by its container: the whole text is shown.
      expect(await link.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await topmostAtCentre(page, name), `${name} is not covered`).toBe(true);
    }
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit", exact: true }).tap();
    await expect(page).toHaveURL(/\/audit/);
    await expect(page.getByTestId("user-menu").getByText("deployer", { exact: true })).toBeVisible();
  });

  test("a two-container service says which digest is whose", async ({ page }) => {
    expect(await digestOwners(page)).toEqual(['"app"', '"log-router"']);
  });
});

test("on a wide screen the digest lines stay as they were (their row already says whose)", async ({ page }) => {
  expect(await digestOwners(page)).toEqual(["none", "none"]);
});

test("the service page's deployment history comes in pages", async ({ page }) => {
  await page.goto("/services/sandbox/production/my-api");
  const history = page.getByRole("table", { name: "Deployment history of my-api" });
  const pager = page.getByRole("navigation", { name: "Deployment history pages" });
  await expect(pager).toContainText(/^1–10 of \d+ · page 1 of \d+/);
  const firstPage = await history.locator("tbody tr").allInnerTexts();
  expect(firstPage).toHaveLength(10);
  await pager.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/historyPage=2/);
  await expect(pager).toContainText(/^11–\d+ of \d+ · page 2 of \d+/);
  const secondPage = await history.locator("tbody tr").allInnerTexts();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.some((row) => firstPage.includes(row))).toBe(false);
  const bad = await page.request.get("/services/sandbox/production/my-api?historyPage=0");
  expect(bad.status()).toBe(400);
});

test("a reason over the limit is said while typing, and the server refuses it with nothing written", async ({ page }) => {
  await signInAsDemo(page.request, "deployer");
  const operationsOfPayments = async () => {
    const response = await page.request.get("/api/v1/operations?env=sandbox&cluster=production&service=payments");
    return ((await response.json()) as { operations: unknown[] }).operations.length;
  };
  const before = await operationsOfPayments();

  await page.goto("/services/sandbox/production/payments/rollback");
  const reason = page.getByLabel(/^Reason/);
  await reason.fill("x".repeat(5000));
  // Kept whole (no silent cut at 1,000), and the field says it is over.
  expect(await reason.inputValue()).toHaveLength(5000);
  await expect(page.getByText("5,000 / 1,000 characters: 4,000 over the limit; shorten it (link to details instead)")).toBeVisible();
  await page.getByRole("button", { name: "Confirm rollback" }).click();
  await expect(page.getByText("reason must be at most 1,000 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/rollback/);

  const api = await page.request.post("/api/v1/services/sandbox/production/payments/operations", {
    headers: { Authorization: `Bearer ${TOKENS.deployer.token}`, "Idempotency-Key": "e2e-over-long-reason-0001" },
    data: { action: "rollback", target: { suggested: true }, reason: "y".repeat(5000) },
  });
  expect(api.status()).toBe(400);
  expect(((await api.json()) as { error: { message: string } }).error.message).toMatch(/at most 1,000 characters/);
  expect(await operationsOfPayments()).toBe(before);

  await reason.fill("INC-1: short enough");
  await expect(page.getByText("19 / 1,000 characters", { exact: true })).toBeVisible();
});

test("an image tagged only sha-<7> shows its commit (any configured tag pattern)", async ({ page }) => {
  const push = await fetch(`${sandboxUrl}/_sandbox/push`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ repository: "worker" }) });
  const { sha } = (await push.json()) as { sha: string };
  const ecr = new ECRClient({ endpoint: sandboxUrl, region: "ap-south-1", credentials: { accessKeyId: "AKIASANDBOXE2E000001", secretAccessKey: "sandbox-e2e-not-a-secret" } });
  // As a CI build that was never promoted: sha-<7> (and latest), no prod-<sha>.
  await ecr.send(new BatchDeleteImageCommand({ repositoryName: "worker", imageIds: [{ imageTag: `prod-${sha}` }] }));
  ecr.destroy();

  // The repository's image list is a shared read cache that serves its last answer while it refreshes
  // (stale-while-revalidate): an earlier spec may have read it just before the push, so look again.
  await expect(async () => {
    await page.goto(`/repositories/sandbox/worker?q=sha-${sha.slice(0, 7)}`);
    await expect(page.getByText(`sha-${sha.slice(0, 7)}`).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: `Commit ${sha.slice(0, 7)}` }).first()).toBeVisible();
});
