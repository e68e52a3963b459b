// Notifications against the running server: a rollback started through the API reaches the spec's
// local receiver as a signed Standard Webhooks delivery (sent by the server's own worker), and the
// admin page shows it in the target's delivery log, on a desktop and on a 390 px phone in light and
// dark. Viewers and deployers get 403 and no header link; a bad address gets a clear answer.
import { expect, test, type Page } from "@playwright/test";
import { startReceiver, type Receiver } from "../integration/notify-receiver";
import { E2E_WEBHOOK_SECRET, TOKENS } from "./support/auth-fixtures";
import { resetDemo } from "./support/sandbox-control";
import { signInAsDemo } from "./support/sign-in";

test.describe.configure({ mode: "serial" });

let receiver: Receiver;
let eventId = "";
test.beforeAll(async () => {
  await resetDemo();
  receiver = await startReceiver(E2E_WEBHOOK_SECRET, Number(process.env.E2E_RECEIVER_PORT));
});
test.afterAll(async () => {
  await receiver.close();
  await resetDemo();
});

const logRow = (page: Page) => page.getByRole("table", { name: "Deliveries to ops-hook" }).getByRole("row").filter({ hasText: eventId });

test("a rollback through the API reaches the receiver signed, and the admin sees it delivered in the log", async ({ page, request }) => {
  const started = await request.post("/api/v1/services/sandbox/production/worker/operations", {
    headers: { authorization: `Bearer ${TOKENS.deployer.token}`, "idempotency-key": `e2e-notify-${Date.now()}` },
    data: { action: "rollback", target: { suggested: true }, reason: "e2e: notifications" },
  });
  expect(started.status()).toBe(202);
  const { operation } = (await started.json()) as { operation: { id: string } };
  eventId = `msg_${operation.id}_started`;
  await expect.poll(() => receiver.received.filter((r) => r.webhookId === eventId).map((r) => r.verified)).toEqual([true]);
  expect(receiver.received.find((r) => r.webhookId === eventId)?.body).toMatchObject({ type: "operation.started", data: { service: "worker", actor: TOKENS.deployer.name, reason: "e2e: notifications" } });

  await signInAsDemo(page.request, "admin");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Notification targets" }).getByRole("link", { name: /ops-hook/ })).toHaveAttribute("aria-current", "page");
  await expect(logRow(page)).toContainText("delivered");
  await expect(logRow(page)).toContainText("operation.started");
  await expect(logRow(page)).toContainText("sandbox/production/worker: running");
});

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`on a 390 px phone, ${colorScheme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, colorScheme });

    test("the delivery log is one card per delivery with no sideways scroll", async ({ page }) => {
      await signInAsDemo(page.request, "admin");
      await page.goto("/admin/notifications?target=ops-hook");
      await expect(logRow(page)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), "no sideways scroll").toBeLessThanOrEqual(390);
      const box = await logRow(page).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      // Each fact on its own labelled line of the card (the label is CSS, from data-label).
      for (const label of ["Attempts", "Last error", "Next attempt", "Delivered at"]) {
        const cell = await logRow(page).locator(`td[data-label="${label}"]`).boundingBox();
        expect(cell && cell.x >= 0 && cell.x + cell.width <= 390, label).toBe(true);
      }
      // The page follows the theme: a dark background in dark, a light one in light.
      const background = await page.evaluate(() => {
        const ctx = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
        ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
        ctx.fillRect(0, 0, 1, 1);
        const [r = 0, g = 0, b = 0] = ctx.getImageData(0, 0, 1, 1).data;
        return (r + g + b) / 3 / 255;
      });
      if (colorScheme === "dark") expect(background).toBeLessThan(0.25);
      else expect(background).toBeGreaterThan(0.85);
    });
  });
}

test("viewers and deployers get 403 and no header link; a bad address is answered, not a 500", async ({ page, browser }) => {
  // The default state is the demo viewer.
  expect((await page.goto("/admin/notifications"))?.status()).toBe(403);
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Notifications" })).toHaveCount(0);

  const deployer = await browser.newContext();
  const deployerPage = await deployer.newPage();
  await signInAsDemo(deployerPage.request, "deployer");
  expect((await deployerPage.goto("/admin/notifications"))?.status()).toBe(403);
  await deployer.close();

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInAsDemo(adminPage.request, "admin");
  expect((await adminPage.goto("/admin/notifications?target=Not%20An%20Id"))?.status()).toBe(400);
  expect((await adminPage.goto("/admin/notifications?page=2"))?.status()).toBe(400);
  await adminPage.goto("/admin/notifications?target=nope");
  await expect(adminPage.getByText('no notification target "nope" is configured')).toBeVisible();
  await adminPage.goto("/admin/notifications?target=ops-hook&cursor=garbage");
  await expect(adminPage.getByText(/not a delivery log cursor/)).toBeVisible();
  await admin.close();
});
