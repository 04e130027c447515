import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Embedder } from "../../infra/llm/embedder.js";
import type { Logger } from "../../logger.js";
import type { CatalogService } from "../catalog/catalog.service.js";
import { faqDocument, memoizedServiceDocuments } from "./knowledge.documents.js";
import { createFaqStore, searchFaq, type FaqInput } from "./knowledge.faq.js";
import { createKnowledgeIndex } from "./knowledge.index.js";
import { findProducts } from "./knowledge.search.js";
import type { KnowledgeSearchBackend } from "./knowledge.search-backend.js";
import type { Reading } from "../language/language.reading.js";
import type {
  FaqDocument,
  FaqHit,
  FaqLanguage,
  IndexSyncReport,
  ProductQuery,
  ProductResults,
} from "./knowledge.types.js";

export interface KnowledgeServiceDeps {
  db: Db;
  clock: Clock;
  catalog: Pick<CatalogService, "list" | "findByIds">;
  embedder: Embedder;
  logger?: Logger | undefined;
  /** How this database searches (SQLite: FTS5 + vec0; PostgreSQL: tsvector + trigrams + pgvector or in-process vectors). */
  backend?: KnowledgeSearchBackend | undefined;
}

export interface KnowledgeSyncReport {
  services: IndexSyncReport;
  faq: IndexSyncReport;
}

/**
 * The shop's knowledge base: sellable services and FAQ documents, searched by words and by meaning
 * together (SQLite: FTS5 and sqlite-vec; PostgreSQL: tsvector, trigrams and pgvector or in-process
 * vectors; see knowledge.search-backend.ts). It ranks and never prices: products come back as the catalog's
 * services. Index writes run one at a time; a catalog change while a sync runs queues one more,
 * and a product search waits for the newest one asked for (it reads what was committed before it).
 */
export function createKnowledgeService(deps: KnowledgeServiceDeps) {
  const { db, clock, catalog, embedder, logger, backend } = deps;
  const index = createKnowledgeIndex({ db, clock, embedder, logger, backend });
  const faqs = createFaqStore({ db, clock });

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const serviceDocument = memoizedServiceDocuments();
  const indexServices = async () =>
    index.syncSource("service", (await catalog.list({})).filter((s) => s.sellable).map(serviceDocument));
  const indexFaq = async () => index.syncSource("faq", (await faqs.list()).map(faqDocument));

  // At most one services sync waits behind the running one: any number of changes meanwhile need one more pass, not many.
  let waitingServices: Promise<IndexSyncReport> | undefined;
  // The newest services sync asked for: a search waits for it, so it sees every committed catalog change.
  let latestServices: Promise<unknown> = Promise.resolve();
  const syncServices = (): Promise<IndexSyncReport> => {
    waitingServices ??= serial(() => {
      waitingServices = undefined;
      return indexServices();
    });
    latestServices = waitingServices;
    return waitingServices;
  };
  const syncFaq = (): Promise<IndexSyncReport> => serial(indexFaq);

  // Before the first search: vectors match the embedder, and a shop that never had an index gets one.
  let ready: Promise<void> | undefined;
  const ensureReady = (): Promise<void> => {
    ready ??= serial(async () => {
      await index.ensureVectorSpace();
      if (!(await index.everSynced("faq"))) await indexFaq();
      if (!(await index.everSynced("service"))) await indexServices();
    }).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };

  return {
    /** Sellable services for the customer's words, best first, with how many match in all. */
    async findProducts(query: ProductQuery): Promise<ProductResults> {
      await ensureReady();
      // A failed sync was logged by whoever asked for it; the index as it stands still answers.
      await latestServices.catch(() => undefined);
      await index.refresh();
      return findProducts({ db, index, catalog }, query);
    },

    /** FAQ answers for a question, preferring the customer's language. */
    async searchFaq(
      question: string | Reading,
      options: { language?: FaqLanguage | undefined; limit?: number | undefined } = {},
    ): Promise<FaqHit[]> {
      await ensureReady();
      await index.refresh();
      return searchFaq({ db, index }, question, options);
    },

    /** Brings the services index in line with the catalog (after an import, a re-sync, an admin edit). */
    syncServices,
    syncFaq,

    async sync(): Promise<KnowledgeSyncReport> {
      return { faq: await syncFaq(), services: await syncServices() };
    },

    /** Drops the whole index and builds it again (the embedding cache is kept, so nothing is re-embedded needlessly). */
    async rebuild(): Promise<KnowledgeSyncReport> {
      return serial(async () => {
        await index.clear();
        ready = undefined;
        return { faq: await indexFaq(), services: await indexServices() };
      });
    },

    /** The shop's FAQ as admins edit it; every change is re-indexed before the call returns. */
    faq: {
      list: (filter?: {
        language?: FaqLanguage | undefined;
        includeInactive?: boolean | undefined;
      }): Promise<FaqDocument[]> => faqs.list(filter),
      get: (slug: string, language?: FaqLanguage): Promise<FaqDocument | undefined> => faqs.get(slug, language),
      async upsert(input: FaqInput): Promise<FaqDocument> {
        const document = await faqs.upsert(input);
        await syncFaq();
        return document;
      },
      async remove(slug: string, language?: FaqLanguage): Promise<number> {
        const removed = await faqs.remove(slug, language);
        await syncFaq();
        return removed;
      },
    },

    /** Resolves once every index write asked for so far is done (catalog changes are indexed in the background). */
    async idle(): Promise<void> {
      await queue;
    },

    /** Lets a running sync stop at its next embedding batch and waits for the queue (shutdown of the app; the next start resumes). */
    async stop(): Promise<void> {
      index.stop();
      await queue;
    },
  };
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;
