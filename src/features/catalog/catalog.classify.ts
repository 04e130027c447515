import { detectKind, detectPlatform, type Kind, type Platform } from "./catalog.vocabulary.js";

/**
 * Platform from the category first (suppliers group by platform), kind from the name first (the
 * name says what is delivered: "Instagram Followers + Likes" sells followers).
 */
export function classifyService(input: { name: string; category: string }): { platform: Platform; kind: Kind } {
  return {
    platform: detectPlatform(input.category) ?? detectPlatform(input.name) ?? "other",
    kind: detectKind(input.name) ?? detectKind(input.category) ?? "other",
  };
}
