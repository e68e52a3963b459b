// Roles from configuration: exact emails, email domains and OIDC group names. Several rules may match;
// the highest role wins. No match means no role (the person sees a page saying so), never "viewer".
import type { RoleRule } from "@/lib/config";
import { higherRole, type Role } from "@/lib/domain/roles";

export interface Identity {
  email?: string;
  groups: readonly string[];
}

function matches(rule: RoleRule, email: string | undefined, domain: string | undefined, groups: readonly string[]): boolean {
  if (email !== undefined && rule.emails.includes(email)) return true;
  if (domain !== undefined && rule.domains.includes(domain)) return true;
  return rule.groups.some((group) => groups.includes(group));
}

export function roleFor(identity: Identity, rules: readonly RoleRule[]): Role | null {
  const email = identity.email?.trim().toLowerCase() || undefined;
  const at = email?.lastIndexOf("@") ?? -1;
  const domain = email !== undefined && at > 0 ? email.slice(at + 1) : undefined;
  let role: Role | null = null;
  for (const rule of rules) {
    if (matches(rule, email, domain, identity.groups)) role = higherRole(role, rule.role);
  }
  return role;
}
