// The three roles, weakest first. A role includes every right of the roles before it.
export const ROLES = ["viewer", "deployer", "admin"] as const;

export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { viewer: 0, deployer: 1, admin: 2 };

/** True when `role` carries at least the rights of `min`. */
export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

/** The stronger of two roles (either may be absent). */
export function higherRole(a: Role | null, b: Role | null): Role | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}
