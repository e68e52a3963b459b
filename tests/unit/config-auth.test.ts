import { describe, expect, it } from "vitest";
import { authStartupRefusal } from "@/lib/auth/startup-refusal";
import { ConfigError, demoUsersRefusal, loadConfig } from "@/lib/config";

const PATH = "/etc/steadystate.json";
const environments = [{ id: "prod", name: "Production", region: "eu-west-1", clusters: "all" }];
const HASH = "a".repeat(64);

function load(auth: unknown, env: Record<string, string> = {}) {
  return loadConfig({ env: { STEADYSTATE_CONFIG: PATH, ...env }, readFile: () => JSON.stringify({ environments, auth }) });
}

function errorOf(auth: unknown, env: Record<string, string> = {}): string {
  try {
    load(auth, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

const oidc = { issuer: "https://login.example.com", clientId: "steady", clientSecret: "s3cret" };

describe("auth section: valid", () => {
  it("defaults to no providers, no demo users, no rules and no tokens", () => {
    expect(loadConfig({ env: { STEADYSTATE_CONFIG: PATH }, readFile: () => JSON.stringify({ environments }) }).auth).toEqual({
      demoUsers: false,
      roles: [],
      tokens: [],
    });
  });

  it.each([
    ["inline OIDC secret", { oidc }, {}, { name: "Single sign-on", scope: "openid email profile", clientSecret: "s3cret" }],
    [
      "OIDC secret from the environment",
      { oidc: { ...oidc, clientSecret: undefined, clientSecretEnv: "OIDC_SECRET", groupsClaim: "groups", name: "Okta" } },
      { OIDC_SECRET: "from-env" },
      { name: "Okta", clientSecret: "from-env", groupsClaim: "groups" },
    ],
  ])("%s", (_what, auth, env, expected) => {
    expect(load(auth, env).auth.oidc).toMatchObject(expected);
  });

  it("lower-cases emails and domains in role rules and keeps groups as written", () => {
    const { roles } = load({ roles: [{ role: "admin", emails: ["Boss@Example.com"], domains: ["Example.COM"], groups: ["SRE"] }] }).auth;
    expect(roles).toEqual([{ role: "admin", emails: ["boss@example.com"], domains: ["example.com"], groups: ["SRE"] }]);
  });

  it("reads GitHub with organisations", () => {
    expect(load({ github: { clientId: "id", clientSecret: "s", organizations: ["acme"] } }).auth.github).toEqual({
      clientId: "id",
      clientSecret: "s",
      organizations: ["acme"],
    });
  });
});

describe("auth section: errors name the field", () => {
  it.each([
    [{ demoUser: true }, 'auth: Unknown key "demoUser"'],
    [{ oidc: { ...oidc, issuer: "ftp://x" } }, "auth.oidc.issuer: Invalid issuer URL"],
    [{ oidc: { ...oidc, clientSecretEnv: "X" } }, "auth.oidc: Give exactly one of clientSecret and clientSecretEnv"],
    [{ oidc: { ...oidc, clientSecret: undefined } }, "auth.oidc: Give exactly one of clientSecret and clientSecretEnv"],
    [{ oidc: { ...oidc, clientSecret: undefined, clientSecretEnv: "MISSING_SECRET" } }, "auth.oidc.clientSecretEnv: the environment variable MISSING_SECRET is not set"],
    [{ oidc: { ...oidc, scope: "email" } }, 'auth.oidc.scope: Must start with "openid"'],
    [{ roles: [{ role: "owner", emails: ["a@b.c"] }] }, 'auth.roles[0].role: Unknown role "owner"'],
    [{ roles: [{ role: "viewer" }] }, "auth.roles[0]: A rule needs at least one email, domain or group"],
    [{ roles: [{ role: "viewer", emails: ["not-an-email"] }] }, 'auth.roles[0].emails[0]: Invalid email "not-an-email"'],
    [{ roles: [{ role: "viewer", domains: ["@example.com"] }] }, "auth.roles[0].domains[0]: Invalid domain"],
    [{ tokens: [{ name: "ci", role: "viewer", sha256: "abc" }] }, "auth.tokens[0].sha256: Expected the SHA-256"],
    [{ tokens: [{ name: "ci", role: "viewer", token: "plain" , sha256: HASH }] }, 'auth.tokens[0]: Unknown key "token"'],
    [{ tokens: [{ name: "ci bot", role: "viewer", sha256: HASH }] }, 'auth.tokens[0].name: Invalid token name "ci bot"'],
    [
      { tokens: [{ name: "ci", role: "viewer", sha256: HASH }, { name: "ci", role: "admin", sha256: "b".repeat(64) }] },
      'auth.tokens[1].name: Duplicate token name "ci"',
    ],
    [{ github: { clientId: "x", clientSecret: "y", organizations: ["bad org"] } }, "auth.github.organizations[0]: Invalid organisation name"],
  ])("%j → %s", (auth, message) => {
    expect(errorOf(auth)).toContain(`STEADYSTATE_CONFIG (${PATH}): ${message}`);
  });
});

describe("demo users only against a loopback sandbox", () => {
  const demo = { auth: { demoUsers: true, roles: [], tokens: [] } };
  const local = "http://127.0.0.1:4566";
  it.each<[string, Record<string, string>, RegExp | null]>([
    ["both endpoints on 127.0.0.1", { AWS_ENDPOINT_URL_ECS: local, AWS_ENDPOINT_URL_ECR: local }, null],
    ["localhost and ::1", { AWS_ENDPOINT_URL_ECS: "http://localhost:4566", AWS_ENDPOINT_URL_ECR: "http://[::1]:4566" }, null],
    ["the global endpoint variable", { AWS_ENDPOINT_URL: local }, null],
    ["no endpoint: real AWS", {}, /AWS_ENDPOINT_URL_ECS is not set/],
    ["ECR at real AWS", { AWS_ENDPOINT_URL_ECS: local, AWS_ENDPOINT_URL_ECR: "https://api.ecr.eu-west-1.amazonaws.com" }, /AWS_ENDPOINT_URL_ECR=https:\/\/api\.ecr.* is not a loopback address/],
    ["a look-alike host", { AWS_ENDPOINT_URL_ECS: "http://127.0.0.1.evil.io", AWS_ENDPOINT_URL_ECR: local }, /not a loopback address/],
    ["a LAN address", { AWS_ENDPOINT_URL_ECS: "http://10.0.0.5:4566", AWS_ENDPOINT_URL_ECR: local }, /not a loopback address/],
    ["not a URL", { AWS_ENDPOINT_URL_ECS: "127.0.0.1:4566", AWS_ENDPOINT_URL_ECR: local }, /not a loopback address/],
  ])("%s", (_what, env, refusal) => {
    const reason = demoUsersRefusal(demo, env);
    if (refusal === null) expect(reason).toBeNull();
    else expect(reason).toMatch(refusal);
  });

  it("has nothing to say when demo users are off", () => {
    expect(demoUsersRefusal({ auth: { demoUsers: false, roles: [], tokens: [] } }, {})).toBeNull();
  });
});

describe("authStartupRefusal", () => {
  const config = load({});
  const secret = "x".repeat(32);
  it.each<[Record<string, string>, RegExp | null]>([
    [{ NEXTAUTH_SECRET: secret, NEXTAUTH_URL: "https://ss.example.com" }, null],
    [{ NEXTAUTH_URL: "https://ss.example.com" }, /NEXTAUTH_SECRET must be set/],
    [{ NEXTAUTH_SECRET: "short", NEXTAUTH_URL: "https://ss.example.com" }, /at least 32 characters/],
    [{ NEXTAUTH_SECRET: secret }, /NEXTAUTH_URL must be set/],
  ])("%j", (env, refusal) => {
    const reason = authStartupRefusal(config, env);
    if (refusal === null) expect(reason).toBeNull();
    else expect(reason).toMatch(refusal);
  });
});

describe("the built-in demo configuration", () => {
  it("enables demo users (start-up still refuses them unless AWS is a loopback sandbox)", () => {
    expect(loadConfig({ env: {} }).auth).toEqual({ demoUsers: true, roles: [], tokens: [] });
  });
});
