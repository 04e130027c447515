export interface KvTable {
  key: string;
  value: string;
  updated_at: number;
}
