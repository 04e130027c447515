import type { Container } from "../container.js";
import { CliUsageError, stringOptions, table, type Output } from "./output.js";

const ACTOR = "cli";
const USAGE = "staff list | staff add TELEGRAM_ID --role owner|admin|operator [--name NAME] | staff remove TELEGRAM_ID";

/**
 * `staff …`: who may use /admin and the admin app, for the first staff member before anyone opens
 * the app, or a shop locked out of Telegram. The same service (and audit entries) as the app.
 */
export async function runStaffCommand(container: Container, args: string[], out: Output): Promise<number> {
  const [sub, id, ...flags] = args;
  const { admins } = container;
  switch (sub) {
    case "list": {
      const staff = await admins.list();
      out.log(
        table([
          ["TELEGRAM ID", "ROLE", "NAME", "FROM"],
          ...staff.map((s) => [
            String(s.telegramId),
            s.role,
            s.name || "-",
            s.fromConfig ? "ADMIN_TELEGRAM_IDS" : "app",
          ]),
        ]),
      );
      out.log(`${staff.length} staff.`);
      return 0;
    }
    case "add": {
      const { role, name } = stringOptions(flags, ["role", "name"]);
      if (!role) throw new CliUsageError(`staff add needs --role: ${USAGE}`);
      const member = await admins.grant({ telegramId: telegramIdOf(id), role, name: name ?? "" }, ACTOR);
      out.log(`Telegram ${member.telegramId} is now ${member.role}.`);
      return 0;
    }
    case "remove": {
      await admins.revoke(telegramIdOf(id), ACTOR);
      out.log(`Telegram ${id} is no longer staff.`);
      return 0;
    }
    default:
      throw new CliUsageError(sub ? `unknown staff command "${sub}": ${USAGE}` : USAGE);
  }
}

function telegramIdOf(text: string | undefined): number {
  const id = Number(text);
  if (!text || !Number.isSafeInteger(id) || id <= 0)
    throw new CliUsageError(`a Telegram user id is a whole number, e.g. 123456789: ${USAGE}`);
  return id;
}
