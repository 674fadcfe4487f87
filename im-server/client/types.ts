// Shapes the client API answers with, in the SDK's names (V2TIMGroupApplication, V2TIMGroupInfo, V2TIMMessage).

export interface GroupMessage {
  msgID: string;
  groupID: string;
  sender: string;
  seq: number;
  timestamp: number;
  priority: number;
  text: string;
  elemList: unknown[];
}

export interface GroupApplication {
  applicationID: string;
  groupID: string;
  fromUser: string;
  fromUserNickName: string;
  fromUserFaceUrl: string;
  toUser: string;
  addTime: number;
  requestMsg: string;
  handledMsg: string;
  type: number;
  handleStatus: number;
  handleResult: number;
}

export interface JoinedGroup {
  groupID: string;
  groupType: string;
  groupName: string;
  notification: string;
  introduction: string;
  faceURL: string;
  owner: string;
  createTime: number;
  groupAddOpt: number;
  isAllMuted: boolean;
  memberCount: number;
  memberMaxCount: number;
  role: number;
  joinTime: number;
}
