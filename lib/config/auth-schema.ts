// The `auth` section of the configuration: sign-in providers, demo users, role rules and API tokens.
// Secrets may be given inline or, better, named by an environment variable (`clientSecretEnv`); the
// loader resolves those (lib/config/auth-secrets.ts) so the rest of the app sees one shape.
import { z } from "zod";
import { ROLES } from "@/lib/domain/roles";

const quoted = (input: unknown) => JSON.stringify(input);
const ENV_NAME = /^[A-Z_][A-Z0-9_]{0,127}$/;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const role = z.enum(ROLES, { error: (iss) => `Unknown role ${quoted(iss.input)}: use ${ROLES.join(", ")}` });

const secret = {
  clientSecret: z.string().min(1, "Must not be empty").optional(),
  clientSecretEnv: z
    .string()
    .regex(ENV_NAME, { error: (iss) => `Invalid environment variable name ${quoted(iss.input)}` })
    .optional(),
};
const oneSecret = (value: { clientSecret?: string; clientSecretEnv?: string }) =>
  (value.clientSecret === undefined) !== (value.clientSecretEnv === undefined);
const ONE_SECRET = { message: "Give exactly one of clientSecret and clientSecretEnv" };

const oidc = z
  .strictObject({
    name: z.string().trim().min(1).max(40).default("Single sign-on"),
    issuer: z.url({ protocol: /^https?$/, error: (iss) => `Invalid issuer URL ${quoted(iss.input)}` }),
    clientId: z.string().min(1, "Must not be empty"),
    ...secret,
    scope: z.string().regex(/^openid( [\x21-\x7e]+)*$/, 'Must start with "openid", space-separated').default("openid email profile"),
    groupsClaim: z.string().min(1).max(100).optional(),
  })
  .refine(oneSecret, ONE_SECRET);

const github = z
  .strictObject({
    clientId: z.string().min(1, "Must not be empty"),
    ...secret,
    organizations: z.array(z.string().regex(/^[A-Za-z0-9-]{1,39}$/, "Invalid organisation name")).default([]),
  })
  .refine(oneSecret, ONE_SECRET);

const lower = (s: string) => s.toLowerCase();

const roleRule = z
  .strictObject({
    role,
    emails: z.array(z.string().regex(EMAIL, { error: (iss) => `Invalid email ${quoted(iss.input)}` }).transform(lower)).default([]),
    domains: z.array(z.string().transform(lower).pipe(z.string().regex(DOMAIN, "Invalid domain"))).default([]),
    groups: z.array(z.string().min(1)).default([]),
  })
  .refine((r) => r.emails.length + r.domains.length + r.groups.length > 0, "A rule needs at least one email, domain or group");

const token = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { error: (iss) => `Invalid token name ${quoted(iss.input)}: 1-64 letters, digits, ".", "_" or "-"` }),
  role,
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "Expected the SHA-256 of the token as 64 lower-case hex digits (npm run token:new prints it)"),
});

export const authSchema = z
  .strictObject({
    demoUsers: z.boolean().default(false),
    oidc: oidc.optional(),
    github: github.optional(),
    roles: z.array(roleRule).default([]),
    tokens: z
      .array(token)
      .default([])
      .superRefine((tokens, ctx) => {
        const names = new Set<string>();
        const hashes = new Set<string>();
        tokens.forEach((t, i) => {
          if (names.has(t.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `Duplicate token name ${quoted(t.name)}` });
          if (hashes.has(t.sha256)) ctx.addIssue({ code: "custom", path: [i, "sha256"], message: "Duplicate token hash" });
          names.add(t.name);
          hashes.add(t.sha256);
        });
      }),
  })
  .default({ demoUsers: false, roles: [], tokens: [] });

export type AuthConfigFile = z.input<typeof authSchema>;
export type ParsedAuth = z.output<typeof authSchema>;
