import type { Clock } from "../../infra/clock/clock.js";
import type { Db } from "../../infra/db/open-database.js";
import type { Logger } from "../../logger.js";
import { err, ok, type Result } from "../../shared/result.js";
import type { AuditService } from "../audit/audit.service.js";
import type { Customer, CustomersService } from "../customers/customers.service.js";
import { RecipientUnreachable, type NotificationsService } from "../notifications/notifications.service.js";
import type { SettingsService } from "../settings/settings.service.js";
import { ALERT_TURNS, clipEscaped, customerLabel, MESSAGE_TEXT_MAX, renderTranscript } from "./handoff.render.js";
import {
  closeHandoff,
  findHandoff,
  findHandoffIdByMessage,
  findOpenHandoff,
  insertHandoff,
  insertHandoffMessage,
  listClosedHandoffs,
  listOpenHandoffs,
  pruneHandoffMessages,
} from "./handoff.repository.js";
import type { HandoffReason, HandoffRow, HandoffStatus } from "./handoff.table.js";
import type { TranscriptsService } from "./transcripts.service.js";
import { unrecorded } from "./transcripts.silence.js";

export type { HandoffReason } from "./handoff.table.js";

export interface Handoff {
  /** What admins type: /balas 12 …, /selesai 12 */
  number: number;
  customerId: number;
  reason: HandoffReason;
  status: HandoffStatus;
  openedAt: number;
  closedAt: number | null;
}

export type OpenOutcome =
  { kind: "opened"; handoff: Handoff } | { kind: "already_open"; handoff: Handoff } | { kind: "unavailable" };
export type HandoffProblem = "not_found" | "closed";
export type ClosedBy = { admin: number } | "customer";

const TAG = "handoff:";
const DAY = 86_400_000;

/**
 * Hands a customer to a person. While a hand-off is open the assistant stays quiet in that chat:
 * the customer's messages go to every admin, and an admin's answer goes back to the customer.
 * Messages to admins go through the outbox (written with the state change); each one's Telegram
 * id is mapped to the hand-off once sent, so an admin can simply reply to it.
 */
