// RDS for PostgreSQL: the store every replica shares (locks, idempotency keys, follower leases, audit).
// Private subnets only, encrypted, its master credentials generated into Secrets Manager. The tasks get
// DATABASE_URL without the password and the password as PGPASSWORD (node-postgres reads it when the
// URL has none), so the only secret in the task definition is a Secrets Manager reference.
import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { InstanceType, SubnetType, type IVpc } from "aws-cdk-lib/aws-ec2";
import { Secret as EcsSecret } from "aws-cdk-lib/aws-ecs";
import { Credentials, DatabaseInstance, DatabaseInstanceEngine, PostgresEngineVersion } from "aws-cdk-lib/aws-rds";
import { Construct } from "constructs";
import type { Settings } from "./settings";

export const DATABASE_NAME = "steadystate";
export const DATABASE_USER = "steadystate";

export class DashboardDatabase extends Construct {
  readonly instance: DatabaseInstance;
  private readonly options: string;

  constructor(scope: Construct, id: string, props: { vpc: IVpc; settings: Pick<Settings, "databaseInstanceType" | "databaseMultiAz" | "databaseUrlOptions"> }) {
    super(scope, id);
    this.instance = new DatabaseInstance(this, "Postgres", {
      // RDS's PostgreSQL 15+ parameter groups force TLS (rds.force_ssl = 1), hence sslmode in the URL.
      engine: DatabaseInstanceEngine.postgres({ version: PostgresEngineVersion.VER_17 }),
      instanceType: new InstanceType(props.settings.databaseInstanceType),
      vpc: props.vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      publiclyAccessible: false,
      multiAz: props.settings.databaseMultiAz,
      databaseName: DATABASE_NAME,
      credentials: Credentials.fromGeneratedSecret(DATABASE_USER),
      storageEncrypted: true,
      allocatedStorage: 20,
      maxAllocatedStorage: 100,
      backupRetention: Duration.days(7),
      autoMinorVersionUpgrade: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    this.options = props.settings.databaseUrlOptions;
  }

  /** postgres://user@host:port/db?…: no password, so it may be a plain environment variable. */
  get url(): string {
    const { dbInstanceEndpointAddress: host, dbInstanceEndpointPort: port } = this.instance;
    return `postgres://${DATABASE_USER}@${host}:${port}/${DATABASE_NAME}${this.options ? `?${this.options}` : ""}`;
  }

  /** The generated password, as an ECS secret (read by the execution role when a task starts). */
  get password(): EcsSecret {
    if (!this.instance.secret) throw new Error("the database was created without a generated secret");
    return EcsSecret.fromSecretsManager(this.instance.secret, "password");
  }
}
