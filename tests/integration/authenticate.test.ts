// actorFromRequest against real requests: bearer tokens (hash + map look-up), session cookies (real
// next-auth JWTs), and which one wins when both are sent.
import { describe, expect, it } from "vitest";
import { actorFromRequest } from "@/lib/auth/guards";
import { hashToken } from "@/lib/auth/tokens";
import { loadConfig } from "@/lib/config";
import { sessionCookie } from "./session-cookie";

const TOKEN = "sst_integration-token-0123456789abcdef";
const config = loadConfig({
  env: { STEADYSTATE_CONFIG: "/config.json" },
  readFile: () =>
    JSON.stringify({
      environments: [{ id: "prod", name: "Production", region: "eu-west-1", clusters: "all" }],
      auth: {
        roles: [{ role: "deployer", domains: ["example.test"] }],
        tokens: [{ name: "ci-bot", role: "viewer", sha256: hashToken(TOKEN) }],
      },
    }),
});

const request = (headers: Record<string, string>) => new Request("http://localhost/api/v1/services", { headers });

describe("actorFromRequest", () => {
  it.each([
    ["a configured token", { authorization: `Bearer ${TOKEN}` }, { kind: "token", name: "ci-bot", role: "viewer" }],
    ["a token not configured", { authorization: `Bearer ${TOKEN}0` }, null],
    ["a malformed Authorization header", { authorization: "Bearer" }, null],
    ["nothing", {}, null],
  ])("%s", async (_what, headers, expected) => {
    const actor = await actorFromRequest(request(headers), config);
    if (expected === null) expect(actor).toBeNull();
    else expect(actor).toMatchObject(expected);
  });

  it("maps a session cookie's email to its role from the configuration", async () => {
    const cookie = await sessionCookie({ provider: "oidc", name: "Dan", email: "dan@example.test", groups: [] });
    expect(await actorFromRequest(request({ cookie }), config)).toEqual({
      kind: "user",
      name: "Dan",
      email: "dan@example.test",
      provider: "oidc",
      role: "deployer",
    });
  });

  it("never lets a bad bearer token fall back to a valid cookie", async () => {
    const cookie = await sessionCookie({ provider: "oidc", name: "Dan", email: "dan@example.test", groups: [] });
    expect(await actorFromRequest(request({ cookie, authorization: "Bearer not-a-configured-token-at-all" }), config)).toBeNull();
  });

  it("rejects a demo session when this configuration has no demo users", async () => {
    const cookie = await sessionCookie({ provider: "demo", name: "Demo admin", groups: [], demoRole: "admin" });
    expect(await actorFromRequest(request({ cookie }), config)).toBeNull();
  });
});
