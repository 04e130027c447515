/** What the settings and texts areas of the admin API answer: the server's contract (type-only, erased from the bundle). */
export type {
  GatewayEntry,
  GatewayEnvironment,
  GatewayKeys,
  GatewayTested,
  GatewayTestRecord,
  MidtransTest,
  SettingChange,
  SettingGroups,
  SettingKind,
  SettingView,
} from "../../../src/features/admin/contracts/settings.contract";
export type {
  BotText,
  BotTextList,
  FaqItem,
  FaqList,
  TextLanguage,
} from "../../../src/features/admin/contracts/texts.contract";
