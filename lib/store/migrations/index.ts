// Migrations are code, not files read at run time, so they ship inside the Next.js build. Names sort in
// the order they run; add new ones at the end and never edit one that has shipped.
import type { Migration, MigrationProvider } from "kysely";
import type { DialectKind } from "../dialect";
import { createTables } from "./001-create-tables";
import { auditAppendOnly } from "./002-audit-append-only";
import { operationsServiceDeployment } from "./003-operations-service-deployment";
import { notificationOutbox } from "./004-notification-outbox";
import { restoreParent } from "./005-restore-parent";

export function migrationProvider(kind: DialectKind): MigrationProvider {
  const migrations: Record<string, Migration> = {
    "001-create-tables": createTables(kind),
    "002-audit-append-only": auditAppendOnly(kind),
    "003-operations-service-deployment": operationsServiceDeployment,
    "004-notification-outbox": notificationOutbox,
    "005-restore-parent": restoreParent(kind),
  };
  return { getMigrations: async () => migrations };
}
