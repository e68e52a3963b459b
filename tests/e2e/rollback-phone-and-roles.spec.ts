// The rollback journey on a 390 × 844 phone by touch (payments off its CRITICAL image to the suggested
// version, three taps and a reason from the overview), and what a viewer gets: no action anywhere,
// and a server action replayed with a viewer's session refused with nothing changed.
import { expect, test } from "@playwright/test";
import { PAYMENTS_CRITICAL_TAG } from "../../sandbox/seed/demo-facts";
import { VIEWER_STATE } from "./support/global-setup";
import { expectOperationPage, followToOutcome } from "./support/follow-operation";
import { callsOf, resetDemo } from "./support/sandbox-control";
import { signInAsDemo } from "./support/sign-in";

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  await resetDemo();
});
test.afterAll(async () => {
  await resetDemo();
});

test.describe("at 390 px by touch", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("payments rolls back from its CRITICAL image to the suggested version and succeeds", async ({ page }) => {
    await signInAsDemo(page.request, "deployer");
    await page.goto("/");
    await page.getByRole("table", { name: "Services in Sandbox / production" }).getByRole("link", { name: "payments", exact: true }).tap();
    await page.getByRole("link", { name: "Roll back", exact: true }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "Roll back payments" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Suggested: payments:\d+/ })).toBeVisible();
    await expect(page.getByText(PAYMENTS_CRITICAL_TAG).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scroll").toBeLessThanOrEqual(390);

    await page.getByLabel(/^Reason/).tap();
    await page.keyboard.type("INC-101: CRITICAL CVE in the running image");
    await page.getByRole("button", { name: "Confirm rollback" }).tap();
    await expectOperationPage(page);
    const { final } = await followToOutcome(page);
    expect(final).toBe("succeeded");
    await expect(page.getByText("INC-101: CRITICAL CVE in the running image")).toBeVisible();
  });
});

test("a viewer sees no action buttons, and a viewer's direct server-action POST is refused", async ({ page, browser, baseURL }) => {
  await page.goto("/services/sandbox/production/payments");
  await expect(page.getByRole("heading", { level: 1, name: "payments" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Roll back", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Deploy", exact: true })).toHaveCount(0);
  await page.goto("/services/sandbox/production/payments/rollback");
  await expect(page.getByRole("list", { name: "Preflight checks" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm rollback" })).toHaveCount(0);
  await expect(page.getByLabel(/^Reason/)).toHaveCount(0);

  // A deployer's confirm, captured on its way out and never delivered, then replayed with the viewer's cookie.
  const deployer = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const deployerPage = await deployer.newPage();
  await signInAsDemo(deployerPage.request, "deployer");
  await deployerPage.goto("/services/sandbox/production/payments/rollback");
  let captured: { url: string; headers: Record<string, string>; body: Buffer | null } | undefined;
  await deployerPage.route("**/services/sandbox/production/payments/rollback**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    captured = { url: request.url(), headers: await request.allHeaders(), body: request.postDataBuffer() };
    return route.abort();
  });
  await deployerPage.getByLabel(/^Reason/).fill("replayed by a viewer");
  await deployerPage.getByRole("button", { name: "Confirm rollback" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await deployer.close();

  const viewer = await browser.newContext({ storageState: VIEWER_STATE });
  const updatesBefore = await callsOf("UpdateService");
  const request = captured as NonNullable<typeof captured>;
  // Every header of the deployer's request except its session and its length: the viewer's cookie goes instead.
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !["cookie", "content-length"].includes(name)));
  const response = await viewer.request.post(request.url, { headers: { ...headers, origin: baseURL ?? "" }, data: request.body ?? undefined });
  const body = await response.text();
  expect(body).toContain("This needs the deployer role");
  expect(await callsOf("UpdateService")).toBe(updatesBefore);
  await viewer.close();
});

test("an image page offers deployers “Deploy this image” to each service built from its repository, pinned by digest", async ({ page }) => {
  await page.goto("/repositories/sandbox/log-router");
  await page.getByRole("table", { name: "Images, newest first" }).getByRole("link", { name: /^sha256:/ }).nth(1).click();
  await expect(page).toHaveURL(/\/images\/sha256/);
  await expect(page.getByRole("heading", { name: "Deploy this image" })).toHaveCount(0);

  await signInAsDemo(page.request, "deployer");
  await page.reload();
  const digest = decodeURIComponent(page.url().split("/images/")[1] ?? "");
  await page.getByRole("list", { name: "Deploy this image" }).getByRole("link", { name: /production\/my-api/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deploy my-api" })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("container")).toBe("log-router");
  expect(new URL(page.url()).searchParams.get("digest")).toBe(digest);
  await expect(page.getByRole("list", { name: "Preflight checks" })).toBeVisible();
});
