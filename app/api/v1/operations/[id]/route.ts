// GET /api/v1/operations/{id} — one operation as the follower last recorded it (see docs/api.md).
import { deployContext, findOperationView } from "@/lib/deploy";
import { apiRoute } from "../../_lib/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>("viewer", async (_request, params, actor) => findOperationView(await deployContext(actor), params.id ?? ""));
