// The timeline asks "which of these ECS service deployments did we make?" by ARN on every page: an
// index keeps that a lookup rather than a scan of every operation ever.
import type { Kysely, Migration } from "kysely";

export const operationsServiceDeployment: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex("operations_service_deployment").on("operations").column("service_deployment_arn").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex("operations_service_deployment").execute();
  },
};
