// The identities the e2e suite signs in with, shared by the Playwright config (which writes the app's
// configuration from them), the local OpenID Connect provider and the specs. Test-only values.
import { createHash } from "node:crypto";
import type { ConfigFile } from "../../../lib/config/schema";
import { defaultConfigFile } from "../../../lib/config/defaults";

export const NEXTAUTH_SECRET = "e2e-only-session-secret-0123456789abcdef";
export const OIDC_CLIENT = { id: "steady-state-e2e", secret: "e2e-only-oidc-client-secret" };
export const OIDC_NAME = "Test IdP";

/** People at the test identity provider, by login, and the role each should end up with. */
export const OIDC_USERS = {
  ada: { email: "ada@example.test", name: "Ada Admin", groups: [], role: "admin" },
  dan: { email: "dan@example.test", name: "Dan Deployer", groups: ["deployers"], role: "deployer" },
  vera: { email: "vera@viewers.example.test", name: "Vera Viewer", groups: [], role: "viewer" },
  nora: { email: "nora@elsewhere.example.test", name: "Nora Nobody", groups: ["marketing"], role: null },
} as const;

export const TOKENS = {
  viewer: { name: "e2e-viewer-bot", token: "sst_e2e-viewer-token-0123456789abcdef" },
  deployer: { name: "e2e-release-bot", token: "sst_e2e-deployer-token-0123456789abcdef" },
  revoked: { name: "e2e-revoked-bot", token: "sst_e2e-revoked-token-0123456789abcdef" },
} as const;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The `whsec_` secret of the e2e webhook target (in the app's environment as E2E_WEBHOOK_SECRET). */
export const E2E_WEBHOOK_SECRET = `whsec_${Buffer.from("steady-state-e2e-webhook-secret!").toString("base64")}`;

/** A signed webhook and a Slack target, both at the spec's local receiver. */
export function e2eNotifications(receiverPort: number) {
  return [
    { id: "ops-hook", kind: "webhook", url: `http://127.0.0.1:${receiverPort}/hook`, secretEnv: "E2E_WEBHOOK_SECRET" },
    { id: "ops-slack", kind: "slack", url: `http://127.0.0.1:${receiverPort}/slack`, filters: { events: ["operation.finished"] } },
  ];
}

export function e2eConfig(issuer: string, { demoUsers }: { demoUsers: boolean }): ConfigFile {
  return {
    ...defaultConfigFile({ AWS_REGION: "ap-south-1" }),
    auth: {
      demoUsers,
      oidc: { name: OIDC_NAME, issuer, clientId: OIDC_CLIENT.id, clientSecretEnv: "E2E_OIDC_CLIENT_SECRET", scope: "openid email profile groups", groupsClaim: "groups" },
      roles: [
        { role: "admin", emails: ["ada@example.test"] },
        { role: "deployer", groups: ["deployers"] },
        { role: "viewer", domains: ["viewers.example.test"] },
      ],
      // The revoked token is deliberately absent: its hash is not configured.
      tokens: [
        { name: TOKENS.viewer.name, role: "viewer", sha256: sha256(TOKENS.viewer.token) },
        { name: TOKENS.deployer.name, role: "deployer", sha256: sha256(TOKENS.deployer.token) },
      ],
    },
  };
}
