// The page-side check (the proxy has already checked once): no session → sign-in, a session without a
// role → the page that says so, a role below `min` → ForbiddenError (the error page).
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { authorize, currentAuthentication } from "@/lib/auth/guards";
import type { Role } from "@/lib/domain/roles";

export async function requirePageRole(min: Role): Promise<Actor> {
  const auth = await currentAuthentication();
  if (auth.kind === "anonymous") redirect("/signin");
  if (auth.kind === "no-role") redirect("/no-role");
  return authorize(auth, min);
}
