import { z } from "zod";

// Zod compiles object parsers with `new Function` when it may; the pages' Content-Security-Policy allows no
// eval, and even zod's probe for it is reported as a violation. Interpreted parsing is plenty fast here.
z.config({ jitless: true });
