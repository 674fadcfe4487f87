// Any /api path no route has — 404 in the error contract, whatever the method (Next alone would answer its HTML page)
import { unknownApiPath } from "@/lib/server/http/route-methods";

export {
  unknownApiPath as GET,
  unknownApiPath as POST,
  unknownApiPath as PUT,
  unknownApiPath as PATCH,
  unknownApiPath as DELETE,
  unknownApiPath as OPTIONS,
};
