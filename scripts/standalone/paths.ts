/** Where `npm run build` puts the standalone console (movable, so two test runs in one checkout keep apart). */
export const STANDALONE_DIR = process.env.STANDALONE_DIR || "dist/standalone";
/** Next's build directory (next.config.js reads the same variable). */
export const NEXT_DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
