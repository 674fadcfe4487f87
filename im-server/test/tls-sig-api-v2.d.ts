// Types for the reference UserSig implementation (the npm package ships none); used by the interop test.
declare module "tls-sig-api-v2" {
  export class Api {
    constructor(sdkappid: number, key: string);
    genUserSig(userid: string, expire: number): string;
    genPrivateMapKey(userid: string, expire: number, roomid: number, privilegeMap: number): string;
  }
}
