// Sessions and tokens that must not get in: a tampered or expired session cookie, a wrong, revoked or
// malformed token. And a valid token reads the API and the pages.
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { NEXTAUTH_SECRET, TOKENS } from "./support/auth-fixtures";
import { signInAsDemo } from "./support/sign-in";

test.use({ storageState: { cookies: [], origins: [] } });

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const claims = { name: "Demo admin", email: "admin@demo.steadystate.invalid", provider: "demo", groups: [], demoRole: "admin" };

test("a valid token reads the API and the pages as its own actor", async ({ request }) => {
  expect((await request.get("/api/v1/services", { headers: bearer(TOKENS.viewer.token) })).status()).toBe(200);
  const page = await request.get("/audit", { headers: bearer(TOKENS.viewer.token), maxRedirects: 0 });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain(TOKENS.viewer.name);
});

for (const [what, header, message] of [
  ["a revoked token", `Bearer ${TOKENS.revoked.token}`, /^This token is not recognised/],
  ["a wrong token", `Bearer ${TOKENS.viewer.token}x`, /^This token is not recognised/],
  ["a token that is not one of ours", "Bearer ghp_notOneOfOurs", /^This token is not recognised/],
  ["a malformed header", "Bearer", /^The Authorization header is not a bearer token/],
  ["another scheme", `Basic ${Buffer.from("a:b").toString("base64")}`, /^The Authorization header is not a bearer token/],
] as const) {
  test(`${what} is answered 401 saying what is wrong with it`, async ({ request }) => {
    const response = await request.get("/api/v1/services", { headers: { Authorization: header } });
    expect(response.status()).toBe(401);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("unauthenticated");
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/Sign in/);
  });
}

test("a page asked for with an unknown token answers 401 'not recognised', not a sign-in redirect", async ({ request }) => {
  const response = await request.get("/audit", { headers: bearer(TOKENS.revoked.token), maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(await response.text()).toMatch(/^This token is not recognised/);
});

test("no credentials at all is still 'Sign in first'", async ({ request }) => {
  const response = await request.get("/api/v1/services");
  expect(response.status()).toBe(401);
  expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^Sign in first/);
});

test("a tampered session cookie is rejected", async ({ playwright, baseURL }) => {
  const context = await playwright.request.newContext({ baseURL });
  await signInAsDemo(context, "viewer");
  const state = await context.storageState();
  const session = state.cookies.find((c) => c.name === "next-auth.session-token");
  expect(session).toBeDefined();
  const value = session?.value ?? "";
  const middle = Math.floor(value.length / 2);
  const tampered = value.slice(0, middle) + (value[middle] === "A" ? "B" : "A") + value.slice(middle + 1);
  const response = await context.get("/api/v1/services", { headers: { Cookie: `next-auth.session-token=${tampered}` } });
  expect(response.status()).toBe(401);
  await context.dispose();
});

test("an expired session cookie is rejected, while the same claims unexpired are accepted", async ({ request }) => {
  const expired = await encode({ token: claims, secret: NEXTAUTH_SECRET, maxAge: -3600 });
  const fresh = await encode({ token: claims, secret: NEXTAUTH_SECRET, maxAge: 3600 });
  const cookie = (jwt: string) => ({ Cookie: `next-auth.session-token=${jwt}` });
  expect((await request.get("/api/v1/services", { headers: cookie(expired) })).status()).toBe(401);
  expect((await request.get("/api/v1/services", { headers: cookie(fresh) })).status()).toBe(200);
});
