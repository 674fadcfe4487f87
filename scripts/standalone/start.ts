// `node dist/standalone/start.js`: the same start sequence as `npm start`, from the standalone directory alone.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch } from "../launch/launcher";
import { standalonePlan } from "../launch/standalone-plan";

launch(standalonePlan(path.dirname(fileURLToPath(import.meta.url))));
