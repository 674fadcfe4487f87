// The demo's groups: every type, three languages, realistic sizes, a few nearly or completely full.
import type { ApplyJoinOption, GroupType } from "../domain/group-types";

export interface DemoGroup {
  name: string;
  type: GroupType;
  id?: string;
  introduction: string;
  notification?: string;
  members: number;
  maxMembers?: number;
  joinOption?: ApplyJoinOption;
  admins?: number;
  supportTopic?: boolean;
  noOwner?: boolean;
  /** Pending applications to seed (Public NeedPermission groups). */
  pending?: number;
  /** Already handled applications to seed: [approved, refused]. */
  handled?: [number, number];
}

export const DEMO_GROUPS: DemoGroup[] = [
  // Public
  {
    name: "東京 React 勉強会",
    type: "Public",
    id: "tokyo-react",
    introduction: "毎月第2土曜日に渋谷でReactの勉強会を開催しています。初心者歓迎！",
    notification: "次回は Server Components 特集です。",
    members: 120,
    admins: 2,
    pending: 5,
    handled: [2, 1],
  },
  {
    name: "上海摄影爱好者",
    type: "Public",
    introduction: "分享上海街头与风光摄影作品，每月组织一次外拍。",
    notification: "本周六外滩夜景外拍，晚上7点集合。",
    members: 85,
    admins: 2,
    pending: 4,
    handled: [1, 1],
  },
  {
    name: "Weekend Hikers",
    type: "Public",
    introduction: "Day hikes around the bay every other weekend. All paces welcome.",
    members: 60,
    admins: 1,
    pending: 3,
    handled: [1, 0],
  },
  {
    name: "Indie Game Devs",
    type: "Public",
    introduction: "Share your devlogs, get playtesters, talk engines and shaders.",
    notification: "Game jam starts Friday 18:00 UTC!",
    members: 140,
    admins: 3,
    pending: 3,
    handled: [0, 1],
  },
  {
    name: "大阪グルメ部",
    type: "Public",
    introduction: "大阪の美味しいお店情報を交換するグループです。",
    members: 45,
    admins: 1,
    pending: 2,
  },
  {
    name: "北京跑步俱乐部",
    type: "Public",
    introduction: "每周三晚奥森夜跑，周日长距离拉练。",
    members: 70,
    joinOption: "FreeAccess",
    admins: 1,
  },
  {
    name: "Book Club: Sci-Fi",
    type: "Public",
    introduction: "One science-fiction novel a month. Currently reading: The Left Hand of Darkness.",
    members: 20,
    maxMembers: 20,
    pending: 2,
  },
  {
    name: "Rust Beginners",
    type: "Public",
    introduction: "Ask anything about Rust, no question too small.",
    members: 35,
    joinOption: "FreeAccess",
  },
  { name: "京都 写真散歩", type: "Public", introduction: "京都の街並みをカメラ片手に散歩しましょう。", members: 25, pending: 1 },
  {
    name: "深圳创业者交流",
    type: "Public",
    introduction: "硬件与软件创业者的交流群，禁止广告。",
    members: 150,
    admins: 3,
    pending: 2,
    handled: [1, 0],
  },
  {
    name: "Vintage Synth Collectors",
    type: "Public",
    introduction: "Invitation only. Trading and restoring analog synthesizers.",
    members: 12,
    joinOption: "DisableApply",
  },
  {
    name: "Language Exchange 日本語・English",
    type: "Public",
    introduction: "Practice Japanese and English together. 日本語と英語の交換会です。",
    members: 95,
    admins: 2,
    pending: 2,
  },
  { name: "杭州咖啡地图", type: "Public", introduction: "探店、拉花、咖啡豆团购。", members: 40, joinOption: "FreeAccess" },
  {
    name: "Board Game Nights",
    type: "Public",
    introduction: "Thursday board game nights downtown. Bring a friend!",
    members: 28,
    maxMembers: 30,
    pending: 1,
  },
  // Work (Private)
  { name: "Design Team", type: "Private", introduction: "Product design crew.", members: 8 },
  { name: "营销部 2024 Q3", type: "Private", introduction: "Q3 营销活动协作", members: 12 },
  { name: "開発チーム Alpha", type: "Private", introduction: "Alpha プロジェクトの開発メンバー", members: 9 },
  { name: "Family ❤️", type: "Private", introduction: "", members: 5 },
  { name: "Project Phoenix Core", type: "Private", introduction: "Core team for the Phoenix migration.", members: 6 },
  { name: "客服小组", type: "Private", introduction: "客服值班与工单同步", members: 15 },
  { name: "Board of Directors", type: "Private", introduction: "Confidential.", members: 4 },
  // Meeting (ChatRoom)
  { name: "Weekly Standup", type: "ChatRoom", introduction: "Mondays 10:00. Keep it short.", members: 14, admins: 1 },
  { name: "設計レビュー会議", type: "ChatRoom", introduction: "週次の設計レビュー", members: 9 },
  { name: "季度复盘会", type: "ChatRoom", introduction: "每季度业务复盘", members: 22, admins: 1 },
  { name: "Customer Advisory Call", type: "ChatRoom", introduction: "Quarterly call with our customer advisory board.", members: 18 },
  {
    name: "Hackathon Kickoff",
    type: "ChatRoom",
    introduction: "48 hours, 12 teams, one demo day.",
    members: 40,
    maxMembers: 50,
    admins: 2,
  },
  { name: "技术分享会 #12", type: "ChatRoom", introduction: "本期主题：可观测性实践", members: 33 },
  // AVChatRoom
  { name: "Product Launch Live", type: "AVChatRoom", introduction: "Live stream of the spring product launch.", members: 150 },
  { name: "周末音乐直播", type: "AVChatRoom", introduction: "周末晚上的独立音乐现场", members: 90 },
  { name: "夜のラジオ配信", type: "AVChatRoom", introduction: "毎晩22時から生配信", members: 60 },
  { name: "eSports Finals Watch Party", type: "AVChatRoom", introduction: "Watch the finals together!", members: 130 },
  { name: "健身直播课", type: "AVChatRoom", introduction: "每天早上7点的跟练直播", members: 25, noOwner: true },
  // Community
  {
    name: "Open Source Community",
    type: "Community",
    id: "@TGS#_demo-community",
    introduction: "Contributors and users of our open source projects.",
    members: 150,
    admins: 4,
  },
  { name: "アニメ・漫画ファン", type: "Community", introduction: "アニメと漫画について語り合うコミュニティ", members: 110, admins: 3 },
  { name: "独立开发者社区", type: "Community", introduction: "独立开发者的产品、收入与增长分享", members: 95, admins: 2 },
  {
    name: "Photography Worldwide",
    type: "Community",
    introduction: "Topics per continent. Share your best shots.",
    members: 80,
    admins: 2,
    supportTopic: true,
  },
  {
    name: "Parents & Kids Learning",
    type: "Community",
    introduction: "Learning resources and weekend activities for families.",
    members: 50,
    admins: 1,
  },
  { name: "猫奴联盟", type: "Community", introduction: "晒猫、养猫经验、领养信息", members: 75, admins: 2 },
  { name: "Remote Workers Hub", type: "Community", introduction: "Tools, time zones and co-working spots.", members: 65, admins: 1 },
  { name: "Tokyo Startups", type: "Community", introduction: "Founders and engineers in Tokyo's startup scene.", members: 30, admins: 1 },
];
