import type { Context } from "hono";
import type { z } from "zod";
import { AppError } from "../../shared/errors.js";
import type { AdminEnv } from "./admin.auth.js";

/** Reads and validates a JSON body; a bad one is a 400 that says which field is wrong. */
export async function jsonBody<T extends z.ZodType>(c: Context<AdminEnv>, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("admin.invalid_input", "the request body must be JSON", { httpStatus: 400 });
  }
  return parseInput(schema, body);
}

/** Validates query or path input the same way. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
    throw new AppError("admin.invalid_input", message, { httpStatus: 400 });
  }
  return parsed.data;
}

/** A path parameter that must be a positive integer id. */
export function idParam(c: Context<AdminEnv>, name = "id"): number {
  const value = Number(c.req.param(name));
  if (!Number.isSafeInteger(value) || value <= 0) throw new AppError("admin.invalid_input", `${name} must be a positive whole number`, { httpStatus: 400 });
  return value;
}
