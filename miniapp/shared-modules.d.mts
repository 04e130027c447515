// Types of shared-modules.mjs (plain JavaScript so that eslint.config.js can read it too).
export declare const CONTRACTS_DIR: string;
export declare const SHARED_WITH_APP: readonly string[];
