// Turns a configuration source (environment + file reader) into a validated AppConfig, or a ConfigError
// that names the source and the field. Pure given its inputs, so tests pass a fake env and reader.
import { resolveAuthSecrets } from "./auth-secrets";
import { configErrorFromIssues, ConfigError } from "./config-error";
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
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${origin}: not valid JSON: ${(error as Error).message}`);
  }
}

export function loadConfig(source: ConfigSource): AppConfig {
  const path = source.env.STEADYSTATE_CONFIG?.trim();
  const origin = path ? `STEADYSTATE_CONFIG (${path})` : "built-in demo configuration (STEADYSTATE_CONFIG is not set)";
  const raw = path ? readJson(origin, path, source.readFile) : defaultConfigFile(source.env);

  const parsed = configFileSchema.safeParse(raw);
  if (!parsed.success) throw configErrorFromIssues(origin, parsed.error.issues);
  const { tagPattern, auth, ...rest } = parsed.data;
  return { ...rest, tagPattern: tagPattern.pattern, tagPatternSource: tagPattern.source, auth: resolveAuthSecrets(origin, auth, source.env) };
}
