// Who an access key is and what it may do, as set through the control API (PUT /_sandbox/iam). A key
// with no entry may do everything, so nothing changes until a test or demo restricts a key. The sandbox
// has no STS: a key can instead be presented as an assumed-role session, which changes only its ARN.
import { z } from "zod";
import { actionMatches, resourceMatches } from "./wildcard";

const action = z
  .string()
  .max(128)
  .regex(/^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$/, "an action looks like ecs:UpdateService, ecs:Describe* or *");
const iamName = z.string().regex(/^[\w+=,.@-]{1,64}$/, "IAM names use letters, digits and +=,.@_- (at most 64)");

const statementSchema = z.union([action, z.strictObject({ action, resource: z.string().min(1).max(2048) })], {
  error: 'each allowed entry is an action ("ecs:Describe*") or {"action", "resource"}',
});

const identitySchema = z
  .strictObject({
    user: iamName.optional(),
    assumedRole: z.strictObject({ role: iamName, session: iamName }).optional(),
    allow: z.array(statementSchema).max(500),
  })
  .refine((identity) => (identity.user === undefined) !== (identity.assumedRole === undefined), {
    message: "give exactly one of user or assumedRole",
  });

const ACCESS_KEY_ID = /^[A-Za-z0-9]{1,128}$/;

export const iamSettingsSchema = z.strictObject({
  identities: z.record(z.string(), identitySchema).refine((identities) => Object.keys(identities).every((key) => ACCESS_KEY_ID.test(key)), {
    message: "access key ids are letters and digits (at most 128)",
  }),
});

export type IamSettings = z.infer<typeof iamSettingsSchema>;
export type IamIdentity = z.infer<typeof identitySchema>;

export interface Permission {
  action: string;
  resource: string;
}

/** `arn:aws:iam::ACCOUNT:user/NAME`, or `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION` as STS names a session. */
export function principalArn(identity: IamIdentity, account: string): string {
  if (identity.assumedRole) return `arn:aws:sts::${account}:assumed-role/${identity.assumedRole.role}/${identity.assumedRole.session}`;
  return `arn:aws:iam::${account}:user/${identity.user ?? ""}`;
}

/** A bare action string allows it on every resource (`"Resource": "*"`). */
export function allows(identity: IamIdentity, wanted: Permission): boolean {
  return identity.allow.some((statement) =>
    typeof statement === "string"
      ? actionMatches(statement, wanted.action)
      : actionMatches(statement.action, wanted.action) && resourceMatches(statement.resource, wanted.resource),
  );
}

export class IamIdentities {
  private settings: IamSettings | undefined;

  current(): IamSettings | undefined {
    return this.settings;
  }

  set(settings: IamSettings): void {
    this.settings = settings;
  }

  clear(): void {
    this.settings = undefined;
  }

  /** Undefined for a key without settings: it may do everything. */
  identity(accessKeyId: string): IamIdentity | undefined {
    const identities = this.settings?.identities;
    return identities && Object.hasOwn(identities, accessKeyId) ? identities[accessKeyId] : undefined;
  }
}
