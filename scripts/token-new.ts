// `npm run token:new -- --name ci-bot --role viewer`: a new random API token, printed once, and the
// exact entry to add to `auth.tokens` in the configuration (which holds only the token's SHA-256).
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "../lib/domain/roles";
import { newToken } from "../lib/auth/tokens";

const argsSchema = z.object({
  name: z.string({ error: "--name is required" }).regex(/^[A-Za-z0-9._-]{1,64}$/, "--name: 1-64 letters, digits, '.', '_' or '-'"),
  role: z.enum(ROLES, { error: `--role must be one of ${ROLES.join(", ")}` }),
});

function main(): void {
  const { values } = parseArgs({ options: { name: { type: "string" }, role: { type: "string" } }, strict: true });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => i.message).join("\n"));
    console.error("usage: npm run token:new -- --name ci-bot --role viewer");
    process.exit(2);
  }
  const { token, entry } = newToken(parsed.data.name, parsed.data.role);
  console.log(`Token (shown once; store it in the script's secret store):\n\n  ${token}\n`);
  console.log(`Add this entry to "auth": { "tokens": [ … ] } in STEADYSTATE_CONFIG:\n\n  ${JSON.stringify(entry)}\n`);
  console.log(`Use it as: Authorization: Bearer ${token.slice(0, 8)}…`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
