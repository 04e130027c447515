import { z } from "zod";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { actorNamer } from "./admin.actors.js";
import { requirePermission } from "./admin.auth.js";
import { idParam, jsonBody } from "./admin.http.js";
import type { Broadcast, BroadcastList, BroadcastPreview, BroadcastAnswer } from "./contracts/broadcasts.contract.js";

const PreviewBody = z.object({
  html: z
    .string({ message: "the message text (Telegram HTML) is missing" })
    .max(20_000, "at most 20000 characters of HTML"),
  audience: z.unknown(),
});

/** The services this area is given (admin.areas.ts). */
export type BroadcastsAreaDeps = Pick<AdminServices, "broadcasts" | "admins">;

/**
 * Broadcasts to customers (manage): a preview (the message as Telegram will show it, or what is
 * wrong with its HTML, and how many customers the audience holds), sending (queued at once,
 * delivered paced on the outbox), progress with sent / failed / blocked counts, and cancelling.
 */
export const broadcastsArea: AdminArea<BroadcastsAreaDeps> = (api, deps) => {
  // Who started or stopped a broadcast, by name (the audit's actor string stays as the id).
  const named = async (views: BroadcastAnswer[]): Promise<Broadcast[]> => {
    const nameOf = await actorNamer(deps.admins);
    return views.map((v) => ({
      ...v,
      createdByName: nameOf(v.createdBy).name,
      canceledByName: v.canceledBy ? nameOf(v.canceledBy).name : null,
    }));
  };

  api.get("/broadcasts", requirePermission("manage"), async (c) =>
    c.json({ items: await named(await deps.broadcasts.list()) } satisfies BroadcastList),
  );

  api.post("/broadcasts/preview", requirePermission("manage"), async (c) => {
    const { html, audience } = await jsonBody(c, PreviewBody);
    return c.json((await deps.broadcasts.preview(html, audience)) satisfies BroadcastPreview);
  });

  api.post("/broadcasts", requirePermission("manage"), async (c) => {
    const body = await jsonBody(c, z.unknown());
    return c.json((await deps.broadcasts.start(body, c.get("admin").actor)) satisfies BroadcastAnswer, 201);
  });

  api.get("/broadcasts/:id", requirePermission("manage"), async (c) =>
    c.json((await named([await deps.broadcasts.get(idParam(c))]))[0] satisfies Broadcast | undefined),
  );

  api.post("/broadcasts/:id/cancel", requirePermission("manage"), async (c) =>
    c.json((await deps.broadcasts.cancel(idParam(c), c.get("admin").actor)) satisfies BroadcastAnswer),
  );
};
