"use server";
// Sign-out: the session is a cookie-held JWT, so ending it is deleting the cookie (every chunk, and
// the __Secure- variant used over HTTPS). A server action, so Next's same-origin check applies.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

export async function signOut(): Promise<void> {
  const jar = await cookies();
  for (const { name } of jar.getAll()) {
    if (!name.includes("next-auth.session-token")) continue;
    jar.set(name, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
  }
  redirect("/signin");
}
