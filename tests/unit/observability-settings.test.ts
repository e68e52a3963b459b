// LOG_LEVEL and METRICS_PORT: what start-up accepts, and the message naming the variable when it refuses.
import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config";
import { observabilitySettings } from "@/lib/observability/settings";
import { isValidRequestId, requestIdFor } from "@/lib/observability/request-id";

describe("observabilitySettings", () => {
  it.each([
    [{}, { logLevel: "info" }],
    [{ LOG_LEVEL: "debug" }, { logLevel: "debug" }],
    [{ LOG_LEVEL: " WARN " }, { logLevel: "warn" }],
    [{ LOG_LEVEL: "silent" }, { logLevel: "silent" }],
    [{ METRICS_PORT: "9464" }, { logLevel: "info", metricsPort: 9464 }],
    [{ METRICS_PORT: "" }, { logLevel: "info" }],
    [{ METRICS_PORT: "3000", PORT: "8080" }, { logLevel: "info", metricsPort: 3000 }],
  ])("%j → %j", (env, expected) => {
    expect(observabilitySettings(env)).toEqual(expected);
  });

  it.each([
    [{ LOG_LEVEL: "verbose" }, /^LOG_LEVEL: "verbose" is not a log level; use one of fatal, error, warn, info, debug, trace, silent$/],
    [{ METRICS_PORT: "0" }, /^METRICS_PORT: "0" is not a TCP port/],
    [{ METRICS_PORT: "65536" }, /^METRICS_PORT: "65536" is not a TCP port/],
    [{ METRICS_PORT: "9464abc" }, /^METRICS_PORT: "9464abc" is not a TCP port/],
    [{ METRICS_PORT: "-1" }, /^METRICS_PORT: "-1" is not a TCP port/],
    [{ METRICS_PORT: "3000" }, /^METRICS_PORT: 3000 is the dashboard's own port/],
    [{ METRICS_PORT: "8080", PORT: "8080" }, /^METRICS_PORT: 8080 is the dashboard's own port/],
    [{ LOG_LEVEL: "loud", METRICS_PORT: "x" }, /^LOG_LEVEL: .*\nMETRICS_PORT: /],
  ])("%j is refused naming the variable", (env, message) => {
    let thrown: unknown;
    try {
      observabilitySettings(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toMatch(message);
  });
});

describe("request ids", () => {
  it.each([
    ["3f1c2b9e-6a43-4c7e-9a57-2d1a4c1e8b00", true],
    ["Root=1-67891233-abcdef012345678912345678", true],
    ["short", false],
    ["has space in it", false],
    ['forged"}\n{"level":"info', false],
    ["x".repeat(129), false],
    ["", false],
  ])("%j valid: %s", (value, valid) => {
    expect(isValidRequestId(value)).toBe(valid);
    expect(requestIdFor(value) === value).toBe(valid);
  });

  it("makes a UUID when none came", () => {
    expect(requestIdFor(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
