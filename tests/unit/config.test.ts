import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigError, loadConfig } from "@/lib/config";

const PATH = "/etc/steadystate.json";
const ORIGIN = `STEADYSTATE_CONFIG (${PATH})`;

function load(file: unknown) {
  const text = typeof file === "string" ? file : JSON.stringify(file);
  return loadConfig({ env: { STEADYSTATE_CONFIG: PATH }, readFile: () => text });
}

function errorOf(file: unknown): string {
  try {
    load(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}

const env = { id: "prod", name: "Production", region: "eu-west-1", clusters: ["production"] };

describe("loadConfig: built-in demo configuration", () => {
  it("is the sandbox environment with defaults when STEADYSTATE_CONFIG is not set", () => {
    const config = loadConfig({ env: {} });
    expect(config.environments).toEqual([
      { id: "sandbox", name: "Sandbox", region: "ap-south-1", accountId: "123456789012", clusters: "all" },
    ]);
    expect(config.tagPatternSource).toEqual(["^prod-(?<sha>[0-9a-f]{7,40})$", "^sha-(?<sha>[0-9a-f]{7,40})$"]);
    expect(config.git.byRepository["my-api"]).toEqual({
      commitUrl: "https://github.com/example/my-api/commit/{sha}",
      compareUrl: "https://github.com/example/my-api/compare/{base}...{head}",
    });
    expect(config.cache).toEqual({ mutableTtlMs: 5000, immutableMaxEntries: 5000 });
    expect(config.aws).toEqual({ maxConcurrency: 16, requestTimeoutMs: 10_000 });
    expect(config.ui).toEqual({ refreshIntervalMs: 5000, stuckAfterMs: 1_800_000 });
    expect(config.deploy).toEqual({ pollIntervalMs: 1000, followTimeoutMs: 1_800_000, leaseTtlMs: 10_000 });
  });

  it("takes its region from AWS_REGION", () => {
    expect(loadConfig({ env: { AWS_REGION: "us-east-1" } }).environments[0]?.region).toBe("us-east-1");
  });

  it("names AWS_REGION's origin when it is not a region", () => {
    expect(() => loadConfig({ env: { AWS_REGION: "mars-1" } })).toThrow(
      'built-in demo configuration (STEADYSTATE_CONFIG is not set): environments[0].region: Invalid region "mars-1"',
    );
  });
});

describe("loadConfig: valid files", () => {
  it("fills defaults and compiles the tag pattern", () => {
    const config = load({ environments: [env] });
    expect(config.environments).toEqual([env]);
    expect(config.tagPattern.map((p) => p.test("prod-0123456"))).toEqual([true]);
    expect(config.git).toEqual({ byRepository: {} });
    expect(config.ui.stuckAfterMs).toBe(1_800_000);
  });

  it("keeps every documented field", () => {
    const links = { commitUrl: "https://github.com/acme/{repository}/commit/{sha}", compareUrl: "https://github.com/acme/{repository}/compare/{base}...{head}" };
    const config = load({
      environments: [
        { ...env, accountId: "210987654321", roleArn: "arn:aws:iam::210987654321:role/steadystate-read" },
        { id: "staging-2", name: "Staging", region: "us-gov-west-1", clusters: "all" },
      ],
      tagPattern: "^release-(?<sha>[0-9a-f]{40})$",
      git: { byRepository: { "team/api": links }, default: links },
      cache: { mutableTtlMs: 0, immutableMaxEntries: 100 },
      aws: { maxConcurrency: 4, requestTimeoutMs: 2000 },
      ui: { refreshIntervalMs: 2000, stuckAfterMs: 600_000 },
      deploy: { pollIntervalMs: 500, followTimeoutMs: 600_000, leaseTtlMs: 5000 },
    });
    expect(config.environments[0]?.roleArn).toBe("arn:aws:iam::210987654321:role/steadystate-read");
    expect(config.tagPatternSource).toEqual(["^release-(?<sha>[0-9a-f]{40})$"]);
    expect(config.git.byRepository["team/api"]).toEqual(links);
    expect(config.cache).toEqual({ mutableTtlMs: 0, immutableMaxEntries: 100 });
    expect(config.aws).toEqual({ maxConcurrency: 4, requestTimeoutMs: 2000 });
    expect(config.ui).toEqual({ refreshIntervalMs: 2000, stuckAfterMs: 600_000 });
    expect(config.deploy).toEqual({ pollIntervalMs: 500, followTimeoutMs: 600_000, leaseTtlMs: 5000 });
  });

  it("fills missing members of a partly given section", () => {
    expect(load({ environments: [env], ui: { refreshIntervalMs: 3000 } }).ui).toEqual({ refreshIntervalMs: 3000, stuckAfterMs: 1_800_000 });
  });
});

describe("loadConfig: invalid files name the field and the problem", () => {
  it.each([
    [{ environments: [{ ...env, region: "mars-1" }] }, 'environments[0].region: Invalid region "mars-1"'],
    [{ environments: [] }, "environments: Configure at least one environment"],
    [{}, "environments: Required (expected array)"],
    [{ environments: [env, { ...env, name: "Again" }] }, 'environments[1].id: Duplicate environment id "prod"'],
    [{ environments: [{ ...env, id: "Prod Env" }] }, 'environments[0].id: Invalid id "Prod Env"'],
    [{ environments: [{ ...env, id: "x".repeat(33) }] }, "environments[0].id: Invalid id"],
    [{ environments: [{ ...env, name: " " }] }, "environments[0].name: Must not be empty"],
    [{ environments: [{ ...env, accountId: "1234" }] }, 'environments[0].accountId: Invalid account id "1234": expected 12 digits'],
    [{ environments: [{ ...env, roleArn: "steadystate" }] }, 'environments[0].roleArn: Invalid role ARN "steadystate"'],
    [{ environments: [{ ...env, clusters: "some" }] }, 'environments[0].clusters: Expected "all" or a list of cluster names'],
    [{ environments: [{ ...env, clusters: [] }] }, 'environments[0].clusters: List at least one cluster, or use "all"'],
    [{ environments: [{ ...env, clusters: ["a", "a"] }] }, "environments[0].clusters: Cluster names must be unique"],
    [{ environments: [{ ...env, clusters: ["bad name"] }] }, 'environments[0].clusters[0]: Invalid cluster name "bad name"'],
    [{ environments: [{ ...env, regoin: "eu-west-1" }] }, 'environments[0]: Unknown key "regoin" (check the spelling)'],
    [{ environments: [env], tagPatern: "x" }, `${ORIGIN}: Unknown key "tagPatern" (check the spelling)`],
    [{ environments: [env], tagPattern: "^prod-([0-9a-f]+)$" }, 'tagPattern: Tag pattern "^prod-([0-9a-f]+)$" has no named group "sha"'],
    [{ environments: [env], tagPattern: "^prod-(?<sha>[0-9a-f]+$" }, 'tagPattern: Invalid tag pattern "^prod-(?<sha>[0-9a-f]+$"'],
    [{ environments: [env], tagPattern: 7 }, "tagPattern: Expected a regular expression, or a list of them, with a named group sha"],
    [{ environments: [env], tagPattern: [] }, "tagPattern: List at least one tag pattern"],
    [{ environments: [env], tagPattern: ["^prod-(?<sha>[0-9a-f]+)$", "^sha-([0-9a-f]+)$"] }, 'tagPattern[1]: Tag pattern "^sha-([0-9a-f]+)$" has no named group "sha"'],
    [
      { environments: [env], git: { byRepository: { web: { commitUrl: "https://x/{commit}", compareUrl: "https://x/{base}...{head}" } } } },
      "git.byRepository.web.commitUrl: Unknown placeholder {commit}; allowed: {sha}, {repository}",
    ],
    [
      { environments: [env], git: { default: { commitUrl: "javascript:alert(1)", compareUrl: "https://x/{base}...{head}" } } },
      'git.default.commitUrl: Invalid URL template "javascript:alert(1)": must start with https:// or http://',
    ],
    [{ environments: [env], git: { byRepository: { web: { commitUrl: "https://x/{sha}" } } } }, "git.byRepository.web.compareUrl: Required (expected string)"],
    [{ environments: [env], cache: { mutableTtlMs: 1.5 } }, "cache.mutableTtlMs: Expected a whole number"],
    [{ environments: [env], aws: { maxConcurrency: 0 } }, "aws.maxConcurrency: Too small: expected number to be >=1"],
    [{ environments: [env], aws: { requestTimeoutMs: "10s" } }, "aws.requestTimeoutMs: Invalid input: expected number, received string"],
    [{ environments: [env], ui: { refreshIntervalMs: 100 } }, "ui.refreshIntervalMs: Too small: expected number to be >=1000"],
    [{ environments: [env], ui: { stuckAfterMs: 1000 } }, "ui.stuckAfterMs: Too small: expected number to be >=60000"],
    [{ environments: [env], deploy: { pollIntervalMs: 10 } }, "deploy.pollIntervalMs: Too small: expected number to be >=250"],
    [{ environments: [env], deploy: { followTimeoutMs: 1000 } }, "deploy.followTimeoutMs: Too small: expected number to be >=60000"],
    [{ environments: [env], deploy: { leaseTtl: 1000 } }, 'deploy: Unknown key "leaseTtl" (check the spelling)'],
    [[env], "Invalid input: expected object, received array"],
  ])("%j → %s", (file, expected) => {
    const message = errorOf(file);
    expect(message).toContain(expected);
    expect(message.startsWith(`${ORIGIN}: `)).toBe(true);
  });

  it("reports every problem, one per line", () => {
    const lines = errorOf({ environments: [{ ...env, region: "mars-1", accountId: "x" }], cache: { extra: 1 } }).split("\n");
    expect(lines).toEqual([
      `${ORIGIN}: environments[0].region: Invalid region "mars-1"`,
      `${ORIGIN}: environments[0].accountId: Invalid account id "x": expected 12 digits`,
      `${ORIGIN}: cache: Unknown key "extra" (check the spelling)`,
    ]);
  });

  it.each([
    ["{ not json", `${ORIGIN}: not valid JSON: `],
    ["", `${ORIGIN}: not valid JSON: `],
  ])("rejects unparsable text %j", (text, expected) => {
    expect(errorOf(text)).toContain(expected);
  });

  it("names the file it cannot read", () => {
    const read = () => {
      throw new Error("ENOENT: no such file or directory, open '/etc/steadystate.json'");
    };
    expect(() => loadConfig({ env: { STEADYSTATE_CONFIG: PATH }, readFile: read })).toThrow(`${ORIGIN}: cannot read the file: ENOENT`);
  });

  it("needs a file reader when a file is named", () => {
    expect(() => loadConfig({ env: { STEADYSTATE_CONFIG: PATH } })).toThrow(ConfigError);
  });
});

describe("loadConfig: STEADYSTATE_CONFIG_JSON (the configuration itself, for ECS secrets)", () => {
  const json = JSON.stringify({ environments: [env] });

  it("reads the configuration from the variable, without a file", () => {
    const config = loadConfig({ env: { STEADYSTATE_CONFIG_JSON: json } });
    expect(config.environments.map((e) => e.id)).toEqual(["prod"]);
  });

  it.each([
    ["not JSON", { STEADYSTATE_CONFIG_JSON: "{ nope" }, "STEADYSTATE_CONFIG_JSON: not valid JSON: "],
    ["a bad field, named with its origin", { STEADYSTATE_CONFIG_JSON: JSON.stringify({ environments: [{ ...env, region: "mars-1" }] }) }, 'STEADYSTATE_CONFIG_JSON: environments[0].region: Invalid region "mars-1"'],
    ["both it and a file", { STEADYSTATE_CONFIG_JSON: json, STEADYSTATE_CONFIG: PATH }, "STEADYSTATE_CONFIG and STEADYSTATE_CONFIG_JSON are both set: set one of them"],
  ])("refuses %s", (_what, vars, expected) => {
    expect(() => loadConfig({ env: vars, readFile: () => json })).toThrow(expected);
  });

  it("treats a blank value as unset", () => {
    expect(loadConfig({ env: { STEADYSTATE_CONFIG_JSON: "  " } }).environments[0]?.id).toBe("sandbox");
  });
});

describe("getConfig", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("loads once and returns the same configuration afterwards", async () => {
    vi.resetModules();
    vi.stubEnv("STEADYSTATE_CONFIG", "");
    vi.stubEnv("AWS_REGION", "eu-north-1");
    const { getConfig } = await import("@/lib/config");
    const first = getConfig();
    vi.stubEnv("AWS_REGION", "us-west-2");
    expect(getConfig()).toBe(first);
    expect(first.environments[0]?.region).toBe("eu-north-1");
  });
});
