// Turns a configuration source (environment + file reader) into a validated AppConfig, or a ConfigError
// that names the source and the field. Pure given its inputs, so tests pass a fake env and reader.
import { resolveAuthSecrets } from "./auth-secrets";
import { configErrorFromIssues, ConfigError } from "./config-error";
import { resolveNotifications } from "./notification-secrets";
import { defaultConfigFile } from "./defaults";
import { configFileSchema } from "./schema";
import type { AppConfig } from "./types";

export interface ConfigSource {
  /** `process.env`, or a plain object in tests (Next's ProcessEnv typing would demand NODE_ENV). */
  env: Readonly<Record<string, string | undefined>>;
  readFile?: (path: string) => string;
}

function readJson(origin: string, path: string, readFile: ConfigSource["readFile"]): unknown {
  if (!readFile) throw new ConfigError(`${origin}: no file reader was given`);
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    throw new ConfigError(`${origin}: cannot read the file: ${(error as Error).message}`);
  }
  return parseJson(origin, text);
}

function parseJson(origin: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${origin}: not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Where the configuration comes from: a file (STEADYSTATE_CONFIG, for a mounted volume or a laptop), the
 * JSON itself (STEADYSTATE_CONFIG_JSON, for an ECS task whose secrets and SSM parameters arrive only as
 * environment variables), or neither (the built-in demo). Both at once is ambiguous, so it is refused.
 */
function readSource(source: ConfigSource): { origin: string; raw: unknown } {
  const path = source.env.STEADYSTATE_CONFIG?.trim();
  const inline = source.env.STEADYSTATE_CONFIG_JSON?.trim();
  if (path && inline) throw new ConfigError("STEADYSTATE_CONFIG and STEADYSTATE_CONFIG_JSON are both set: set one of them");
  if (inline) return { origin: "STEADYSTATE_CONFIG_JSON", raw: parseJson("STEADYSTATE_CONFIG_JSON", inline) };
  if (path) {
    const origin = `STEADYSTATE_CONFIG (${path})`;
    return { origin, raw: readJson(origin, path, source.readFile) };
  }
  return { origin: "built-in demo configuration (STEADYSTATE_CONFIG is not set)", raw: defaultConfigFile(source.env) };
}

export function loadConfig(source: ConfigSource): AppConfig {
  const { origin, raw } = readSource(source);

  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw configErrorFromIssues(origin, parsed.error.issues);
  const { tagPattern, auth, notifications, ...rest } = parsed.data;
  return {
    ...rest,
    tagPattern: tagPattern.patterns,
    tagPatternSource: tagPattern.sources,
    auth: resolveAuthSecrets(origin, auth, source.env),
    notifications: resolveNotifications(origin, notifications, rest.environments.map((e) => e.id), source.env),
  };
}
