export interface SettingTable {
  key: string;
  value: string; // JSON
  updated_at: number;
}
