// deploymentCircuitBreaker as UpdateService/CreateService take it (§3.4, §8.4): enable and rollback
// (both required), resetOnHealthyTask (default true) and thresholdConfiguration (default
// BOUNDED_PERCENT 50), plus the threshold a deployment of `desiredCount` tasks trips at.
import { invalidParameter } from "../core/aws-error";
import type { Input } from "../core/operation";
import type { DeploymentCircuitBreakerConfig } from "./types";

const THRESHOLD_TYPES = ["COUNT", "BOUNDED_PERCENT", "UNBOUNDED_PERCENT"] as const;

export function requiredBoolean(value: unknown, key: string): boolean {
  if (typeof value !== "boolean") throw invalidParameter(`${key} is required and must be a boolean.`);
  return value;
}

function readThreshold(value: unknown): DeploymentCircuitBreakerConfig["thresholdConfiguration"] {
  if (value === undefined || value === null) return undefined;
  const input = value as Input;
  const type = input.type;
  if (typeof value !== "object" || !THRESHOLD_TYPES.includes(type as (typeof THRESHOLD_TYPES)[number])) {
    throw invalidParameter(`deploymentCircuitBreaker.thresholdConfiguration.type must be one of ${THRESHOLD_TYPES.join(", ")}.`);
  }
  const amount = input.value;
  const max = type === "COUNT" ? 10_000 : 100;
  if (typeof amount !== "number" || !Number.isInteger(amount) || amount < 1 || amount > max) {
    throw invalidParameter(`deploymentCircuitBreaker.thresholdConfiguration.value must be an integer between 1 and ${max} for ${String(type)}.`);
  }
  return { type: type as (typeof THRESHOLD_TYPES)[number], value: amount };
}

export function readBreakerConfig(input: Input): DeploymentCircuitBreakerConfig {
  const config: DeploymentCircuitBreakerConfig = {
    enable: requiredBoolean(input.enable, "deploymentCircuitBreaker.enable"),
    rollback: requiredBoolean(input.rollback, "deploymentCircuitBreaker.rollback"),
  };
  if (input.resetOnHealthyTask != null) config.resetOnHealthyTask = requiredBoolean(input.resetOnHealthyTask, "deploymentCircuitBreaker.resetOnHealthyTask");
  const threshold = readThreshold(input.thresholdConfiguration);
  if (threshold) config.thresholdConfiguration = threshold;
  return config;
}

/**
 * BOUNDED_PERCENT (default 50): clamp(value % × D, 3, 200), the classic rule; UNBOUNDED_PERCENT: value % × D
 * with no clamp (at least 1); COUNT: the value itself. Emulator choice: percentages are rounded up.
 */
export function breakerThreshold(config: DeploymentCircuitBreakerConfig, desiredCount: number): number {
  const { type, value } = config.thresholdConfiguration ?? { type: "BOUNDED_PERCENT", value: 50 };
  if (type === "COUNT") return value;
  const share = Math.ceil((value * desiredCount) / 100);
  return type === "UNBOUNDED_PERCENT" ? Math.max(1, share) : Math.min(200, Math.max(3, share));
}
