// The configuration entry point for the server: read once from STEADYSTATE_CONFIG (or the built-in demo
// setup) and memoised, so a bad file fails the first request with a message naming the field.
import { readFileSync } from "node:fs";
import { loadConfig } from "./load-config";
import type { AppConfig } from "./types";

export { ConfigError } from "./config-error";
export { demoUsersRefusal } from "./demo-users-check";
export { loadConfig, type ConfigSource } from "./load-config";
export type { ApiTokenConfig, AppConfig, AuthConfig, EnvironmentConfig, GitRepositoryLinks, NotificationTarget, OidcProviderConfig, RoleRule } from "./types";

// Kept on globalThis: Next bundles instrumentation.ts and the routes separately, and they must share
// one configuration object (the AWS runtime and its caches are keyed on it).
const KEY = Symbol.for("steady-state.config");
const holder = globalThis as typeof globalThis & { [KEY]?: AppConfig };

export function getConfig(): AppConfig {
  holder[KEY] ??= loadConfig({ env: process.env, readFile: (path) => readFileSync(path, "utf8") });
  return holder[KEY];
}
