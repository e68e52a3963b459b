// `npm run token:new -- --name ci-bot --role viewer`: a new random API token, printed once, and the
// exact entry to add to `auth.tokens` in the configuration (which holds only the token's SHA-256). The
// demo has no configuration file: `npm run demo -- --token ci-bot:viewer` makes and configures one.
import { parseArgs } from "node:util";
import { tokenRequestSchema } from "../lib/config/token-request";
import { newToken } from "../lib/auth/tokens";

function main(): void {
  const { values } = parseArgs({ options: { name: { type: "string" }, role: { type: "string" } }, strict: true });
  const parsed = tokenRequestSchema.safeParse(values);
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
    console.error("usage: npm run token:new -- --name ci-bot --role viewer");
    process.exit(2);
  }
  const { name, role } = parsed.data;
  const { token, entry } = newToken(name, role);
  console.log(`Token (shown once; store it in the script's secret store):\n\n  ${token}\n`);
  console.log(`Add this entry to "auth": { "tokens": [ … ] } of your configuration (the file STEADYSTATE_CONFIG names, or STEADYSTATE_CONFIG_JSON) and restart the dashboard:\n\n  ${JSON.stringify(entry)}\n`);
  console.log(`Use it as: Authorization: Bearer ${token.slice(0, 8)}…\n`);
  console.log(`Trying the demo (npm run demo has no configuration file)? Run it as \`npm run demo -- --token ${name}:${role}\`: it makes a token like this one, configures it and prints it.`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
