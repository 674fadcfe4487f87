// Name pools for demo accounts: English, Japanese (romaji + kanji) and Chinese (pinyin + hanzi).

export const ENGLISH_GIVEN = [
  "Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Henry",
  "Amelia", "Jack", "Harper", "Leo", "Ella", "Owen", "Grace", "Ethan", "Chloe", "Daniel",
  "Zoe", "Samuel", "Lily", "Nathan", "Hannah", "Isaac", "Nora", "Ryan", "Ruby", "Caleb",
  "Alice", "Oscar", "Maya", "Felix", "Clara", "Adam", "Ivy", "Theo", "Sarah", "Max",
];

export const ENGLISH_FAMILY = [
  "Wilson", "Smith", "Johnson", "Brown", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Clark",
  "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams",
  "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards",
  "Collins", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Reed", "Bailey", "Bell", "Cooper",
];

/** [romaji, kanji] */
export const JAPANESE_GIVEN: readonly (readonly [string, string])[] = [
  ["Aiko", "愛子"], ["Haruto", "陽翔"], ["Yui", "結衣"], ["Sota", "蒼太"], ["Sakura", "さくら"],
  ["Ren", "蓮"], ["Hina", "陽菜"], ["Yuto", "悠斗"], ["Mio", "美緒"], ["Kaito", "海斗"],
  ["Rin", "凛"], ["Takumi", "拓海"], ["Aoi", "葵"], ["Daiki", "大輝"], ["Emi", "恵美"],
  ["Kenji", "健二"], ["Naomi", "直美"], ["Shota", "翔太"], ["Yuki", "由紀"], ["Hiroshi", "浩"],
  ["Miku", "未来"], ["Riku", "陸"], ["Kana", "佳奈"], ["Tsubasa", "翼"], ["Ayaka", "彩花"],
];

export const JAPANESE_FAMILY: readonly (readonly [string, string])[] = [
  ["Tanaka", "田中"], ["Sato", "佐藤"], ["Suzuki", "鈴木"], ["Takahashi", "高橋"], ["Watanabe", "渡辺"],
  ["Ito", "伊藤"], ["Yamamoto", "山本"], ["Nakamura", "中村"], ["Kobayashi", "小林"], ["Kato", "加藤"],
  ["Yoshida", "吉田"], ["Yamada", "山田"], ["Sasaki", "佐々木"], ["Matsumoto", "松本"], ["Inoue", "井上"],
  ["Kimura", "木村"], ["Hayashi", "林"], ["Shimizu", "清水"], ["Mori", "森"], ["Ikeda", "池田"],
];

/** [pinyin, hanzi] */
export const CHINESE_FAMILY: readonly (readonly [string, string])[] = [
  ["Wang", "王"], ["Li", "李"], ["Zhang", "张"], ["Liu", "刘"], ["Chen", "陈"],
  ["Yang", "杨"], ["Huang", "黄"], ["Zhao", "赵"], ["Wu", "吴"], ["Zhou", "周"],
  ["Xu", "徐"], ["Sun", "孙"], ["Ma", "马"], ["Zhu", "朱"], ["Hu", "胡"],
  ["Guo", "郭"], ["He", "何"], ["Lin", "林"], ["Luo", "罗"], ["Gao", "高"],
];

export const CHINESE_GIVEN: readonly (readonly [string, string])[] = [
  ["Fang", "芳"], ["Wei", "伟"], ["Na", "娜"], ["Min", "敏"], ["Jing", "静"],
  ["Lei", "磊"], ["Yang", "洋"], ["Yan", "艳"], ["Jie", "杰"], ["Tao", "涛"],
  ["Xiaoming", "晓明"], ["Jiayi", "佳怡"], ["Zihan", "子涵"], ["Haoran", "浩然"], ["Yuxuan", "雨轩"],
  ["Xinyi", "欣怡"], ["Junjie", "俊杰"], ["Mengyao", "梦瑶"], ["Zhiyuan", "志远"], ["Shuhui", "淑慧"],
  ["Chen", "晨"], ["Yue", "悦"], ["Bo", "博"], ["Qian", "倩"], ["Hao", "浩"],
  ["Ling", "玲"], ["Kai", "凯"], ["Xue", "雪"], ["Peng", "鹏"], ["Hui", "慧"],
];

/** Join-application messages in the three languages (also used by the simulator). */
export const APPLY_MESSAGES = [
  "Hi! A friend recommended this group and I'd love to join.",
  "Hello, I've been following your posts for a while. Could I join?",
  "I'm new to the city and looking for people with the same hobby.",
  "Would love to take part in the next meetup!",
  "Hey there, long-time lurker, first-time applicant :)",
  "I run a small blog on this topic and would like to share and learn.",
  "はじめまして！ぜひ参加させてください。",
  "友人の紹介で来ました。よろしくお願いします！",
  "勉強中の初心者ですが、参加してもよろしいでしょうか？",
  "毎週のイベントに参加したいです 🙏",
  "前からこのグループが気になっていました。",
  "你好，我是朋友介绍来的，想加入一起交流！",
  "一直关注这个群，希望能加入学习 🙂",
  "新人报到，请管理员通过一下，谢谢！",
  "我也是同好，周末经常有空参加活动。",
  "想认识更多志同道合的朋友，麻烦通过～",
];

export const REFUSE_REASONS = [
  "Sorry, we're at capacity for this season.",
  "This group is for local members only.",
  "申し訳ありませんが、現在メンバー募集を停止しています。",
  "抱歉，本群暂时只接受内部成员。",
];

export const APPROVE_REASONS = ["Welcome aboard!", "ようこそ！", "欢迎加入！", ""];
