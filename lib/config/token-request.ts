// A request for a new API token (`npm run token:new -- --name N --role R`, `npm run demo -- --token N:R`):
// the name that will stand for the token in the audit trail and its role, checked before a token is made.
// With the demo's built-in configuration, the tokens go into the configuration it hands the dashboard.
import { z } from "zod";
import { ROLES, type Role } from "@/lib/domain/roles";
import { defaultConfigFile } from "./defaults";
import type { ConfigFile } from "./schema";
import type { ApiTokenConfig } from "./types";

export const tokenRequestSchema = z.object({
  name: z.string({ error: "--name is required" }).regex(/^[A-Za-z0-9._-]{1,64}$/, "the name must be 1-64 letters, digits, '.', '_' or '-'"),
  role: z.enum(ROLES, { error: `the role must be one of ${ROLES.join(", ")}` }),
});

/** `ci-bot:viewer` → its name and role; an Error saying what is wrong otherwise. */
export function parseTokenSpec(spec: string): { name: string; role: Role } {
  const colon = spec.lastIndexOf(":");
  if (colon < 0) throw new Error(`--token ${JSON.stringify(spec)}: expected NAME:ROLE, e.g. ci-bot:viewer`);
  const parsed = tokenRequestSchema.safeParse({ name: spec.slice(0, colon), role: spec.slice(colon + 1) });
  if (!parsed.success) throw new Error(`--token ${JSON.stringify(spec)}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  return parsed.data;
}

/** The built-in demo configuration with these API tokens, as STEADYSTATE_CONFIG_JSON takes it. */
export function demoConfigWithTokens(env: Readonly<Record<string, string | undefined>>, tokens: readonly ApiTokenConfig[]): ConfigFile {
  const config = defaultConfigFile(env);
  return { ...config, auth: { ...config.auth, tokens: [...tokens] } };
}
