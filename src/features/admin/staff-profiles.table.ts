/** A staff member's Telegram name as last seen at sign-in (see migrations/20261207T1050_staff_profiles.sql). */
export interface StaffProfileTable {
  telegram_id: number;
  name: string;
  username: string | null;
  updated_at: number;
}
