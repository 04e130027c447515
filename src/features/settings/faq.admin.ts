import type { Db } from "../../infra/db/open-database.js";
import { AppError } from "../../shared/errors.js";
import type { AuditService } from "../audit/audit.service.js";
import { FaqInputSchema } from "../knowledge/knowledge.faq.js";
import type { KnowledgeService } from "../knowledge/knowledge.service.js";
import type { FaqDocument, FaqLanguage } from "../knowledge/knowledge.types.js";

/**
 * The shop's FAQ as the admin app edits it: the knowledge base stores and re-indexes each entry
 * (so the assistant answers from the new text at once); this adds the audit entry, with the entry
 * before and after, that every change from the app carries.
 */
export function createFaqAdmin(deps: { db: Db; knowledge: KnowledgeService; audit: AuditService }) {
  const { db, knowledge, audit } = deps;
  const content = (d: FaqDocument | undefined) => (d ? { title: d.title, body: d.body, active: d.active } : null);

  return {
    list: (language?: FaqLanguage): Promise<FaqDocument[]> => knowledge.faq.list({ language, includeInactive: true }),

    /** Adds an entry, or replaces the one with the same slug and language. */
    async save(input: unknown, actor: string): Promise<FaqDocument> {
      const parsed = FaqInputSchema.safeParse(input);
      if (!parsed.success)
        throw new AppError(
          "knowledge.invalid_input",
          parsed.error.issues
            .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
            .join("; "),
        );
      const { slug, language } = parsed.data;
      const before = await knowledge.faq.get(slug, language);
      const saved = await knowledge.faq.upsert(parsed.data);
      await audit.record(db, {
        actor,
        action: before ? "faq.edit" : "faq.add",
        subject: `faq:${slug}:${language}`,
        before: content(before),
        after: content(saved),
      });
      return saved;
    },

    async remove(slug: string, language: FaqLanguage, actor: string): Promise<void> {
      const before = await knowledge.faq.get(slug, language);
      await knowledge.faq.remove(slug, language);
      await audit.record(db, {
        actor,
        action: "faq.remove",
        subject: `faq:${before?.slug ?? slug}:${language}`,
        before: content(before),
        after: null,
      });
    },
  };
}

export type FaqAdmin = ReturnType<typeof createFaqAdmin>;
