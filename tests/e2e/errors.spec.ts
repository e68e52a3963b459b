import { expect, test } from "@playwright/test";

test.describe("bad addresses", () => {
  test("an unknown service is a 404 that names it", async ({ page }) => {
    const response = await page.goto("/services/sandbox/production/no-such-service");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service “no-such-service” was not found in sandbox / production");
    await expect(page.getByRole("link", { name: "Overview" }).first()).toBeVisible();
  });

  test("an unknown environment is a 404 that lists the configured ones", async ({ page }) => {
    const response = await page.goto("/repositories/nowhere/my-api");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("There is no environment “nowhere”");
  });

  test("an image digest that is not in the repository is a 404", async ({ page }) => {
    const response = await page.goto(`/repositories/sandbox/my-api/images/sha256:${"0".repeat(64)}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("is not in repository “my-api”");
  });

  const malformed: Array<[what: string, path: string, reason: RegExp]> = [
    ["a malformed digest", "/repositories/sandbox/my-api/images/sha256:not-a-digest", /digest/],
    ["a non-numeric page", "/repositories/sandbox/my-api?page=abc", /page/],
    ["an unknown severity", "/repositories/sandbox/my-api?severity=FOO", /severity/],
    ["a bad service name", "/services/sandbox/production/bad%20name!", /service/],
  ];
  for (const [what, path, reason] of malformed) {
    test(`${what} is a 400 that says why`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toContain("text/html");
      const body = await response.text();
      expect(body).toContain("This address is not valid");
      expect(body).toMatch(reason);
      expect(body).not.toMatch(/at \w+ \(.*:\d+:\d+\)/);
    });
  }

  test("a 400 page keeps the app's header, navigation and styles", async ({ page }) => {
    const response = await page.goto("/repositories/sandbox/my-api?severity=FOO");
    expect(response?.status()).toBe(400);
    await expect(page.getByRole("heading", { level: 1, name: "This address is not valid" })).toBeVisible();
    await expect(page).toHaveTitle("Bad request · Steady State");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const item of ["Overview", "Repositories", "Audit"]) await expect(nav.getByRole("link", { name: item })).toBeVisible();
    await expect(page.getByTestId("user-menu")).toBeVisible();
    // The app's stylesheet is applied: the header is sticky, which no browser default does.
    expect(await page.locator("header").first().evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
  });
});
