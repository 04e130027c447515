/**
 * The simulator's own brain, knowing nothing but the wire: for a JSON-schema request it returns
 * the most neutral object the schema allows (null where null is allowed, "unknown" or the first
 * value of an enum, empty strings, zeros), and for a plain request a fixed sentence. Products
 * inject a smarter brain (the sandbox uses the rule reader) without the simulator importing them.
 */
export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: unknown }>;
  /** The JSON schema when `response_format.type` is "json_schema". */
  schema: JsonSchema | undefined;
  schemaName: string | undefined;
}

export type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
  definitions?: Record<string, JsonSchema>;
  $defs?: Record<string, JsonSchema>;
};

/** What a brain answers: an object (sent as its JSON) or the content string itself. */
export type Brain = (request: ChatRequest) => unknown;

export const neutralBrain: Brain = (request) =>
  request.schema ? neutralValue(request.schema, request.schema) : "Sandbox model: no answer configured.";

/** The last user message's text: where a prompt puts the customer's words. */
export function lastUserText(request: ChatRequest): string {
  const last = [...request.messages].reverse().find((m) => m.role === "user");
  return typeof last?.content === "string" ? last.content : "";
}

function neutralValue(schema: JsonSchema, root: JsonSchema): unknown {
  if (schema.$ref) {
    const name = schema.$ref.split("/").at(-1)!;
    const target = root.definitions?.[name] ?? root.$defs?.[name];
    return target ? neutralValue(target, root) : null;
  }
  if (schema.anyOf) {
    const nullable = schema.anyOf.some((s) => s.type === "null");
    return nullable ? null : neutralValue(schema.anyOf[0]!, root);
  }
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("null")) return null;
  if (schema.enum) return schema.enum.includes("unknown") ? "unknown" : schema.enum[0];
  switch (types[0]) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, neutralValue(value, root)]),
      );
    case "array":
      return [];
    case "string":
      return "";
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}
