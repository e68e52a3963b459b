// deploymentConfiguration: REPLICA defaults (max 200 %, min 100 %, breaker off), validation, and the
// merge of a partial update into the current configuration.
import { invalidParameter } from "../core/aws-error";
import type { Input } from "../core/operation";
import { readBreakerConfig, requiredBoolean } from "./breaker-config";
import type { DeploymentConfig, DeploymentStrategy } from "./types";

const SIMULATED = new Set(["deploymentCircuitBreaker", "maximumPercent", "minimumHealthyPercent", "alarms", "strategy", "bakeTimeInMinutes"]);
const STRATEGIES = ["ROLLING", "BLUE_GREEN", "LINEAR", "CANARY"];

export function defaultDeploymentConfig(): DeploymentConfig {
  return {
    deploymentCircuitBreaker: { enable: false, rollback: false },
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    alarms: { alarmNames: [], enable: false, rollback: false },
    extra: {},
  };
}

function percent(value: unknown, key: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 2000) {
    throw invalidParameter(`deploymentConfiguration.${key} must be an integer between 0 and 2000.`);
  }
  return value;
}

/**
 * Emulator choice: LINEAR and CANARY shift traffic in steps through a load balancer, which the sandbox does
 * not model, so they are refused by name rather than silently run as something else.
 */
function readStrategy(value: unknown): DeploymentStrategy {
  if (typeof value !== "string" || !STRATEGIES.includes(value)) {
    throw invalidParameter(`deploymentConfiguration.strategy must be one of ${STRATEGIES.join(", ")}.`);
  }
  if (value === "LINEAR" || value === "CANARY") {
    throw invalidParameter(`The sandbox does not simulate the ${value} deployment strategy; use ROLLING or BLUE_GREEN.`);
  }
  return value as DeploymentStrategy;
}

function readBakeTime(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 1440) {
    throw invalidParameter("deploymentConfiguration.bakeTimeInMinutes must be an integer between 0 and 1440.");
  }
  return value;
}

/**
 * Emulator choice: a partial deploymentConfiguration is merged into the current one (members not sent
 * keep their value); AWS does not document whether omitted members reset to defaults.
 */
export function mergeDeploymentConfig(current: DeploymentConfig, patch: Input | undefined): DeploymentConfig {
  if (!patch) return current;
  const next: DeploymentConfig = {
    ...current,
    deploymentCircuitBreaker: { ...current.deploymentCircuitBreaker },
    alarms: { ...current.alarms },
    extra: { ...current.extra },
  };
  if (patch.maximumPercent != null) next.maximumPercent = percent(patch.maximumPercent, "maximumPercent");
  if (patch.minimumHealthyPercent != null) {
    next.minimumHealthyPercent = percent(patch.minimumHealthyPercent, "minimumHealthyPercent");
    if (next.minimumHealthyPercent > 100) throw invalidParameter("minimumHealthyPercent must be between 0 and 100.");
  }
  const breaker = patch.deploymentCircuitBreaker as Input | undefined | null;
  if (breaker != null) {
    next.deploymentCircuitBreaker = readBreakerConfig(breaker);
  }
  const alarms = patch.alarms as Input | undefined | null;
  if (alarms != null) {
    const names = alarms.alarmNames;
    if (!Array.isArray(names) || names.some((n) => typeof n !== "string")) {
      throw invalidParameter("alarms.alarmNames is required and must be a list of strings.");
    }
    next.alarms = {
      alarmNames: names as string[],
      enable: requiredBoolean(alarms.enable, "alarms.enable"),
      rollback: requiredBoolean(alarms.rollback, "alarms.rollback"),
    };
  }
  if (patch.strategy != null) next.strategy = readStrategy(patch.strategy);
  if (patch.bakeTimeInMinutes != null) next.bakeTimeInMinutes = readBakeTime(patch.bakeTimeInMinutes);
  if (next.strategy === "BLUE_GREEN" && next.bakeTimeInMinutes === undefined) {
    throw invalidParameter("deploymentConfiguration.bakeTimeInMinutes is required for the BLUE_GREEN deployment strategy.");
  }
  for (const [key, value] of Object.entries(patch)) {
    if (!SIMULATED.has(key) && value !== undefined && value !== null) next.extra[key] = value;
  }
  return next;
}

export function renderDeploymentConfig(config: DeploymentConfig): Input {
  return {
    deploymentCircuitBreaker: {
      ...config.deploymentCircuitBreaker,
      thresholdConfiguration: config.deploymentCircuitBreaker.thresholdConfiguration && { ...config.deploymentCircuitBreaker.thresholdConfiguration },
    },
    maximumPercent: config.maximumPercent,
    minimumHealthyPercent: config.minimumHealthyPercent,
    alarms: { ...config.alarms, alarmNames: [...config.alarms.alarmNames] },
    strategy: config.strategy,
    bakeTimeInMinutes: config.bakeTimeInMinutes,
    ...config.extra,
  };
}
