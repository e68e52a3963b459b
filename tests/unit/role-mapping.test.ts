import { describe, expect, it } from "vitest";
import { actorFromClaims } from "@/lib/auth/actor";
import { roleFor } from "@/lib/auth/role-mapping";
import { roleAtLeast, type Role } from "@/lib/domain/roles";
import type { AuthConfig, RoleRule } from "@/lib/config";

const rule = (role: Role, parts: Partial<Omit<RoleRule, "role">>): RoleRule => ({ role, emails: [], domains: [], groups: [], ...parts });

const RULES: RoleRule[] = [
  rule("viewer", { domains: ["example.com"] }),
  rule("deployer", { groups: ["deployers"], emails: ["dev@partner.io"] }),
  rule("admin", { emails: ["boss@example.com"], groups: ["sre"] }),
];

describe("roleFor", () => {
  it.each<[string, { email?: string; groups: string[] }, Role | null]>([
    ["a domain match", { email: "ann@example.com", groups: [] }, "viewer"],
    ["domain match is case-insensitive", { email: "Ann@EXAMPLE.com", groups: [] }, "viewer"],
    ["a subdomain is not the domain", { email: "ann@eu.example.com", groups: [] }, null],
    ["an exact email", { email: "dev@partner.io", groups: [] }, "deployer"],
    ["a group", { email: "x@elsewhere.org", groups: ["deployers"] }, "deployer"],
    ["groups are case-sensitive", { email: "x@elsewhere.org", groups: ["Deployers"] }, null],
    ["the highest of several matches wins", { email: "boss@example.com", groups: ["deployers"] }, "admin"],
    ["a domain and a group: the higher", { email: "ann@example.com", groups: ["sre"] }, "admin"],
    ["no email and no group", { groups: [] }, null],
    ["a look-alike email", { email: "boss@example.com.evil.io", groups: [] }, null],
    ["no match means no role, not viewer", { email: "who@nowhere.net", groups: ["marketing"] }, null],
  ])("%s", (_what, identity, expected) => {
    expect(roleFor(identity, RULES)).toBe(expected);
  });
});

describe("roleAtLeast", () => {
  it.each<[Role, Role, boolean]>([
    ["viewer", "viewer", true],
    ["viewer", "deployer", false],
    ["deployer", "viewer", true],
    ["deployer", "admin", false],
    ["admin", "deployer", true],
  ])("%s at least %s: %s", (role, min, expected) => {
    expect(roleAtLeast(role, min)).toBe(expected);
  });
});

describe("actorFromClaims: the role comes from the configuration of now", () => {
  const auth = (demoUsers: boolean, roles: RoleRule[] = RULES): AuthConfig => ({ demoUsers, roles, tokens: [] });
  const person = { provider: "oidc", name: "Ann", email: "ann@example.com", groups: [] };
  const demo = { provider: "demo", name: "Demo admin", groups: [], demoRole: "admin" as const };

  it.each<[string, AuthConfig, typeof person | typeof demo, Role | null]>([
    ["a person with a matching rule", auth(false), person, "viewer"],
    ["the same person once the rule is removed", auth(false, []), person, null],
    ["a demo user while demo users are on", auth(true), demo, "admin"],
    ["a demo user's old session once demo users are off", auth(false), demo, null],
  ])("%s", (_what, config, claims, expected) => {
    expect(actorFromClaims(claims, config)?.role ?? null).toBe(expected);
  });
});