export function createHandoffService(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  customers: CustomersService;
  transcripts: TranscriptsService;
  notifications: NotificationsService;
  settings: SettingsService;
  /** Records an admin ending a hand-off (customers leaving is theirs to do, not an admin change). */
  audit?: AuditService;
  adminTelegramIds: readonly number[];
  /** The staff list at the moment of asking (the admin app adds staff); replaces adminTelegramIds when given. */
  staffIds?: () => Promise<readonly number[]>;
}) {
  const { db, clock, customers, transcripts, notifications } = deps;

  notifications.onDelivered(async ({ tag, chatId, messageId }) => {
    if (!tag.startsWith(TAG)) return;
    await insertHandoffMessage(db, {
      chat_id: chatId,
      message_id: messageId,
      handoff_id: Number(tag.slice(TAG.length)),
      created_at: clock.now(),
    });
  });

  const requireCustomer = async (customerId: number): Promise<Customer> => {
    const customer = await customers.findById(customerId);
    if (!customer) throw new Error(`no customer ${customerId}`);
    return customer;
  };

  const find = async (number: number): Promise<Handoff | undefined> => {
    const row = await findHandoff(db, number);
    return row ? toHandoff(row) : undefined;
  };

  return {
    /**
     * Opens a hand-off and alerts every admin with the customer's recent conversation. A second
     * request while one is open returns that one; with no admin configured nobody could answer,
     * so none is opened.
     */
    async open(customerId: number, reason: HandoffReason): Promise<OpenOutcome> {
      if ((deps.staffIds ? await deps.staffIds() : deps.adminTelegramIds).length === 0) return { kind: "unavailable" };
      const customer = await requireCustomer(customerId);
      const turns = await transcripts.recent(customerId, ALERT_TURNS);
      return db.transaction().execute(async (trx): Promise<OpenOutcome> => {
        const current = await findOpenHandoff(trx, customerId);
        if (current) return { kind: "already_open", handoff: toHandoff(current) };
        const openedAt = clock.now();
        const number = await insertHandoff(trx, {
          customer_id: customerId,
          reason,
          opened_at: openedAt,
          closed_at: null,
          closed_by: null,
        });
        await notifications.toAdmins(trx, {
          key: "handoff-alert",
          vars: {
            number: String(number),
            customer: customerLabel(customer),
            reason,
            transcript: renderTranscript(turns) || "—",
          },
          buttons: [[{ key: "handoff-button-end", vars: { number: String(number) }, data: `ho:end:${number}` }]],
          tag: `${TAG}${number}`,
        });
        return { kind: "opened", handoff: { number, customerId, reason, status: "open", openedAt, closedAt: null } };
      });
    },

    async openFor(customerId: number): Promise<Handoff | undefined> {
      const row = await findOpenHandoff(db, customerId);
      return row ? toHandoff(row) : undefined;
    },

    find,

    /** The hand-off an admin's message (alert or relayed text) belongs to, for reply-to answers. */
    async findByAdminMessage(chatId: number, messageId: number): Promise<Handoff | undefined> {
      const id = await findHandoffIdByMessage(db, chatId, messageId);
      return id === undefined ? undefined : find(id);
    },

    /** A customer's message during a hand-off, to every admin (through the outbox). */
    async relay(handoff: Handoff, text: string): Promise<void> {
      const customer = await requireCustomer(handoff.customerId);
      await db.transaction().execute((trx) =>
        notifications.toAdmins(trx, {
          key: "handoff-relay",
          vars: {
            number: String(handoff.number),
            customer: customerLabel(customer),
            text: clipEscaped(text, MESSAGE_TEXT_MAX),
          },
          tag: `${TAG}${handoff.number}`,
        }),
      );
    },

    /**
     * An admin's answer, sent at once (not queued) so the admin learns right away whether it
     * reached the customer, and recorded as the admin's turn of the conversation.
     */
    async reply(
      number: number,
      text: string,
    ): Promise<Result<{ handoff: Handoff; customer: Customer }, HandoffProblem | "unreachable">> {
      const handoff = await find(number);
      if (!handoff) return err("not_found");
      if (handoff.status !== "open") return err("closed");
      const customer = await requireCustomer(handoff.customerId);
      try {
        await unrecorded(() =>
          notifications.sendNow(
            { customerId: customer.id },
            { key: "handoff-admin-says", vars: { text: clipEscaped(text, MESSAGE_TEXT_MAX) } },
          ),
        );
      } catch (error) {
        if (error instanceof RecipientUnreachable) return err("unreachable");
        throw error;
      }
      await transcripts
        .record({ customerId: customer.id, role: "admin", text })
        .catch((error: unknown) =>
          deps.logger.warn({ err: error }, "cannot record the admin's answer in the transcript"),
        );
      return ok({ handoff, customer });
    },

    /**
     * Ends a hand-off. Closed by an admin, the customer is told the assistant is back (outbox);
     * closed by the customer, the admins are told (the customer's own chat gets a direct reply).
     */
    async close(
      number: number,
      by: ClosedBy,
    ): Promise<Result<{ handoff: Handoff; customer: Customer }, HandoffProblem>> {
      const handoff = await find(number);
      if (!handoff) return err("not_found");
      const customer = await requireCustomer(handoff.customerId);
      const closed = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        if (!(await closeHandoff(trx, number, now, by === "customer" ? "customer" : `telegram:${by.admin}`)))
          return false;
        if (by === "customer")
          await notifications.toAdmins(trx, {
            key: "handoff-closed-by-customer",
            vars: { number: String(number), customer: customerLabel(customer) },
          });
        else {
          await notifications.toCustomer(trx, customer.id, { key: "handoff-closed" });
          await deps.audit?.record(trx, {
            actor: `telegram:${by.admin}`,
            action: "handoff.end",
            subject: `handoff:${number}`,
            before: { status: "open" },
            after: { status: "closed" },
          });
        }
        return true;
      });
      if (!closed) return err("closed");
      return ok({ handoff: { ...handoff, status: "closed", closedAt: clock.now() }, customer });
    },

    async listOpen(): Promise<Array<{ handoff: Handoff; customer: Customer }>> {
      const rows = await listOpenHandoffs(db);
      return Promise.all(
        rows.map(async (row) => ({ handoff: toHandoff(row), customer: await requireCustomer(row.customer_id) })),
      );
    },

    /** The latest hand-offs closed, newest first (the admin app's inbox shows them under the open ones). */
    async listRecentlyClosed(
      limit: number,
    ): Promise<Array<{ handoff: Handoff; customer: Customer; closedBy: string | null }>> {
      const rows = await listClosedHandoffs(db, limit);
      return Promise.all(
        rows.map(async (row) => ({
          handoff: toHandoff(row),
          customer: await requireCustomer(row.customer_id),
          closedBy: row.closed_by,
        })),
      );
    },

    /** Misunderstood messages in a row after which the dialog hands the customer to a person. */
    misunderstandingLimit: () => deps.settings.get("assistant.handoff_after_misunderstandings"),

    /** Housekeeping: reply mappings of hand-offs closed longer ago than transcripts are kept. */
    async prune(): Promise<number> {
      const days = await deps.settings.get("assistant.transcript_retention_days");
      return pruneHandoffMessages(db, clock.now() - days * DAY);
    },
  };
}

export type HandoffService = ReturnType<typeof createHandoffService>;

function toHandoff(row: HandoffRow): Handoff {
  return {
    number: row.id,
    customerId: row.customer_id,
    reason: row.reason,
    status: row.status,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}
