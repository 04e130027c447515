import type { Context } from "hono";
import type { z } from "zod";
import { AppError, issueText, type MessageKey } from "../../shared/errors.js";
import type { AdminEnv } from "./admin.auth.js";

/** Reads and validates a JSON body; a bad one is a 400 that says which field is wrong. */
export async function jsonBody<T extends z.ZodType>(c: Context<AdminEnv>, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("admin.invalid_input", "the request body must be JSON");
  }
  return parseInput(schema, body);
}

/** Validates query or path input the same way. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues
      .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
      .join("; ");
    throw new AppError("admin.invalid_input", message, { text: inputIssueText(parsed.error.issues[0]!, input) });
  }
  return parsed.data;
}

/** A path parameter that must be a positive integer id. */
export function idParam(c: Context<AdminEnv>, name = "id"): number {
  const value = Number(c.req.param(name));
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new AppError("admin.invalid_input", `${name} must be a positive whole number`);
  return value;
}

/**
 * The first problem of a request, as the app's texts can say it: a key set on the schema's own
 * issue, else one of a few generic sentences by kind (too small, too large, missing, wrong kind),
 * with the field's name for the app to label.
 */
function inputIssueText(issue: z.core.$ZodIssue, input: unknown): MessageKey {
  const field = issue.path.map(String).join(".");
  const own = issueText(issue as { params?: Record<string, unknown> });
  if (own) return own;
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string"
        ? {
            key: Number(issue.minimum) <= 1 ? "input.required" : "input.too_short",
            params: { field, min: Number(issue.minimum) },
          }
        : { key: "input.too_small", params: { field, min: Number(issue.minimum) } };
    case "too_big":
      return issue.origin === "string"
        ? { key: "input.too_long", params: { field, max: Number(issue.maximum) } }
        : { key: "input.too_big", params: { field, max: Number(issue.maximum) } };
    case "invalid_type":
      return { key: valueAt(input, issue.path) === undefined ? "input.required" : "input.invalid", params: { field } };
    default:
      return { key: "input.invalid", params: { field } };
  }
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = input;
  for (const step of path)
    value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  return value;
}
