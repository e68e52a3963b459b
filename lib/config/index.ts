// The configuration entry point for the server: read once from STEADYSTATE_CONFIG (or the built-in demo
// setup) and memoised, so a bad file fails the first request with a message naming the field.
import { readFileSync } from "node:fs";
import { loadConfig } from "./load-config";
import type { AppConfig } from "./types";

export { ConfigError } from "./config-error";
export { loadConfig, type ConfigSource } from "./load-config";
export type { AppConfig, EnvironmentConfig, GitRepositoryLinks } from "./types";

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
  cached ??= loadConfig({ env: process.env, readFile: (path) => readFileSync(path, "utf8") });
  return cached;
}
