// Types of modules.mjs (plain JavaScript, so that eslint.config.mjs can load it without a compiler).
export type ServerModule = { name: string; public: "all" | string[]; does: string };
export declare const SERVER_MODULES: ServerModule[];
export declare const COMPOSITION_ROOT: string;
export declare const TEST_SUPPORT: string[];
