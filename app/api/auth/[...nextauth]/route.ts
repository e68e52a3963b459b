// The next-auth sign-in flow (providers, callbacks, CSRF, sign-out): open without a session by design.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { getConfig } from "@/lib/config";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, authOptions(getConfig()));
}

export { handler as GET, handler as POST };
