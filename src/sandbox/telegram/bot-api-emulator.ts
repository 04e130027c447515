import { randomBytes } from "node:crypto";
import { Hono, type Context } from "hono";
import type { ChatStore, SavedChats } from "./chat-store.js";
import { htmlProblem, htmlToText } from "./html-check.js";
import { parseMultipart } from "./multipart.js";

/**
 * A Telegram Bot API stand-in: `/bot<token>/<method>` with JSON or multipart bodies, the real
 * `{ok, result}` envelopes and realistic Message objects, long polling and webhook delivery. It
 * knows nothing of the product; people (or tests) talk to it through the chat API below.
 */
export interface EmulatedUser {
  id: number;
  first_name: string;
  username: string;
  language_code: string;
}

/** How Telegram may refuse a message besides a block: 429 with retry_after, or a 400 with its description. */
export type SendFault = { kind: "flood"; retryAfter: number } | { kind: "rejected"; description: string };

type InlineButton = { text: string; callback_data?: string; url?: string; web_app?: { url: string } };
export type MenuButton =
  { type: "commands" } | { type: "default" } | { type: "web_app"; text: string; web_app: { url: string } };

export interface ChatMessage {
  message_id: number;
  chat_id: number;
  from: "user" | "bot";
  text?: string | undefined;
  /** Text as a reader sees it (HTML removed), for assertions and the chat page. */
  plain: string;
  photo?: string | undefined;
  /** A Stars (or other) invoice the bot sent. */
  invoice?:
    | { title: string; description: string; payload: string; currency: string; amount: number; paid?: boolean }
    | undefined;
  /** The service message Telegram shows once an invoice is paid. */
  successfulPayment?: { currency: string; amount: number; payload: string; chargeId: string } | undefined;
  buttons: InlineButton[][];
  date: number;
  rev: number;
  deleted: boolean;
}

export interface Toast {
  callbackId: string;
  chatId: number;
  text: string;
  showAlert: boolean;
  rev: number;
}

type Update = Record<string, unknown> & { update_id: number };

interface Waiter {
  wake: () => void;
}

export const SANDBOX_USERS: EmulatedUser[] = [
  { id: 100001, first_name: "Budi", username: "budi_sandbox", language_code: "id" },
  { id: 100002, first_name: "Alex", username: "alex_sandbox", language_code: "en" },
];

