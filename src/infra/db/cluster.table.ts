/** Tables that let several instances share one database (see migrations `…T1140_instances.sql`). */

export interface OnceClaimTable {
  name: string;
  slot: string;
  holder: string;
  claimed_at: number;
}

export interface LeaseTable {
  name: string;
  holder: string;
  lease_until: number;
}

export interface RateBucketTable {
  name: string;
  tokens: number;
  updated_at: number;
}

export interface RateCountTable {
  key: string;
  count: number;
  expires_at: number;
}
