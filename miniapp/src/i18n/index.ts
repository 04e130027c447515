import { auditTexts } from "./audit";
import { commonTexts } from "./common";
import { componentTexts } from "./components";
import { customersTexts } from "./customers";
import { dashboardTexts } from "./dashboard";
import { importTexts } from "./imports";
import { ordersTexts } from "./orders";
import { pricingTexts } from "./pricing";
import { serviceTexts } from "./services";
import { settingsTexts } from "./settings";
import { supplierTexts } from "./suppliers";
import { broadcastsTexts } from "./broadcasts";
import { handoffsTexts } from "./handoffs";
import { staffTexts } from "./staff";
import { wordingTexts } from "./wording";

/** Every area's texts, merged. One import line per area file. */
export const TEXTS: ReadonlyArray<{ id: Record<string, string>; en: Record<string, string> }> = [
  commonTexts,
  componentTexts,
  ordersTexts,
  customersTexts,
  auditTexts,
  dashboardTexts,
  supplierTexts,
  importTexts,
  serviceTexts,
  pricingTexts,
  settingsTexts,
  handoffsTexts,
  broadcastsTexts,
  staffTexts,
  wordingTexts,
];
