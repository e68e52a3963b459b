// A real OpenID Connect provider for the e2e suite (the `oidc-provider` package), with its
// development login form: any login name, any password. The people it knows are OIDC_USERS.
// Started by playwright.config.ts as a web server: OIDC_PORT, OIDC_REDIRECT_URI.
import Provider from "oidc-provider";
import { OIDC_CLIENT, OIDC_USERS } from "./auth-fixtures";

const port = Number(process.env.OIDC_PORT);
const redirectUri = process.env.OIDC_REDIRECT_URI ?? "";

function person(login: string) {
  const known = OIDC_USERS[login as keyof typeof OIDC_USERS];
  return known ?? { email: `${login}@elsewhere.example.test`, name: login, groups: [] };
}

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{ client_id: OIDC_CLIENT.id, client_secret: OIDC_CLIENT.secret, redirect_uris: [redirectUri], response_types: ["code"], grant_types: ["authorization_code"] }],
  scopes: ["openid", "email", "profile", "groups"],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
  // Put the requested claims in the ID token, as Okta or Entra ID can be set up to do.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ["e2e-only-oidc-cookie-key"] },
  async findAccount(_ctx, id) {
    const p = person(id);
    return { accountId: id, claims: () => ({ sub: id, email: p.email, email_verified: true, name: p.name, groups: [...p.groups] }) };
  },
});
provider.proxy = false;
provider.listen(port, "127.0.0.1", () => console.log(`oidc-provider listening on ${port}`));
