import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config";

const PATH = "/etc/steadystate.json";
const ORIGIN = `STEADYSTATE_CONFIG (${PATH})`;
const environments = [
  { id: "production", name: "Production", region: "eu-west-1", clusters: "all" },
  { id: "staging", name: "Staging", region: "eu-west-1", clusters: "all" },
];
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SLACK = "https://hooks.slack.com/services/T000/B000/XXXX";

function load(notifications: unknown, env: Record<string, string> = {}) {
  return loadConfig({ env: { STEADYSTATE_CONFIG: PATH, ...env }, readFile: () => JSON.stringify({ environments, notifications }) });
}

function errorOf(notifications: unknown, env: Record<string, string> = {}): string {
  try {
    load(notifications, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

describe("notifications: valid", () => {
  it("defaults to none", () => {
    expect(loadConfig({ env: { STEADYSTATE_CONFIG: PATH }, readFile: () => JSON.stringify({ environments }) }).notifications).toEqual([]);
  });

  it("resolves a webhook's secret and a Slack URL from the environment", () => {
    const config = load(
      [
        { id: "ops-hook", kind: "webhook", url: "https://hooks.example.com/steady", secretEnv: "OPS_HOOK_SECRET", filters: { environments: ["production"], events: ["operation.finished"] } },
        { id: "slack", kind: "slack", urlEnv: "SLACK_URL", filters: { services: ["payments"] } },
        { id: "local", kind: "webhook", url: "http://127.0.0.1:9999/hook", secretEnv: "OPS_HOOK_SECRET" },
      ],
      { OPS_HOOK_SECRET: SECRET, SLACK_URL: SLACK },
    );
    expect(config.notifications).toEqual([
      { id: "ops-hook", kind: "webhook", url: "https://hooks.example.com/steady", secret: SECRET, filters: { environments: ["production"], events: ["operation.finished"] } },
      { id: "slack", kind: "slack", url: SLACK, filters: { services: ["payments"] } },
      { id: "local", kind: "webhook", url: "http://127.0.0.1:9999/hook", secret: SECRET, filters: {} },
    ]);
  });
});

describe("notifications: refused, naming the field", () => {
  const hook = { id: "hook", kind: "webhook", url: "https://hooks.example.com/x", secretEnv: "HOOK_SECRET" };
  const env = { HOOK_SECRET: SECRET };
  it.each([
    ["an unknown key", [{ ...hook, secret: SECRET }], `${ORIGIN}: notifications[0]: Unknown key "secret" (check the spelling)`],
    ["an unknown kind", [{ ...hook, kind: "teams" }], `${ORIGIN}: notifications[0].kind: Unknown kind "teams": use "slack" or "webhook"`],
    ["a bad id", [{ ...hook, id: "Ops Hook" }], `${ORIGIN}: notifications[0].id: Invalid id "Ops Hook": use 1-32 lower-case letters, digits or "-"`],
    ["plain http to a public host", [{ ...hook, url: "http://hooks.example.com/x" }], `${ORIGIN}: notifications[0].url: Must be an https:// URL (http:// only to a loopback address)`],
    ["no URL", [{ id: "s", kind: "slack" }], `${ORIGIN}: notifications[0]: Give exactly one of url and urlEnv`],
    ["a webhook without secretEnv", [{ id: "h", kind: "webhook", url: "https://h.example.com" }], `${ORIGIN}: notifications[0].secretEnv: A webhook needs secretEnv: the environment variable holding its whsec_ signing secret`],
    ["a Slack target with secretEnv", [{ id: "s", kind: "slack", url: SLACK, secretEnv: "HOOK_SECRET" }], `${ORIGIN}: notifications[0].secretEnv: Slack incoming webhooks are not signed: leave secretEnv out (keep the URL secret, e.g. with urlEnv)`],
    ["an unknown event", [{ ...hook, filters: { events: ["operation.done"] } }], `${ORIGIN}: notifications[0].filters.events[0]: Unknown event "operation.done": use operation.started, operation.finished, ecs.deployment.failed`],
    ["an unknown filter", [{ ...hook, filters: { clusters: ["x"] } }], `${ORIGIN}: notifications[0].filters: Unknown key "clusters" (check the spelling)`],
    ["a duplicate id", [hook, hook], `${ORIGIN}: notifications[1].id: Duplicate notification id "hook"`],
    ["an environment that is not configured", [{ ...hook, filters: { environments: ["staging", "prod"] } }], `${ORIGIN}: notifications[0].filters.environments[1]: Unknown environment "prod"; configured: production, staging`],
  ])("%s", (_name, notifications, message) => {
    expect(errorOf(notifications, env)).toBe(message);
  });

  it("a secretEnv that is not set", () => {
    expect(errorOf([hook])).toBe(`${ORIGIN}: notifications[0].secretEnv: the environment variable HOOK_SECRET is not set`);
  });

  it("a secret that is not whsec_<base64>, without repeating it", () => {
    const message = errorOf([hook], { HOOK_SECRET: "hunter2-hunter2-hunter2" });
    expect(message).toBe(`${ORIGIN}: notifications[0].secretEnv: the secret in HOOK_SECRET: Expected "whsec_" followed by base64`);
    expect(message).not.toContain("hunter2");
  });

  it("a URL from urlEnv that is not https", () => {
    expect(errorOf([{ id: "s", kind: "slack", urlEnv: "SLACK_URL" }], { SLACK_URL: "http://hooks.slack.com/x" })).toBe(
      `${ORIGIN}: notifications[0].urlEnv: the URL in SLACK_URL: Must be an https:// URL (http:// only to a loopback address)`,
    );
  });
});