export function createTelegramEmulator(options: {
  token: string;
  now?: () => number;
  botName?: string;
  store?: ChatStore;
}) {
  const now = options.now ?? (() => Date.now());
  const bot = {
    id: Number(options.token.split(":")[0]) || 7000000001,
    is_bot: true,
    first_name: options.botName ?? "Toko Sandbox",
    username: "toko_sandbox_bot",
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
  const users = new Map(SANDBOX_USERS.map((u) => [u.id, u]));
  const messages = new Map<number, ChatMessage[]>();
  const files = new Map<string, { bytes: Uint8Array; type: string }>();
  const toasts: Toast[] = [];
  const calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
  let pending: Update[] = [];
  // Telegram's update ids only ever grow; starting from the clock keeps that true across restarts.
  let updateSeq = Math.floor(now() / 10);
  let messageSeq = 1;
  let rev = 1;
  let callbackSeq = 1;
  let checkoutSeq = 1;
  // Pre-checkout queries waiting for the bot's answer, and Stars charges (for refunds).
  const checkouts = new Map<
    string,
    { userId: number; messageId: number; answer?: { ok: boolean; error_message?: string } }
  >();
  const charges = new Map<string, { userId: number; amount: number; refunded: boolean }>();
  let webhook: { url: string; secret: string | undefined } | undefined;
  let webhookChain: Promise<void> = Promise.resolve();
  let commands: Record<string, unknown> = {};
  // Menu buttons as Telegram keeps them: one per private chat, and the bot's default for the rest.
  const menuButtons = new Map<number, MenuButton>();
  let defaultMenuButton: MenuButton = { type: "commands" };
  // People who blocked the bot: sending to them fails with 403, as with Telegram.
  const blocked = new Set<number>();
  // Telegram's other refusals of a message to one chat (tests): flood control, a server error.
  const sendFaults = new Map<number, SendFault & { left: number }>();
  // Long polls wake on new updates; message waiters (tests, the page) wake on bot messages.
  const pollWaiters = new Set<Waiter>();
  const waiters = new Set<Waiter>();
  let closed = false;

  const seconds = () => Math.floor(now() / 1000);
  const wakeAll = () => waiters.forEach((w) => w.wake());
  const wakePolls = () => pollWaiters.forEach((w) => w.wake());
  const chatOf = (chatId: number) => {
    let list = messages.get(chatId);
    if (!list) messages.set(chatId, (list = []));
    return list;
  };
  const userOf = (id: number): EmulatedUser =>
    users.get(id) ?? { id, first_name: `User ${id}`, username: `user${id}`, language_code: "id" };
  const telegramUser = (u: EmulatedUser) => ({
    id: u.id,
    is_bot: false,
    first_name: u.first_name,
    username: u.username,
    language_code: u.language_code,
  });
  const chat = (u: EmulatedUser) => ({ id: u.id, type: "private", first_name: u.first_name, username: u.username });

  // The chats outlive a restart when a store is given: a person reopening the page finds them.
  const saved = options.store?.load();
  if (saved) {
    messageSeq = saved.messageSeq;
    rev = saved.rev;
    for (const message of saved.messages) chatOf(message.chat_id).push(message);
    for (const file of saved.files)
      files.set(file.id, { bytes: new Uint8Array(Buffer.from(file.base64, "base64")), type: file.type });
    for (const [chargeId, charge] of saved.charges) charges.set(chargeId, charge);
  }
  const snapshot = (): SavedChats => ({
    version: 1,
    messageSeq,
    rev,
    messages: [...messages.values()].flat(),
    files: [...files].map(([id, file]) => ({
      id,
      type: file.type,
      base64: Buffer.from(file.bytes).toString("base64"),
    })),
    charges: [...charges],
  });
  let saveTimer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    options.store?.save(snapshot());
  };
  /** Every change takes the next revision; the chats are saved shortly after (a burst of changes writes once). */
  const nextRev = () => {
    if (options.store && !saveTimer && !closed) saveTimer = setTimeout(flush, 200).unref();
    return rev++;
  };

  const toMessage = (m: ChatMessage) => {
    const user = userOf(m.chat_id);
    const base: Record<string, unknown> = {
      message_id: m.message_id,
      date: m.date,
      chat: chat(user),
      from: m.from === "bot" ? bot : telegramUser(user),
    };
    if (m.photo) {
      base.photo = [
        {
          file_id: m.photo,
          file_unique_id: m.photo.slice(0, 16),
          width: 512,
          height: 512,
          file_size: files.get(m.photo)?.bytes.length ?? 0,
        },
      ];
      if (m.text) base.caption = m.text;
    } else if (m.text !== undefined) base.text = m.text;
    if (m.buttons.length > 0) base.reply_markup = { inline_keyboard: m.buttons };
    if (m.invoice)
      base.invoice = {
        title: m.invoice.title,
        description: m.invoice.description,
        start_parameter: "",
        currency: m.invoice.currency,
        total_amount: m.invoice.amount,
      };
    if (m.successfulPayment) {
      base.successful_payment = {
        currency: m.successfulPayment.currency,
        total_amount: m.successfulPayment.amount,
        invoice_payload: m.successfulPayment.payload,
        telegram_payment_charge_id: m.successfulPayment.chargeId,
        provider_payment_charge_id: "",
      };
    }
    return base;
  };

  const pushUpdate = (update: Omit<Update, "update_id">): Update => {
    const full = { update_id: updateSeq++, ...update } as Update;
    if (webhook) {
      const target = webhook;
      webhookChain = webhookChain.then(() => deliverWebhook(target, full));
    } else {
      pending.push(full);
      wakePolls();
    }
    return full;
  };

  /** Like Telegram: same chat in order, redelivery on non-2xx, a few attempts. */
  const deliverWebhook = async (target: { url: string; secret: string | undefined }, update: Update): Promise<void> => {
    for (let attempt = 0; attempt < 5 && !closed; attempt++) {
      try {
        const res = await fetch(target.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(target.secret ? { "X-Telegram-Bot-Api-Secret-Token": target.secret } : {}),
          },
          body: JSON.stringify(update),
        });
        if (res.ok) return;
      } catch {
        // retried below
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  };

  const fail = (code: number, description: string, parameters?: Record<string, unknown>) => ({
    ok: false,
    error_code: code,
    description,
    ...(parameters ? { parameters } : {}),
  });
  const okResult = (result: unknown) => ({ ok: true, result });

  const readButtons = (markup: unknown): InlineButton[][] | undefined => {
    const parsed = typeof markup === "string" ? (JSON.parse(markup) as unknown) : markup;
    const keyboard = (parsed as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard;
    return keyboard?.map((row) =>
      row.map((b) => ({
        text: b.text,
        ...(b.callback_data ? { callback_data: b.callback_data } : {}),
        ...(b.url ? { url: b.url } : {}),
        ...(b.web_app ? { web_app: b.web_app } : {}),
      })),
    );
  };

  const findMessage = (chatId: number, messageId: number) =>
    messages.get(chatId)?.find((m) => m.message_id === messageId && !m.deleted);

  const checkText = (
    text: unknown,
    parseMode: unknown,
    required: boolean,
  ): string | { error: ReturnType<typeof fail> } => {
    const value = typeof text === "string" ? text : text === undefined ? "" : String(text);
    if (required && value.trim() === "") return { error: fail(400, "Bad Request: message text is empty") };
    if (value.length > 4096) return { error: fail(400, "Bad Request: message is too long") };
    if (parseMode === "HTML") {
      const problem = htmlProblem(value);
      if (problem) return { error: fail(400, `Bad Request: can't parse entities: ${problem}`) };
    }
    return value;
  };

  const plainOf = (text: string, parseMode: unknown) => (parseMode === "HTML" ? htmlToText(text) : text);

  const addBotMessage = (
    chatId: number,
    fields: { text?: string; parseMode?: unknown; photo?: string; buttons?: InlineButton[][] },
  ) => {
    const message: ChatMessage = {
      message_id: messageSeq++,
      chat_id: chatId,
      from: "bot",
      text: fields.text,
      plain: fields.text ? plainOf(fields.text, fields.parseMode) : "",
      photo: fields.photo,
      buttons: fields.buttons ?? [],
      date: seconds(),
      rev: nextRev(),
      deleted: false,
    };
    chatOf(chatId).push(message);
    wakeAll();
    return message;
  };

  const knownChat = (chatId: number) => users.has(chatId) || messages.has(chatId);
  const blockedError = () => fail(403, "Forbidden: bot was blocked by the user");

  /** Telegram opens Mini Apps only from https addresses, in keyboards and menu buttons alike. */
  const webAppProblem = (buttons: InlineButton[][]) => {
    const insecure = buttons.flat().find((b) => b.web_app && !/^https:\/\//i.test(b.web_app.url));
    return insecure
      ? fail(
          400,
          `Bad Request: inline keyboard button Web App URL '${insecure.web_app!.url}' is invalid: Only HTTPS links are allowed`,
        )
      : undefined;
  };

  const readMenuButton = (value: unknown): MenuButton | { error: ReturnType<typeof fail> } => {
    const parsed = (typeof value === "string" ? safeJson(value) : value) as Record<string, unknown> | undefined;
    if (parsed === undefined) return { type: "default" };
    if (parsed.type === "default" || parsed.type === "commands") return { type: parsed.type };
    if (parsed.type !== "web_app")
      return { error: fail(400, "Bad Request: can't parse menu button: unsupported button type") };
    const webApp = parsed.web_app as { url?: unknown } | undefined;
    if (typeof parsed.text !== "string" || parsed.text.trim() === "" || typeof webApp?.url !== "string")
      return { error: fail(400, "Bad Request: can't parse menu button: text and web_app.url are required") };
    if (!/^https:\/\//i.test(webApp.url))
      return { error: fail(400, `Bad Request: Web App URL '${webApp.url}' is invalid: Only HTTPS links are allowed`) };
    return { type: "web_app", text: parsed.text, web_app: { url: webApp.url } };
  };

  /** The Bot API methods the product uses. Anything else fails loudly, so missing coverage shows. */
  const methods: Record<string, (p: Record<string, unknown>, c: Context) => Promise<unknown> | unknown> = {
    getMe: () => okResult(bot),
    logOut: () => okResult(true),
    close: () => okResult(true),
    getUpdates: async (p) => {
      if (webhook)
        return fail(
          409,
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      const offset = Number(p.offset ?? 0);
      if (offset > 0) pending = pending.filter((u) => u.update_id >= offset);
      const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
      const timeoutMs = Math.min(50, Math.max(0, Number(p.timeout ?? 0))) * 1000;
      if (pending.length === 0 && timeoutMs > 0 && !closed) {
        await new Promise<void>((resolve) => {
          const waiter: Waiter = { wake: () => (pollWaiters.delete(waiter), clearTimeout(timer), resolve()) };
          const timer = setTimeout(() => waiter.wake(), timeoutMs);
          pollWaiters.add(waiter);
        });
      }
      return okResult(pending.slice(0, limit));
    },
    setWebhook: (p) => {
      const secret = typeof p.secret_token === "string" ? p.secret_token : undefined;
      if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret))
        return fail(400, "Bad Request: secret token contains unallowed characters");
      webhook = { url: String(p.url), secret };
      if (p.drop_pending_updates === true || p.drop_pending_updates === "true") pending = [];
      const backlog = pending;
      pending = [];
      for (const update of backlog) webhookChain = webhookChain.then(() => deliverWebhook(webhook!, update));
      return okResult(true);
    },
    deleteWebhook: (p) => {
      webhook = undefined;
      if (p.drop_pending_updates === true || p.drop_pending_updates === "true") pending = [];
      return okResult(true);
    },
    getWebhookInfo: () =>
      okResult({ url: webhook?.url ?? "", has_custom_certificate: false, pending_update_count: pending.length }),
    sendMessage: (p) => {
      const chatId = Number(p.chat_id);
      if (!knownChat(chatId)) return fail(400, "Bad Request: chat not found");
      if (blocked.has(chatId)) return blockedError();
      const fault = sendFaults.get(chatId);
      if (fault && fault.left-- > 0) {
        return fault.kind === "flood"
          ? fail(429, `Too Many Requests: retry after ${fault.retryAfter}`, { retry_after: fault.retryAfter })
          : fail(400, fault.description);
      }
      const text = checkText(p.text, p.parse_mode, true);
      if (typeof text !== "string") return text.error;
      const buttons = readButtons(p.reply_markup) ?? [];
      const insecure = webAppProblem(buttons);
      if (insecure) return insecure;
      return okResult(toMessage(addBotMessage(chatId, { text, parseMode: p.parse_mode, buttons })));
    },
    sendPhoto: async (p) => {
      const chatId = Number(p.chat_id);
      if (!knownChat(chatId)) return fail(400, "Bad Request: chat not found");
      if (blocked.has(chatId)) return blockedError();
      const caption = checkText(p.caption, p.parse_mode, false);
      if (typeof caption !== "string") return caption.error;
      let fileId: string;
      if (p.photo instanceof Blob) {
        const bytes = new Uint8Array(await p.photo.arrayBuffer());
        if (bytes.length === 0) return fail(400, "Bad Request: file must be non-empty");
        fileId = `AgAC${randomBytes(12).toString("hex")}`;
        files.set(fileId, { bytes, type: imageType(bytes) });
      } else if (typeof p.photo === "string" && p.photo.length > 0) {
        fileId = p.photo;
      } else {
        return fail(400, "Bad Request: there is no photo in the request");
      }
      return okResult(
        toMessage(
          addBotMessage(chatId, {
            text: caption || undefined,
            parseMode: p.parse_mode,
            photo: fileId,
            buttons: readButtons(p.reply_markup) ?? [],
          }),
        ),
      );
    },
    editMessageText: (p) => {
      const message = findMessage(Number(p.chat_id), Number(p.message_id));
      if (!message) return fail(400, "Bad Request: message to edit not found");
      const text = checkText(p.text, p.parse_mode, true);
      if (typeof text !== "string") return text.error;
      const buttons = readButtons(p.reply_markup) ?? [];
      const insecure = webAppProblem(buttons);
      if (insecure) return insecure;
      if (text === message.text && JSON.stringify(buttons) === JSON.stringify(message.buttons))
        return fail(
          400,
          "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        );
      Object.assign(message, { text, plain: plainOf(text, p.parse_mode), buttons, rev: nextRev() });
      wakeAll();
      return okResult(toMessage(message));
    },
    editMessageReplyMarkup: (p) => {
      const message = findMessage(Number(p.chat_id), Number(p.message_id));
      if (!message) return fail(400, "Bad Request: message to edit not found");
      const buttons = readButtons(p.reply_markup) ?? [];
      if (JSON.stringify(buttons) === JSON.stringify(message.buttons))
        return fail(
          400,
          "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
        );
      Object.assign(message, { buttons, rev: nextRev() });
      wakeAll();
      return okResult(toMessage(message));
    },
    deleteMessage: (p) => {
      const message = findMessage(Number(p.chat_id), Number(p.message_id));
      if (!message) return fail(400, "Bad Request: message to delete not found");
      Object.assign(message, { deleted: true, rev: nextRev() });
      return okResult(true);
    },
    answerCallbackQuery: (p) => {
      const callbackId = String(p.callback_query_id ?? "");
      const chatId = Number(callbackId.split("-")[0]);
      toasts.push({
        callbackId,
        chatId,
        text: typeof p.text === "string" ? p.text : "",
        showAlert: p.show_alert === true || p.show_alert === "true",
        rev: nextRev(),
      });
      return okResult(true);
    },
    sendInvoice: (p) => {
      const chatId = Number(p.chat_id);
      if (!knownChat(chatId)) return fail(400, "Bad Request: chat not found");
      const prices = (Array.isArray(p.prices) ? p.prices : []) as Array<{ label: string; amount: number }>;
      const title = String(p.title ?? "");
      const description = String(p.description ?? "");
      const payload = String(p.payload ?? "");
      if (title.length < 1 || title.length > 32) return fail(400, "Bad Request: invoice title must be 1-32 characters");
      if (description.length < 1 || description.length > 255)
        return fail(400, "Bad Request: invoice description must be 1-255 characters");
      if (Buffer.byteLength(payload) < 1 || Buffer.byteLength(payload) > 128)
        return fail(400, "Bad Request: invoice payload must be 1-128 bytes");
      if (p.currency === "XTR" && (prices.length !== 1 || (p.provider_token !== undefined && p.provider_token !== "")))
        return fail(400, "Bad Request: Stars invoices take exactly one price and no provider token");
      const amount = prices.reduce((sum, price) => sum + Number(price.amount), 0);
      if (!Number.isInteger(amount) || amount < 1)
        return fail(400, "Bad Request: invoice amount must be a positive integer");
      const message = addBotMessage(chatId, { text: `${title}\n${description}` });
      Object.assign(message, {
        invoice: { title, description, payload, currency: String(p.currency), amount },
        plain: `${title}\n${description}`,
      });
      return okResult(toMessage(message));
    },
    answerPreCheckoutQuery: (p) => {
      const query = checkouts.get(String(p.pre_checkout_query_id));
      if (!query) return fail(400, "Bad Request: QUERY_ID_INVALID");
      if (query.answer)
        return fail(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
      const ok = p.ok === true || p.ok === "true";
      if (!ok && !p.error_message) return fail(400, "Bad Request: error_message is required when ok is false");
      query.answer = { ok, ...(ok ? {} : { error_message: String(p.error_message) }) };
      wakeAll();
      return okResult(true);
    },
    refundStarPayment: (p) => {
      const charge = charges.get(String(p.telegram_payment_charge_id));
      if (!charge || charge.userId !== Number(p.user_id)) return fail(400, "Bad Request: CHARGE_NOT_FOUND");
      if (charge.refunded) return fail(400, "Bad Request: CHARGE_ALREADY_REFUNDED");
      charge.refunded = true;
      return okResult(true);
    },
    sendChatAction: () => okResult(true),
    setMyCommands: (p) => {
      commands[String(p.language_code ?? "")] = p.commands;
      return okResult(true);
    },
    deleteMyCommands: () => ((commands = {}), okResult(true)),
    getMyCommands: (p) => okResult(commands[String(p.language_code ?? "")] ?? []),
    setChatMenuButton: (p) => {
      const button = readMenuButton(p.menu_button);
      if ("error" in button) return button.error;
      if (p.chat_id === undefined || p.chat_id === "") {
        defaultMenuButton = button.type === "default" ? { type: "commands" } : button;
        return okResult(true);
      }
      const chatId = Number(p.chat_id);
      if (!knownChat(chatId)) return fail(400, "Bad Request: chat not found");
      if (button.type === "default") menuButtons.delete(chatId);
      else menuButtons.set(chatId, button);
      return okResult(true);
    },
    getChatMenuButton: (p) =>
      okResult(
        p.chat_id === undefined || p.chat_id === ""
          ? defaultMenuButton
          : (menuButtons.get(Number(p.chat_id)) ?? defaultMenuButton),
      ),
    setMyDescription: () => okResult(true),
    setMyShortDescription: () => okResult(true),
    getFile: (p) =>
      files.has(String(p.file_id))
        ? okResult({
            file_id: p.file_id,
            file_unique_id: String(p.file_id).slice(0, 16),
            file_path: `photos/${String(p.file_id)}.png`,
          })
        : fail(400, "Bad Request: invalid file_id"),
  };

  const readPayload = async (c: Context): Promise<Record<string, unknown>> => {
    const type = c.req.header("content-type") ?? "";
    if (type.includes("application/json"))
      return ((await c.req.json().catch(() => ({}))) ?? {}) as Record<string, unknown>;
    if (type.includes("multipart/form-data")) {
      const parts = parseMultipart(Buffer.from(await c.req.arrayBuffer()), type);
      const payload: Record<string, unknown> = {};
      for (const part of parts) {
        if (part.filename !== undefined) continue;
        const value = part.data.toString("utf8");
        payload[part.name] = /^[[{]/.test(value) ? safeJson(value) : value;
      }
      // Files come as their own part, named directly or referenced as attach://<part name>.
      for (const [key, value] of Object.entries(payload)) {
        const attached =
          typeof value === "string" && value.startsWith("attach://")
            ? parts.find((p) => p.name === value.slice(9))
            : undefined;
        if (attached)
          payload[key] = new Blob([new Uint8Array(attached.data)], {
            type: attached.contentType ?? "application/octet-stream",
          });
      }
      for (const part of parts)
        if (part.filename !== undefined && !(part.name in payload))
          payload[part.name] = new Blob([new Uint8Array(part.data)], {
            type: part.contentType ?? "application/octet-stream",
          });
      return payload;
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      const body = await c.req.parseBody({ all: false });
      return Object.fromEntries(
        Object.entries(body).map(([k, v]) => [k, typeof v === "string" && /^[[{]/.test(v) ? safeJson(v) : v]),
      );
    }
    return Object.fromEntries(new URL(c.req.url).searchParams);
  };

  const routes = new Hono();
  routes.all("/:botToken/:method", async (c) => {
    const botToken = c.req.param("botToken");
    if (!botToken.startsWith("bot") || botToken.slice(3) !== options.token)
      return c.json(fail(401, "Unauthorized"), 401);
    const method = c.req.param("method");
    const handler = Object.entries(methods).find(([name]) => name.toLowerCase() === method.toLowerCase())?.[1];
    if (!handler) return c.json(fail(404, "Not Found: method not found"), 404);
    const payload = await readPayload(c);
    calls.push({
      method,
      payload: Object.fromEntries(Object.entries(payload).filter(([, v]) => !(v instanceof Blob))),
    });
    const answer = (await handler(payload, c)) as { ok: boolean; error_code?: number };
    return c.json(answer, answer.ok ? 200 : ((answer.error_code ?? 400) as 400));
  });

  return {
    routes,
    token: options.token,
    bot,
    calls,
    users: () => [...users.values()],

    /**
     * A person types a message in the chat, optionally as a reply to an earlier message there
     * (Telegram then includes that message as `reply_to_message`). Returns the update it produced.
     */
    userSays(userId: number, text: string, options: { replyTo?: number } = {}): Update {
      const user = userOf(userId);
      const repliedTo = options.replyTo === undefined ? undefined : findMessage(user.id, options.replyTo);
      if (options.replyTo !== undefined && !repliedTo)
        throw new Error(`no message ${options.replyTo} in chat ${userId} to reply to`);
      const message: ChatMessage = {
        message_id: messageSeq++,
        chat_id: user.id,
        from: "user",
        text,
        plain: text,
        buttons: [],
        date: seconds(),
        rev: nextRev(),
        deleted: false,
      };
      chatOf(user.id).push(message);
      const entities = text.startsWith("/")
        ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }]
        : undefined;
      return pushUpdate({
        message: {
          ...toMessage(message),
          ...(entities ? { entities } : {}),
          ...(repliedTo ? { reply_to_message: toMessage(repliedTo) } : {}),
        },
      });
    },

    /** A person taps an inline button. Fails like Telegram would if the button does not exist. */
    userPresses(userId: number, messageId: number, data: string): Update {
      const message = findMessage(userId, messageId);
      if (!message) throw new Error(`no message ${messageId} in chat ${userId}`);
      if (!message.buttons.flat().some((b) => b.callback_data === data))
        throw new Error(`message ${messageId} has no button with data ${data}`);
      const user = userOf(userId);
      return pushUpdate({
        callback_query: {
          id: `${userId}-${callbackSeq++}`,
          from: telegramUser(user),
          chat_instance: String(userId),
          data,
          message: toMessage(message),
        },
      });
    },

    /** The customer taps Pay on an invoice: Telegram first asks the bot (pre_checkout_query). */
    startInvoicePayment(userId: number, messageId: number): { update: Update; queryId: string } {
      const message = findMessage(userId, messageId);
      if (!message?.invoice) throw new Error(`message ${messageId} in chat ${userId} is not an invoice`);
      const queryId = `pcq-${checkoutSeq++}`;
      checkouts.set(queryId, { userId, messageId });
      const update = pushUpdate({
        pre_checkout_query: {
          id: queryId,
          from: telegramUser(userOf(userId)),
          currency: message.invoice.currency,
          total_amount: message.invoice.amount,
          invoice_payload: message.invoice.payload,
        },
      });
      return { update, queryId };
    },

    preCheckoutAnswer(queryId: string) {
      return checkouts.get(queryId)?.answer;
    },

    /** After an "ok" answer Telegram charges and tells the bot with a successful_payment message. */
    finishInvoicePayment(queryId: string): { update: Update; chargeId: string } {
      const query = checkouts.get(queryId);
      if (!query?.answer?.ok) throw new Error(`pre-checkout ${queryId} was not approved`);
      const message = findMessage(query.userId, query.messageId)!;
      const invoice = message.invoice!;
      // Telegram then shows the payer a receipt where the Pay button was.
      Object.assign(message, { invoice: { ...invoice, paid: true }, rev: rev++ });
      const chargeId = `stxSANDBOX${randomBytes(8).toString("hex")}`;
      charges.set(chargeId, { userId: query.userId, amount: invoice.amount, refunded: false });
      return {
        update: this.repeatSuccessfulPayment(query.userId, {
          currency: invoice.currency,
          amount: invoice.amount,
          payload: invoice.payload,
          chargeId,
        }),
        chargeId,
      };
    },

    /** Telegram may deliver the same payment twice: a new update with the same charge. */
    repeatSuccessfulPayment(
      userId: number,
      payment: { currency: string; amount: number; payload: string; chargeId: string },
    ): Update {
      const message: ChatMessage = {
        message_id: messageSeq++,
        chat_id: userId,
        from: "user",
        plain: `⭐ ${payment.amount} paid`,
        successfulPayment: payment,
        buttons: [],
        date: seconds(),
        rev: nextRev(),
        deleted: false,
      };
      chatOf(userId).push(message);
      return pushUpdate({ message: toMessage(message) });
    },

    /** The whole Stars payment as a person does it, for bots that poll: ask, wait up to 10 s, charge. */
    async payInvoice(
      userId: number,
      messageId: number,
      timeoutMs = 10_000,
    ): Promise<{ ok: boolean; chargeId?: string; error?: string }> {
      const { queryId } = this.startInvoicePayment(userId, messageId);
      const deadline = Date.now() + timeoutMs;
      while (!this.preCheckoutAnswer(queryId) && Date.now() < deadline && !closed)
        await new Promise((r) => setTimeout(r, 25));
      const answer = this.preCheckoutAnswer(queryId);
      if (!answer) return { ok: false, error: "the bot did not answer the pre-checkout query within 10 s" };
      if (!answer.ok) return { ok: false, error: answer.error_message ?? "refused" };
      return { ok: true, chargeId: this.finishInvoicePayment(queryId).chargeId };
    },

    starsCharge(chargeId: string) {
      return charges.get(chargeId);
    },

    /** The menu button a private chat shows (its own, or the bot's default). */
    menuButtonOf(chatId: number): MenuButton {
      return menuButtons.get(chatId) ?? defaultMenuButton;
    },

    /** The person blocks the bot (or unblocks it): messages to them then fail with 403. */
    setBlocked(userId: number, value = true): void {
      if (value) blocked.add(userId);
      else blocked.delete(userId);
    },

    /** The next `times` messages to this chat are refused as Telegram may refuse them (flood control, a bad request). */
    failSends(chatId: number, fault: SendFault, times = 1): void {
      sendFaults.set(chatId, { ...fault, left: times });
    },

    /** Adds a person who can chat (tests use their own ids). */
    addUser(user: EmulatedUser): void {
      users.set(user.id, user);
    },

    messagesIn(chatId: number): ChatMessage[] {
      return (messages.get(chatId) ?? []).filter((m) => !m.deleted);
    },

    toastsIn(chatId: number): Toast[] {
      return toasts.filter((t) => t.chatId === chatId);
    },

    file(fileId: string) {
      return files.get(fileId);
    },

    /**
     * What changed in a chat after revision `since` (0: everything), and `cursor`, the newest
     * revision included, which the caller sends back as its next `since`. Toasts are ephemeral, as
     * in Telegram: a caller catching up from 0 (a page just opened) gets none of the old ones.
     */
    changesSince(chatId: number, since: number) {
      return {
        cursor: rev - 1,
        messages: (messages.get(chatId) ?? []).filter((m) => m.rev > since),
        toasts: since > 0 ? toasts.filter((t) => t.chatId === chatId && t.rev > since) : [],
      };
    },

    /** Resolves when a bot message in the chat matches, or rejects after the timeout. */
    async waitForBotMessage(
      chatId: number,
      match: (m: ChatMessage) => boolean,
      timeoutMs = 10_000,
    ): Promise<ChatMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (messages.get(chatId) ?? []).find((m) => m.from === "bot" && !m.deleted && match(m));
        if (found) return found;
        if (Date.now() > deadline)
          throw new Error(
            `no matching bot message in chat ${chatId} after ${timeoutMs} ms; last: ${JSON.stringify((messages.get(chatId) ?? []).slice(-3).map((m) => m.plain))}`,
          );
        await new Promise<void>((resolve) => {
          const waiter: Waiter = { wake: () => (waiters.delete(waiter), clearTimeout(timer), resolve()) };
          const timer = setTimeout(() => waiter.wake(), 50);
          waiters.add(waiter);
        });
      }
    },

    /** Ends long polls so the process can exit. */
    close(): void {
      if (options.store && !closed) flush();
      closed = true;
      wakePolls();
      wakeAll();
    },
  };
}

export type TelegramEmulator = ReturnType<typeof createTelegramEmulator>;

/** Like Telegram, judge an upload by its bytes, not by the part's declared type. */
function imageType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  return "application/octet-stream";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
