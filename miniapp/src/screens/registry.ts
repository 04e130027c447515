import type { ComponentType } from "react";
import type { Permission } from "../session";
import { Audit } from "./Audit";
import { CustomerAdjust } from "./CustomerAdjust";
import { CustomerDetail } from "./CustomerDetail";
import { Customers } from "./Customers";
import { Dashboard } from "./Dashboard";
import { Home } from "./Home";
import { Imports } from "./Imports";
import { ManualOrder } from "./ManualOrder";
import { Margins } from "./Margins";
import { OrderDetail } from "./OrderDetail";
import { OrderOutcome, OrderResolve, OrderSync } from "./OrderOperate";
import { OrderNotes, OrderProgress, OrderRetry, OrdersSyncAll } from "./OrderProgress";
import { OrderRefund } from "./OrderRefund";
import { Orders } from "./Orders";
import { ServiceBackupAdd } from "./ServiceBackupAdd";
import { ServiceDetail } from "./ServiceDetail";
import { ServiceEdit } from "./ServiceEdit";
import { ServicePrice } from "./ServicePrice";
import { Services } from "./Services";
import { SupplierDetail } from "./SupplierDetail";
import { SupplierForm } from "./SupplierForm";
import { Suppliers } from "./Suppliers";
import { BotTextEdit } from "./BotTextEdit";
import { BotTexts } from "./BotTexts";
import { Faq } from "./Faq";
import { FaqEdit } from "./FaqEdit";
import { GatewaySettings } from "./GatewaySettings";
import { SettingEdit } from "./SettingEdit";
import { Settings } from "./Settings";
import { TEAM_SCREENS } from "./team.registry";

/**
 * Every screen of the app. `menu` screens are listed on Home (in this order) when the signed-in
 * role has `permission`; the others are reached from a screen (a detail, an editor).
 * One line per screen; each area keeps its screens in its own files.
 */
export interface ScreenDefinition {
  id: string;
  /** i18n key of the title. */
  title: string;
  component: ComponentType;
  menu?: { icon: string; permission: Permission };
}

export const SCREENS: ScreenDefinition[] = [
  { id: "home", title: "app.title", component: Home },
  { id: "dashboard", title: "dashboard.title", component: Dashboard, menu: { icon: "📊", permission: "view" } },
  { id: "orders", title: "orders.title", component: Orders, menu: { icon: "📦", permission: "view" } },
  { id: "order", title: "order.screen", component: OrderDetail },
  { id: "order-sync", title: "order.action.sync", component: OrderSync },
  { id: "order-outcome", title: "order.action.outcome", component: OrderOutcome },
  { id: "order-resolve", title: "order.action.resolve", component: OrderResolve },
  { id: "order-refund", title: "order.action.refund", component: OrderRefund },
  { id: "order-progress", title: "order.action.progress", component: OrderProgress },
  { id: "order-notes", title: "order.action.notes", component: OrderNotes },
  { id: "order-retry", title: "order.action.retry", component: OrderRetry },
  { id: "orders-sync-all", title: "orders.sync_all", component: OrdersSyncAll },
  { id: "order-manual", title: "manual.screen", component: ManualOrder },
  { id: "customers", title: "customers.title", component: Customers, menu: { icon: "👥", permission: "view" } },
  { id: "customer", title: "customer.screen", component: CustomerDetail },
  { id: "customer-adjust", title: "customer.adjust", component: CustomerAdjust },
  { id: "services", title: "services.title", component: Services, menu: { icon: "🛒", permission: "view" } },
  { id: "service", title: "service.title", component: ServiceDetail },
  { id: "service-price", title: "service.edit_price", component: ServicePrice },
  { id: "service-edit", title: "service.edit_details", component: ServiceEdit },
  { id: "service-backup-add", title: "service.backups.add", component: ServiceBackupAdd },
  { id: "margins", title: "pricing.title", component: Margins },
  { id: "suppliers", title: "suppliers.title", component: Suppliers, menu: { icon: "🔌", permission: "view" } },
  { id: "supplier", title: "supplier.title", component: SupplierDetail },
  { id: "supplier-form", title: "supplier.edit", component: SupplierForm },
  { id: "imports", title: "imports.title", component: Imports, menu: { icon: "📥", permission: "manage" } },
  { id: "audit", title: "audit.title", component: Audit, menu: { icon: "🧾", permission: "view" } },
  { id: "settings", title: "settings.title", component: Settings, menu: { icon: "⚙️", permission: "manage" } },
  { id: "setting", title: "settings.title", component: SettingEdit },
  { id: "settings-gateway", title: "gateway.title", component: GatewaySettings },
  { id: "bot-texts", title: "texts.title", component: BotTexts },
  { id: "bot-text", title: "texts.title", component: BotTextEdit },
  { id: "faq", title: "faq.title", component: Faq },
  { id: "faq-edit", title: "faq.title", component: FaqEdit },
  ...TEAM_SCREENS,
];
