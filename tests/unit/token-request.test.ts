import { describe, expect, it } from "vitest";
import { newToken, tokenActor } from "@/lib/auth/tokens";
import { loadConfig } from "@/lib/config/load-config";
import { demoConfigWithTokens, parseTokenSpec } from "@/lib/config/token-request";

describe("parseTokenSpec", () => {
  it.each([
    ["ci-bot:viewer", { name: "ci-bot", role: "viewer" }],
    ["release.bot_2:deployer", { name: "release.bot_2", role: "deployer" }],
    ["ops:admin", { name: "ops", role: "admin" }],
  ])("%s", (spec, expected) => {
    expect(parseTokenSpec(spec)).toEqual(expected);
  });

  it.each([
    ["ci-bot", /expected NAME:ROLE/],
    ["ci-bot:root", /the role must be one of viewer, deployer, admin/],
    [":viewer", /the name must be 1-64/],
    ["ci bot:viewer", /the name must be 1-64/],
    [`${"x".repeat(65)}:viewer`, /the name must be 1-64/],
  ])("refuses %s", (spec, message) => {
    expect(() => parseTokenSpec(spec)).toThrow(message);
  });
});

describe("demoConfigWithTokens", () => {
  it("is the built-in demo configuration, as STEADYSTATE_CONFIG_JSON, accepting exactly the tokens made", () => {
    const { token, entry } = newToken("ci-bot", "deployer");
    const env = { STEADYSTATE_CONFIG_JSON: JSON.stringify(demoConfigWithTokens({}, [entry])) };
    const config = loadConfig({ env });
    expect(config.auth.demoUsers).toBe(true);
    expect(config.environments.map((e) => e.id)).toEqual(["sandbox"]);
    expect(tokenActor(token, config.auth)).toEqual({ kind: "token", name: "ci-bot", provider: "token", role: "deployer" });
    expect(tokenActor(newToken("other", "viewer").token, config.auth)).toBeNull();
  });
});
