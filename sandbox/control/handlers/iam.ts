// GET|PUT|DELETE /_sandbox/iam: which actions each access key may perform (iam/identities.ts).
import { iamSettingsSchema } from "../../iam/identities";
import type { ControlRequest } from "../request";

export function getIam({ runtime }: ControlRequest): unknown {
  return { iam: runtime.iam.current() ?? null };
}

export function putIam({ runtime, body }: ControlRequest): unknown {
  const settings = iamSettingsSchema.parse(body);
  runtime.iam.set(settings);
  return { iam: settings };
}

export function deleteIam({ runtime }: ControlRequest): unknown {
  runtime.iam.clear();
  return { iam: null };
}
