// oidc-provider ships no types (and @types/oidc-provider is not installed); the e2e provider uses
// only its constructor and listen().
declare module "oidc-provider" {
  interface Account {
    accountId: string;
    claims: () => Record<string, unknown>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & { findAccount: (ctx: unknown, id: string) => Promise<Account> });
    proxy: boolean;
    listen(port: number, host: string, callback: () => void): void;
  }
}
