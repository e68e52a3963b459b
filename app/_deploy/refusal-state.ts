// Turns what a deploy verb threw into the form's ActionState through lib/errors' one mapping, adding
// what to do where the error itself does not say. Next's own control flow (redirect to sign-in, not
// found) is rethrown; an error that is not ours is logged and answered with a plain sentence.
import { unstable_rethrow } from "next/navigation";
import { describeError } from "@/lib/errors";
import { log } from "@/lib/observability";
import type { ActionState } from "./action-state";

const WHAT_TO_DO: Record<number, string> = {
  400: "Correct the field named above and confirm again.",
  403: "Ask an admin for the role this needs, or for access to AWS.",
  404: "Reload the page: what you picked no longer exists.",
  409: "Reload the page to see the service as it is now, then decide again.",
  422: "Pick another target, or (admins) override the scan gate with a reason.",
  502: "AWS refused the change; nothing else was changed. Read AWS's message above.",
  503: "AWS did not answer; nothing was changed. Try again in a moment.",
};

export function refusalState(error: unknown): ActionState {
  unstable_rethrow(error);
  const described = describeError(error);
  if (!described) {
    log().error({ err: error }, "deploy action: unexpected error");
    return { error: { status: 500, message: "Something unexpected went wrong; nothing was confirmed. See the server log.", action: "Reload the page and try again." } };
  }
  const body = described.body.error;
  const action = body.action ?? WHAT_TO_DO[described.status];
  const checks = Array.isArray(body.checks) ? (body.checks as { check: string; message: string }[]) : undefined;
  return { error: { status: described.status, message: body.message, ...(action && { action }), ...(checks && { checks }) } };
}

/** A form's fields as strings (files and repeated fields have no place in these forms). */
export function formFields(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  return out;
}
