// Start-up errors that name the source and the field, e.g.
// `STEADYSTATE_CONFIG (/etc/ss.json): environments[0].region: Invalid region "mars-1"`.
import type { z } from "zod";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** `["environments", 0, "region"]` → `environments[0].region`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    return text === "" ? String(key) : `${text}.${String(key)}`;
  }, "");
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `Unknown ${issue.keys.length === 1 ? "key" : "keys"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} (check the spelling)`;
  }
  // zod says "expected number, received undefined" for a missing member; say it plainly.
  if (issue.code === "invalid_type" && issue.message.endsWith("received undefined")) {
    return `Required (expected ${issue.expected})`;
  }
  return issue.message;
}

/** One line per issue, each prefixed with where the configuration came from. */
export function configErrorFromIssues(origin: string, issues: readonly z.core.$ZodIssue[]): ConfigError {
  const lines = issues.map((issue) => {
    const where = formatPath(issue.path);
    return `${origin}: ${where === "" ? "" : `${where}: `}${describeIssue(issue)}`;
  });
  return new ConfigError(lines.join("\n"));
}
