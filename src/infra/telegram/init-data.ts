import { parse, sign, validate } from "@tma.js/init-data-node";

/**
 * Telegram Mini App `initData`: the signed launch parameters the client sends with every admin API
 * request. The signature is checked by @tma.js/init-data-node; the age is checked by the caller
 * against the product's clock (so tests and clock-skew cases use the same time as everything else).
 */
export interface VerifiedInitData {
  user: {
    id: number;
    firstName: string;
    lastName: string | undefined;
    username: string | undefined;
    languageCode: string | undefined;
  };
  authDate: number;
}

export type InitDataProblem = "missing" | "invalid_signature" | "malformed" | "no_user";

export function verifyInitData(
  raw: string,
  botToken: string,
): { ok: true; value: VerifiedInitData } | { ok: false; problem: InitDataProblem } {
  if (!raw) return { ok: false, problem: "missing" };
  try {
    // Age is ours to judge (expiresIn 0 turns the library's check off).
    validate(raw, botToken, { expiresIn: 0 });
  } catch {
    return { ok: false, problem: "invalid_signature" };
  }
  let data: ReturnType<typeof parse>;
  try {
    data = parse(raw);
  } catch {
    return { ok: false, problem: "malformed" };
  }
  const user = data.user;
  if (!user) return { ok: false, problem: "no_user" };
  return {
    ok: true,
    value: {
      user: {
        id: user.id,
        firstName: user.first_name,
        lastName: user.last_name,
        username: user.username,
        languageCode: user.language_code,
      },
      authDate: data.auth_date.getTime(),
    },
  };
}

/** Builds genuinely signed initData: for the sandbox's "open as admin" link and for tests. */
export function signInitData(
  user: { id: number; firstName: string; username?: string | undefined; languageCode?: string | undefined },
  botToken: string,
  authDate: Date,
): string {
  return sign(
    {
      user: {
        id: user.id,
        first_name: user.firstName,
        ...(user.username ? { username: user.username } : {}),
        ...(user.languageCode ? { language_code: user.languageCode } : {}),
      },
      query_id: `AAH${user.id}`,
    } as never,
    botToken,
    authDate,
  );
}
