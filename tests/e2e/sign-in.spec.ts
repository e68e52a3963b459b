// The whole login in chromium: a real OpenID Connect provider (oidc-provider) for a person mapped to
// each role and one mapped to none, the one-click demo users, the header, and sign-out.
import { expect, test, type Page } from "@playwright/test";
import { OIDC_NAME, OIDC_USERS } from "./support/auth-fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

async function loginAtIdp(page: Page, login: string): Promise<void> {
  await page.getByRole("button", { name: `Sign in with ${OIDC_NAME}` }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

for (const login of ["ada", "dan", "vera"] as const) {
  const user = OIDC_USERS[login];
  test(`OIDC sign-in: ${user.name} gets the ${user.role} role and returns to the page asked for`, async ({ page }) => {
    await page.goto("/services/sandbox/production/my-api");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fservices%2Fsandbox%2Fproduction%2Fmy-api/);
    await loginAtIdp(page, login);
    await expect(page).toHaveURL(/\/services\/sandbox\/production\/my-api$/);
    const menu = page.getByTestId("user-menu");
    await expect(menu).toContainText(user.name);
    await expect(menu).toContainText(`via ${OIDC_NAME}`);
    await expect(menu).toContainText(user.role);
  });
}

test("OIDC sign-in: a person no rule matches sees a page saying so, and nothing else", async ({ page }) => {
  await page.goto("/");
  await loginAtIdp(page, "nora");
  await expect(page).toHaveURL(/\/no-role$/);
  await expect(page.getByRole("heading", { name: "You are signed in, but you have no role here" })).toBeVisible();
  await expect(page.getByText(OIDC_USERS.nora.email)).toBeVisible();
  await page.goto("/repositories");
  await expect(page).toHaveURL(/\/no-role$/);
  expect((await page.request.get("/api/v1/services")).status()).toBe(403);
});

test("demo users: one click signs in with that role; sign-out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Demo deployer" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("user-menu")).toContainText("Demo deployer");
  await expect(page.getByTestId("user-menu")).toContainText("via Demo user");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faudit/);
  expect((await page.request.get("/api/v1/services")).status()).toBe(401);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Demo viewer" }).click();
  await expect(page.getByTestId("user-menu")).toContainText("viewer");
  const session = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});
