import { BroadcastCompose } from "./BroadcastCompose";
import { BroadcastProgress } from "./BroadcastProgress";
import { Broadcasts } from "./Broadcasts";
import { HandoffDetail } from "./HandoffDetail";
import { Handoffs } from "./Handoffs";
import type { ScreenDefinition } from "./registry";
import { Staff } from "./Staff";
import { StaffAdd } from "./StaffAdd";
import { StaffMemberEdit } from "./StaffMemberEdit";

/** The hand-off inbox, broadcasts and staff: their screens, one line each (listed in registry.ts). */
export const TEAM_SCREENS: ScreenDefinition[] = [
  { id: "handoffs", title: "handoffs.title", component: Handoffs, menu: { icon: "🙋", permission: "operate" } },
  { id: "handoff", title: "handoff.screen", component: HandoffDetail },
  { id: "broadcasts", title: "broadcasts.title", component: Broadcasts, menu: { icon: "📣", permission: "manage" } },
  { id: "broadcast-new", title: "broadcast.compose", component: BroadcastCompose },
  { id: "broadcast", title: "broadcast.screen", component: BroadcastProgress },
  { id: "staff", title: "staff.title", component: Staff, menu: { icon: "🧑‍💼", permission: "staff" } },
  { id: "staff-add", title: "staff.add.screen", component: StaffAdd },
  { id: "staff-member", title: "staff.member.screen", component: StaffMemberEdit },
];
