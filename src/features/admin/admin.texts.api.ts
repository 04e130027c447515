import { z } from "zod";
import type { AdminArea, AdminServices } from "./admin.areas.js";
import { requirePermission } from "./admin.auth.js";
import { jsonBody, parseInput } from "./admin.http.js";
import type { Removed } from "./contracts/common.contract.js";
import type { BotTextList, FaqList, FaqSaved } from "./contracts/texts.contract.js";

const Language = z.enum(["id", "en"], { message: 'language is "id" or "en"' });
const TextBody = z.object(
  { text: z.string({ message: "text is the new message" }).max(4096, "Telegram takes at most 4096 characters") },
  { error: 'give the new text as { "text": "…" }' },
);
const FaqQuery = z.object({ language: Language.optional() });

/** The services this area is given (admin.areas.ts). */
export type TextsAreaDeps = Pick<AdminServices, "botTexts" | "faqAdmin">;

/**
 * What the bot says (manage): the welcome and help texts per language (the shop's own text, or
 * the default, with a reset), checked as Telegram HTML before they are stored; and the FAQ the
 * assistant answers from, per language, re-indexed on every change. Both audited.
 */
export const textsArea: AdminArea<TextsAreaDeps> = (api, deps) => {
  api.get("/texts", requirePermission("manage"), async (c) =>
    c.json({ texts: await deps.botTexts.list() } satisfies BotTextList),
  );

  api.put("/texts/:key/:language", requirePermission("manage"), async (c) => {
    const { text } = await jsonBody(c, TextBody);
    await deps.botTexts.set(c.req.param("key"), c.req.param("language"), text, c.get("admin").actor);
    return c.json({ texts: await deps.botTexts.list() } satisfies BotTextList);
  });

  api.delete("/texts/:key/:language", requirePermission("manage"), async (c) => {
    await deps.botTexts.reset(c.req.param("key"), c.req.param("language"), c.get("admin").actor);
    return c.json({ texts: await deps.botTexts.list() } satisfies BotTextList);
  });

  api.get("/faq", requirePermission("manage"), async (c) => {
    const { language } = parseInput(FaqQuery, c.req.query());
    return c.json({ items: await deps.faqAdmin.list(language) } satisfies FaqList);
  });

  api.put("/faq", requirePermission("manage"), async (c) => {
    const body = await jsonBody(c, z.unknown());
    return c.json({ item: await deps.faqAdmin.save(body, c.get("admin").actor) } satisfies FaqSaved);
  });

  api.delete("/faq/:slug/:language", requirePermission("manage"), async (c) => {
    const language = parseInput(Language, c.req.param("language"));
    await deps.faqAdmin.remove(c.req.param("slug"), language, c.get("admin").actor);
    return c.json({ removed: true } satisfies Removed);
  });
};
